import { decodeOid, derContent, readDerChildren, readDerElement } from './der.js';

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
