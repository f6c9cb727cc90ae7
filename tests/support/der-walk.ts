// Test oracle: a minimal DER walker that hands back the exact bytes of each part, so tests can compare what
// our encoder writes with what Go writes BYTE FOR BYTE. It reads only certificates and requests the tests
// made or the fixtures hold. The product never reads DER by hand: it uses the ASN.1 library
// (electron/pki/asn1.ts), which re-encodes what it parses and so could hide an encoding difference.
export interface DerElement {
  tag: number;
  /** Offset of the tag byte. */
  start: number;
  /** Offset of the first content byte. */
  contentStart: number;
  /** Offset just past the content. */
  end: number;
}

function malformed(what: string): Error {
  return new Error(`${what}: malformed DER`);
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

export interface NameAttribute {
  oid: string;
  value: string;
}

function decodeString(tag: number, bytes: Buffer): string {
  switch (tag) {
    case 0x14: // TeletexString: in practice Latin-1
      return bytes.toString('latin1');
    case 0x1e: // BMPString: UTF-16 big-endian
      return bytes.length % 2 === 0
        ? Buffer.from(bytes).swap16().toString('utf16le')
        : bytes.toString('latin1');
    default: // UTF8String, PrintableString, IA5String
      return bytes.toString('utf8');
  }
}

/** Every attribute of a DER Name in encoded order, multi-valued RDNs flattened. */
export function readNameAttributes(name: Buffer, source: string): NameAttribute[] {
  const attributes: NameAttribute[] = [];
  for (const rdn of readDerChildren(name, readDerElement(name, 0, source), source)) {
    for (const attribute of readDerChildren(name, rdn, source)) {
      const [oid, value] = readDerChildren(name, attribute, source);
      if (oid === undefined || value === undefined) continue;
      attributes.push({
        oid: decodeOid(derContent(name, oid)),
        value: decodeString(value.tag, derContent(name, value)),
      });
    }
  }
  return attributes;
}

export interface CertificateDerParts {
  tbs: Buffer;
  serial: Buffer;
  issuer: Buffer;
  validity: Buffer;
  subject: Buffer;
  subjectPublicKeyInfo: Buffer;
  /** Extension OID -> { critical, value (the OCTET STRING's content) }. */
  extensions: Map<string, { critical: boolean; value: Buffer }>;
}

function readExtensions(
  der: Uint8Array,
  fields: DerElement[],
  what: string,
): CertificateDerParts['extensions'] {
  const extensions: CertificateDerParts['extensions'] = new Map();
  const wrapper = fields.find((field) => field.tag === 0xa3);
  if (wrapper === undefined) return extensions;
  const [list] = readDerChildren(der, wrapper, what);
  if (list === undefined) return extensions;
  for (const extension of readDerChildren(der, list, what)) {
    const children = readDerChildren(der, extension, what);
    const oid = children[0];
    const value = children[children.length - 1];
    if (oid === undefined || value === undefined || children.length < 2) continue;
    const critical = children.length === 3 && derContent(der, children[1] ?? value)[0] === 0xff;
    extensions.set(decodeOid(derContent(der, oid)), { critical, value: derContent(der, value) });
  }
  return extensions;
}

/** The raw pieces of a certificate (RFC 5280 4.1), byte for byte: names are compared as bytes by Go. */
export function certificateDerParts(der: Uint8Array, what: string): CertificateDerParts {
  const certificate = readDerElement(der, 0, what);
  const [tbsElement] = readDerChildren(der, certificate, what);
  if (tbsElement === undefined) {
    throw new Error(`${what}: not a certificate`);
  }
  const fields = readDerChildren(der, tbsElement, what);
  // The version is an explicit [0] and optional (absent means v1).
  const skip = fields[0]?.tag === 0xa0 ? 1 : 0;
  const [serial, , issuer, validity, subject, spki] = fields.slice(skip);
  if (
    serial === undefined ||
    issuer === undefined ||
    validity === undefined ||
    subject === undefined ||
    spki === undefined
  ) {
    throw new Error(`${what}: not a certificate`);
  }
  return {
    tbs: derWhole(der, tbsElement),
    serial: derContent(der, serial),
    issuer: derWhole(der, issuer),
    validity: derWhole(der, validity),
    subject: derWhole(der, subject),
    subjectPublicKeyInfo: derWhole(der, spki),
    extensions: readExtensions(der, fields.slice(skip + 6), what),
  };
}

/** The key identifier in a certificate's SubjectKeyIdentifier extension, if it has one. */
export function subjectKeyIdentifier(parts: CertificateDerParts, what: string): Buffer | undefined {
  const extension = parts.extensions.get('2.5.29.14');
  if (extension === undefined) return undefined;
  const keyId = readDerElement(extension.value, 0, what);
  return derContent(extension.value, keyId);
}
