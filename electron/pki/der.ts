/**
 * The little DER this project WRITES by hand: the client-certificate profile and certificate requests.
 * Encoding only — anything read from outside goes through the ASN.1 library (asn1.ts). A hand encoder of
 * these few fixed fields gives Go's bytes exactly (DER is canonical; Talos compares names as raw bytes;
 * tests/electron/pki/go-encoding.test.ts checks it byte for byte) and issues in about a millisecond.
 */

function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export function derTlv(tag: number, content: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from([tag]), encodeLength(content.length), content]);
}

export function derSequence(parts: readonly Uint8Array[]): Buffer {
  return derTlv(0x30, Buffer.concat(parts));
}

/** X.690 11.6 (and Go's encoding/asn1 since 1.15): SET OF members in ascending order of their encodings. */
export function derSetOf(parts: readonly Uint8Array[]): Buffer {
  return derTlv(0x31, Buffer.concat([...parts].sort((a, b) => Buffer.compare(a, b))));
}

export function derOid(dotted: string): Buffer {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
  const bytes: number[] = [first * 40 + second];
  for (const arc of rest) {
    const groups: number[] = [arc % 128];
    for (let value = Math.floor(arc / 128); value > 0; value = Math.floor(value / 128)) {
      groups.unshift(0x80 | (value % 128));
    }
    bytes.push(...groups);
  }
  return derTlv(0x06, Buffer.from(bytes));
}

/** A non-negative INTEGER from big-endian magnitude bytes: minimal, with a 0x00 when the top bit is set. */
export function derUnsignedInteger(magnitude: Uint8Array): Buffer {
  let first = 0;
  while (first < magnitude.length - 1 && magnitude[first] === 0) first += 1;
  const bytes = Buffer.from(magnitude.subarray(first));
  return derTlv(0x02, (bytes[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
}

export function derBitString(bytes: Uint8Array): Buffer {
  return derTlv(0x03, Buffer.concat([Buffer.from([0]), bytes]));
}

export function derOctetString(bytes: Uint8Array): Buffer {
  return derTlv(0x04, bytes);
}

export const DER_TRUE = Buffer.from([0x01, 0x01, 0xff]);
export const DER_NULL = Buffer.from([0x05, 0x00]);

/** RFC 5280 4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050, whole seconds, always Z. */
export function derTime(date: Date): Buffer {
  const iso = date.toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ
  const digits = iso.slice(0, 19).replace(/[-T:]/g, '') + 'Z';
  const year = date.getUTCFullYear();
  return year >= 1950 && year < 2050
    ? derTlv(0x17, Buffer.from(digits.slice(2), 'latin1'))
    : derTlv(0x18, Buffer.from(digits, 'latin1'));
}
