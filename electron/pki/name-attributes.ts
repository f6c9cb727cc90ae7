import type { Name } from '@peculiar/asn1-x509';

export interface NameAttribute {
  oid: string;
  value: string;
}

/**
 * Every attribute of a Name the ASN.1 library parsed, in encoded order, multi-valued RDNs flattened.
 * String types (PrintableString, UTF8String, BMPString, …) are decoded by the library.
 */
export function nameAttributes(name: Name): NameAttribute[] {
  const attributes: NameAttribute[] = [];
  for (const rdn of name) {
    for (const attribute of rdn) attributes.push({ oid: attribute.type, value: attribute.value.toString() });
  }
  return attributes;
}
