import { derOid, derSequence, derSetOf, derTlv } from './der.js';

export const OID_ORGANIZATION = '2.5.4.10';
export const OID_COMMON_NAME = '2.5.4.3';

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
