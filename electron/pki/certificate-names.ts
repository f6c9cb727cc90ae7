import { certificateDerParts } from './certificate-der.js';
import { derContent, derSequence, derWhole, readDerChildren, readDerElement } from './der.js';
import { readNameAttributes } from './name-attributes.js';
import { PkiError } from './pki-error.js';

/**
 * Names and validity read straight from the DER. Node's X509Certificate has no subject for an empty Name,
 * folds multi-valued RDNs into text and (on Node 20) gives dates only as text; a generic ASN.1 library
 * would do, but costs the CLI a tenth of a second at every start (DESIGN.md: cold start <= 4x node).
 */

const shortNames: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'street',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '0.9.2342.19200300.100.1.25': 'DC',
  '1.2.840.113549.1.9.1': 'E',
};

/** RFC 4514 escaping of an attribute value. */
function escapeValue(value: string): string {
  return value
    .replace(/[\\,+"<>;=]/g, (char) => `\\${char}`)
    .replace(/^([ #])/, '\\$1')
    .replace(/ $/, '\\ ');
}

/** `O=os:admin+O=os:reader, CN=alice`: RDNs in certificate order, multi-valued RDNs joined with `+`. */
function formatName(name: Buffer, what: string): string {
  const rdns: string[] = [];
  for (const rdn of readDerChildren(name, readDerElement(name, 0, what), what)) {
    // One RDN as a Name of its own, so its attributes stay together.
    rdns.push(
      readNameAttributes(derSequence([derWhole(name, rdn)]), what)
        .map(({ oid, value }) => `${shortNames[oid] ?? oid}=${escapeValue(value)}`)
        .join('+'),
    );
  }
  return rdns.join(', ');
}

/** UTCTime (YYMMDDHHMMSSZ, years 1950–2049) or GeneralizedTime (YYYYMMDDHHMMSSZ), RFC 5280 4.1.2.5. */
function readTime(tag: number, text: string, what: string): Date {
  const match =
    tag === 0x17
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text)
      : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!match) throw new PkiError('invalid-der', `${what}: unreadable validity time`);
  const [, yearText = '', month, day, hour, minute, second] = match.map(Number).map(String);
  let year = Number(yearText);
  if (tag === 0x17) year += year < 50 ? 2000 : 1900;
  return new Date(
    Date.UTC(year, Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second)),
  );
}

export interface CertificateNames {
  subject: string;
  issuer: string;
  /** Every Organization value of the subject, in order (Talos reads roles from them). */
  organizations: string[];
  notBefore: Date;
  notAfter: Date;
}

export function certificateNames(der: Uint8Array, what: string): CertificateNames {
  const parts = certificateDerParts(der, what);
  const [notBefore, notAfter] = readDerChildren(
    parts.validity,
    readDerElement(parts.validity, 0, what),
    what,
  );
  if (notBefore === undefined || notAfter === undefined) {
    throw new PkiError('invalid-der', `${what}: no validity`);
  }
  const time = (element: typeof notBefore) =>
    readTime(element.tag, derContent(parts.validity, element).toString('latin1'), what);
  return {
    subject: formatName(parts.subject, what),
    issuer: formatName(parts.issuer, what),
    organizations: readNameAttributes(parts.subject, what)
      .filter((attribute) => attribute.oid === '2.5.4.10')
      .map((attribute) => attribute.value),
    notBefore: time(notBefore),
    notAfter: time(notAfter),
  };
}
