import { PkiError } from './pki-error.js';

/**
 * The little DER this project writes and reads by hand. Client certificates are encoded here rather than
 * through a generic ASN.1 library so that they come out byte for byte as Go writes them (Talos compares
 * names as raw bytes) and fast enough to issue in bulk.
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

export interface DerElement {
  tag: number;
  /** Offset of the tag byte. */
  start: number;
  /** Offset of the first content byte. */
  contentStart: number;
  /** Offset just past the content. */
  end: number;
}

function malformed(what: string): PkiError {
  return new PkiError(
    'invalid-der',
    `${what}: malformed DER; the data is damaged or not what it claims to be`,
  );
}

/** One element at `offset`; definite lengths only, as DER requires. */
export function readDerElement(bytes: Uint8Array, offset: number, what: string): DerElement {
  const tag = bytes[offset];
  const first = bytes[offset + 1];
  if (tag === undefined || first === undefined || (tag & 0x1f) === 0x1f) throw malformed(what);
  let length = first;
  let contentStart = offset + 2;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 4) throw malformed(what);
    length = 0;
    for (let index = 0; index < count; index++) {
      const byte = bytes[contentStart + index];
      if (byte === undefined) throw malformed(what);
      length = length * 256 + byte;
    }
    contentStart += count;
  }
  const end = contentStart + length;
  if (end > bytes.length) throw malformed(what);
  return { tag, start: offset, contentStart, end };
}

export function readDerChildren(bytes: Uint8Array, parent: DerElement, what: string): DerElement[] {
  const children: DerElement[] = [];
  for (let offset = parent.contentStart; offset < parent.end;) {
    const child = readDerElement(bytes, offset, what);
    if (child.end > parent.end) throw malformed(what);
    children.push(child);
    offset = child.end;
  }
  return children;
}

export function derContent(bytes: Uint8Array, element: DerElement): Buffer {
  return Buffer.from(bytes.subarray(element.contentStart, element.end));
}

export function derWhole(bytes: Uint8Array, element: DerElement): Buffer {
  return Buffer.from(bytes.subarray(element.start, element.end));
}

/** Dotted form of an OBJECT IDENTIFIER's content bytes. */
export function decodeOid(content: Uint8Array): string {
  const [first = 0, ...rest] = content;
  const arcs = first < 80 ? [Math.floor(first / 40), first % 40] : [2, first - 80];
  let value = 0;
  for (const byte of rest) {
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) {
      arcs.push(value);
      value = 0;
    }
  }
  return arcs.join('.');
}
