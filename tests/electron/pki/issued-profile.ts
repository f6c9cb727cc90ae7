// Test helper: what a Talos client certificate must look like (TALOS.md "Client certificates Talos
// issues"), checked from the DER and from OpenSSL's own reading rather than from the library that made it.
import { X509Certificate } from 'node:crypto';
import { expect } from 'vitest';
import { OID_COMMON_NAME, OID_ORGANIZATION } from '../../../electron/pki/certificate-der.js';
import {
  certificateDerParts,
  decodeOid,
  derContent,
  readDerChildren,
  readDerElement,
} from '../../support/der-walk.js';
import { openssl, withFiles } from './openssl.js';

export interface NameAttribute {
  oid: string;
  tag: number;
  value: string;
}

/** A Name as its RDNs, each a list of attributes in encoded order. */
export function readName(der: Buffer): NameAttribute[][] {
  const root = readDerElement(der, 0, 'name');
  return readDerChildren(der, root, 'name').map((rdn) =>
    readDerChildren(der, rdn, 'name').map((attribute) => {
      const [oid, value] = readDerChildren(der, attribute, 'name');
      if (oid === undefined || value === undefined) throw new Error('bad attribute');
      return {
        oid: decodeOid(derContent(der, oid)),
        tag: value.tag,
        value: derContent(der, value).toString('utf8'),
      };
    }),
  );
}

export function certificateText(certPem: string): string {
  return withFiles({ 'cert.pem': certPem }, (paths) => {
    const result = openssl(['x509', '-in', paths['cert.pem'] ?? '', '-noout', '-text']);
    expect(result.ok, result.output).toBe(true);
    return result.output;
  });
}

/** Checks every point of Talos's client profile; returns OpenSSL's text for further checks. */
export function expectTalosClientProfile(
  certPem: string,
  caCertPem: string,
  caSubjectKeyIdHex: string,
  roles: readonly string[],
  identity?: string,
): string {
  const certificate = new X509Certificate(certPem);
  const ca = new X509Certificate(caCertPem);
  const parts = certificateDerParts(certificate.raw, 'issued');

  // Subject: the roles in ONE multi-valued RDN, in DER SET order (as Go writes it), then CN if any.
  const rdns = readName(parts.subject);
  const organizations = rdns[0] ?? [];
  expect(organizations.every((attribute) => attribute.oid === OID_ORGANIZATION)).toBe(true);
  expect(organizations.map((attribute) => attribute.value).sort()).toEqual([...roles].sort());
  const encoded = organizations.map((attribute) =>
    Buffer.from([attribute.value.length, ...Buffer.from(attribute.value)]),
  );
  expect(encoded).toEqual([...encoded].sort((a, b) => Buffer.compare(a, b)));
  expect(organizations.every((attribute) => attribute.tag === 0x13)).toBe(true); // PrintableString, as Go picks
  if (identity === undefined) {
    expect(rdns).toHaveLength(1);
  } else {
    expect(rdns).toHaveLength(2);
    expect(rdns[1]).toEqual([{ oid: OID_COMMON_NAME, tag: expect.any(Number) as number, value: identity }]);
  }
  expect(parts.issuer.equals(certificateDerParts(ca.raw, 'ca').subject)).toBe(true);

  const text = certificateText(certPem);
  expect(text).toMatch(/X509v3 Key Usage: critical\n\s+Digital Signature\n/);
  expect(text).toMatch(/X509v3 Extended Key Usage: \n\s+TLS Web Client Authentication\n/);
  const aki = /X509v3 Authority Key Identifier: \n\s+(?:keyid:)?([0-9A-F:]+)\n/.exec(text)?.[1];
  expect(aki?.replaceAll(':', '').toLowerCase()).toBe(caSubjectKeyIdHex);
  expect(text).not.toContain('Subject Key Identifier');
  expect(text).not.toContain('Basic Constraints');
  expect(text).not.toContain('Subject Alternative Name');
  expect(text.match(/X509v3 (?!extensions)/g)).toHaveLength(3);

  const serial = BigInt(`0x${certificate.serialNumber}`);
  expect(serial > 0n && serial < 2n ** 128n).toBe(true);
  return text;
}
