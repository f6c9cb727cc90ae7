import {
  DER_TRUE,
  derBitString,
  derOctetString,
  derOid,
  derSequence,
  derTime,
  derTlv,
  derUnsignedInteger,
} from './der.js';
import type { CertificateSigner } from './signing-key.js';

const OID_KEY_USAGE = '2.5.29.15';
const OID_EXT_KEY_USAGE = '2.5.29.37';
const OID_AUTHORITY_KEY_IDENTIFIER = '2.5.29.35';
const OID_CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';

/** BIT STRING with only bit 0 (digitalSignature) set, trailing zero bits trimmed as Go writes it. */
const DIGITAL_SIGNATURE_ONLY = Buffer.from([0x03, 0x02, 0x07, 0x80]);

function extension(oid: string, critical: boolean, value: Buffer): Buffer {
  return derSequence([derOid(oid), ...(critical ? [DER_TRUE] : []), derOctetString(value)]);
}

export interface ClientCertificateFields {
  serial: Uint8Array;
  /** The CA's subject, byte for byte. */
  issuer: Buffer;
  subject: Buffer;
  notBefore: Date;
  notAfter: Date;
  subjectPublicKeyInfo: Buffer;
  /** The CA's SubjectKeyIdentifier; Go writes an AKI only when the parent has one. */
  authorityKeyId: Buffer | undefined;
}

/**
 * A Talos client certificate's DER, in the order Go's x509.CreateCertificate writes it: extensions
 * KeyUsage (critical), ExtKeyUsage, AuthorityKeyIdentifier — and nothing else (no SKI, BasicConstraints
 * or SAN on a Talos client leaf; TALOS.md "Client certificates Talos issues").
 *
 * Written by hand, not with the ASN.1 library that reads untrusted input: this only ENCODES fields we
 * chose, so it parses nothing hostile, and its output must be Go's byte for byte (Talos compares names as
 * raw bytes; Go picks PrintableString or UTF8String per value and sorts SET members), which
 * tests/electron/pki/go-encoding.test.ts checks against a certificate Talos issued. It also keeps issuing
 * at about a millisecond. If that test ever needs a special case here, move to the library instead.
 */
export function buildClientCertificateDer(
  fields: ClientCertificateFields,
  signer: CertificateSigner,
): Buffer {
  const extensions = [
    extension(OID_KEY_USAGE, true, DIGITAL_SIGNATURE_ONLY),
    extension(OID_EXT_KEY_USAGE, false, derSequence([derOid(OID_CLIENT_AUTH)])),
  ];
  if (fields.authorityKeyId !== undefined) {
    // AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] IMPLICIT OCTET STRING }
    extensions.push(
      extension(OID_AUTHORITY_KEY_IDENTIFIER, false, derSequence([derTlv(0x80, fields.authorityKeyId)])),
    );
  }
  const tbs = derSequence([
    derTlv(0xa0, derUnsignedInteger(Buffer.from([2]))), // v3
    derUnsignedInteger(fields.serial),
    signer.algorithmIdentifier,
    fields.issuer,
    derSequence([derTime(fields.notBefore), derTime(fields.notAfter)]),
    fields.subject,
    fields.subjectPublicKeyInfo,
    derTlv(0xa3, derSequence(extensions)),
  ]);
  return derSequence([tbs, signer.algorithmIdentifier, derBitString(signer.sign(tbs))]);
}
