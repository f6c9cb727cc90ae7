import {
  Certificate,
  id_ce_keyUsage,
  id_ce_subjectKeyIdentifier,
  KeyUsage,
  KeyUsageFlags,
  SubjectKeyIdentifier,
} from '@peculiar/asn1-x509';
import { encodeDer, parseDer } from './asn1.js';
import { PkiError } from './pki-error.js';

/** What issuing needs from a CA certificate that Node's X509Certificate does not give. */
export interface CaSigningFields {
  /** The CA's subject, byte for byte: issued certificates name their issuer with it. */
  subject: Buffer;
  subjectKeyId: Buffer | undefined;
  /** KeyUsage keyCertSign, or true when the certificate states no key usage. */
  allowsCertSign: boolean;
}

/**
 * A certificate's subject exactly as encoded: a renewal reuses it byte for byte, so its Organization values
 * (the roles, unknown ones included, in their order) and its CommonName are the old ones — never widened,
 * narrowed or re-spelled.
 */
export function subjectDer(der: Uint8Array, what: string): Buffer {
  const certificate = parseDer(der, Certificate, what);
  const subject = encodeDer(certificate.tbsCertificate.subject, what);
  if (
    certificate.tbsCertificateRaw === undefined ||
    !Buffer.from(certificate.tbsCertificateRaw).includes(subject)
  ) {
    throw new PkiError(
      'invalid-der',
      `${what}: its subject is not DER-encoded; issue a new certificate instead`,
    );
  }
  return subject;
}

/** Reads a CA certificate's DER with the ASN.1 library (it came from a file: untrusted). */
export function caSigningFields(der: Uint8Array, what: string): CaSigningFields {
  const certificate = parseDer(der, Certificate, what);
  const tbs = certificate.tbsCertificate;
  const subject = encodeDer(tbs.subject, what);
  // Go compares names as bytes, so the issuer of what we issue must be the CA's subject exactly as it is
  // encoded. The library re-encodes what it parsed; in DER that is the same bytes, so finding them in
  // the certificate proves it (a BER-encoded CA would not match, and is refused rather than misnamed).
  if (
    certificate.tbsCertificateRaw === undefined ||
    !Buffer.from(certificate.tbsCertificateRaw).includes(subject)
  ) {
    throw new PkiError('ca-not-der', `${what}: its subject is not DER-encoded; Talos could not match it`);
  }
  const extension = (oid: string) => tbs.extensions?.find((candidate) => candidate.extnID === oid);
  const keyIdentifier = extension(id_ce_subjectKeyIdentifier);
  const keyUsage = extension(id_ce_keyUsage);
  return {
    subject,
    subjectKeyId:
      keyIdentifier === undefined
        ? undefined
        : Buffer.from(parseDer(keyIdentifier.extnValue.buffer, SubjectKeyIdentifier, what).buffer),
    allowsCertSign:
      keyUsage === undefined ||
      (parseDer(keyUsage.extnValue.buffer, KeyUsage, what).toNumber() & KeyUsageFlags.keyCertSign) !== 0,
  };
}
