import { AsnConvert } from '@peculiar/asn1-schema';
import { PkiError } from './pki-error.js';

/**
 * Untrusted DER (a teammate's certificate request, a certificate from a file) is read with a maintained
 * ASN.1 library, never by hand (DESIGN.md "Dependencies"). Whatever the bytes, the outcome is the parsed
 * structure or one PkiError: the library's own errors (and its messages, which may quote the input) stay
 * inside. Not on the `list` path: the CLI loads it only for commands that read requests or issue.
 */
export function parseDer<T>(der: Uint8Array | ArrayBuffer, type: new () => T, what: string): T {
  try {
    return AsnConvert.parse(der, type);
  } catch {
    throw new PkiError(
      'invalid-der',
      `${what}: malformed DER; the data is damaged or not what it claims to be`,
    );
  }
}

/** The DER of a parsed value, re-encoded by the library. */
export function encodeDer(value: object, what: string): Buffer {
  try {
    return Buffer.from(AsnConvert.serialize(value));
  } catch {
    throw new PkiError('invalid-der', `${what}: holds a value that cannot be encoded again`);
  }
}
