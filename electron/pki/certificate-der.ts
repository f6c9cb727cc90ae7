import {
  decodeOid,
  derContent,
  derOid,
  derSequence,
  derSetOf,
  derTlv,
  derWhole,
  readDerChildren,
  readDerElement,
  type DerElement,
} from './der.js';
import { PkiError } from './pki-error.js';

export const OID_ORGANIZATION = '2.5.4.10';
export const OID_COMMON_NAME = '2.5.4.3';
export const OID_SUBJECT_KEY_IDENTIFIER = '2.5.29.14';

/** PrintableString's alphabet; Go's marshaller rejects `*` and `&` here although its parser allows them. */
const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;

/** Go marshals a name value as PrintableString when it can, else UTF8String. */
function directoryString(value: string): Buffer {
  return PRINTABLE.test(value)
    ? derTlv(0x13, Buffer.from(value, 'latin1'))
    : derTlv(0x0c, Buffer.from(value, 'utf8'));
}

function attribute(oid: string, value: string): Buffer {
  return derSequence([derOid(oid), directoryString(value)]);
}

/**
 * A subject as Go's pkix.Name.ToRDNSequence builds it for Talos client certificates: all Organization
 * values in ONE multi-valued RDN (a SET, hence in DER order), then the CommonName RDN if there is one.
 */
export function encodeClientSubject(organizations: readonly string[], commonName?: string): Buffer {
  const rdns: Buffer[] = [];
  if (organizations.length > 0) {
    rdns.push(derSetOf(organizations.map((value) => attribute(OID_ORGANIZATION, value))));
  }
  if (commonName !== undefined) rdns.push(derSetOf([attribute(OID_COMMON_NAME, commonName)]));
  return derSequence(rdns);
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
    throw new PkiError('invalid-der', `${what}: not a certificate`);
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
    throw new PkiError('invalid-der', `${what}: not a certificate`);
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
  const extension = parts.extensions.get(OID_SUBJECT_KEY_IDENTIFIER);
  if (extension === undefined) return undefined;
  const keyId = readDerElement(extension.value, 0, what);
  return derContent(extension.value, keyId);
}
