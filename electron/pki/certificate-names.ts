import type { X509Certificate } from 'node:crypto';
import { PkiError } from './pki-error.js';

/**
 * Names and validity as Node's X509Certificate (OpenSSL) reads them. This is the `list` path, so it uses
 * no ASN.1 library (DESIGN.md: cold start <= 4x `node -e ""`); OpenSSL has already parsed the DER.
 * Node's subject text is RFC 2253-escaped ("\0A" for a line break) with one RDN per line and " + " between
 * the values of a multi-valued RDN; its legacy object holds the raw values, which is where roles come from.
 */

export interface CertificateNames {
  subject: string;
  issuer: string;
  /** Every Organization value of the subject, in order (Talos reads roles from them). */
  organizations: string[];
  notBefore: Date;
  notAfter: Date;
}

/** `O=os:admin+O=os:reader, CN=alice`: RDNs in certificate order, multi-valued RDNs joined with `+`. */
function formatName(text: string | undefined): string {
  // Typed as a string, but undefined for an empty Name (a pre-RBAC Talos certificate has one).
  if (text === undefined || text === '') return '';
  return text
    .split('\n')
    .map((rdn) => rdn.split(' + ').join('+'))
    .join(', ');
}

function values(entry: string | string[] | undefined): string[] {
  if (entry === undefined) return [];
  return typeof entry === 'string' ? [entry] : entry;
}

function time(text: string, what: string): Date {
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new PkiError('invalid-der', `${what}: unreadable validity time`);
  return date;
}

export function certificateNames(cert: X509Certificate, what: string): CertificateNames {
  const subject = cert.toLegacyObject().subject as Record<string, string | string[]> | undefined;
  return {
    subject: formatName(cert.subject),
    issuer: formatName(cert.issuer),
    organizations: values(subject?.O),
    notBefore: time(cert.validFrom, what),
    notAfter: time(cert.validTo, what),
  };
}
