import { X509Certificate, createHash } from 'node:crypto';
import type { CaFacts, CertFacts } from '../../shared/context-report.js';
import { isKnownRole, parseRoles } from '../../shared/roles/catalog.js';
import { parsePem } from './pem.js';
import { PkiError } from './pki-error.js';
import { keyTypeName } from './private-key.js';
import { certificateNames, type CertificateNames } from './certificate-names.js';

const extKeyUsageNames: Readonly<Record<string, string>> = {
  '2.5.29.37.0': 'anyExtendedKeyUsage',
  '1.3.6.1.5.5.7.3.1': 'serverAuth',
  '1.3.6.1.5.5.7.3.2': 'clientAuth',
  '1.3.6.1.5.5.7.3.3': 'codeSigning',
  '1.3.6.1.5.5.7.3.4': 'emailProtection',
  '1.3.6.1.5.5.7.3.8': 'timeStamping',
  '1.3.6.1.5.5.7.3.9': 'OCSPSigning',
};

function where(source: string | undefined): string {
  return source === undefined ? '' : `${source}: `;
}

/**
 * Every certificate of a PEM text, in order (`ca` may hold several during a CA rotation). Blocks of another
 * kind are refused rather than skipped: a private key pasted into `crt` or `ca` must not go unnoticed.
 */
export function readCertificates(pem: string, source?: string): X509Certificate[] {
  return parsePem(pem, source).map((block) => {
    if (block.label !== 'CERTIFICATE') {
      throw new PkiError(
        'invalid-pem',
        `${where(source)}holds a "${block.label}" block where only CERTIFICATE blocks belong — check what was pasted into this field`,
      );
    }
    return readCertificateDer(block.der, source);
  });
}

/** One certificate's DER (from a file, or a server's handshake), fully readable or a PkiError. */
export function readCertificateDer(der: Uint8Array, source?: string): X509Certificate {
  try {
    const cert = new X509Certificate(der);
    // OpenSSL reads the public key lazily: a damaged one fails at first use, far from this file. Load it
    // here, so a certificate this returns is one every later step can use.
    keyTypeName(cert.publicKey);
    return cert;
  } catch {
    throw new PkiError(
      'invalid-pem',
      `${where(source)}a CERTIFICATE block is not a readable X.509 certificate — import it again from the original file`,
    );
  }
}

function parsed(cert: X509Certificate): CertificateNames {
  return certificateNames(cert, 'certificate');
}

/** Extended key usage as names where known; Node's `keyUsage` holds the EXTENDED key usage OIDs (DESIGN.md). */
export function extKeyUsageOf(cert: X509Certificate): string[] {
  // Typed as always present, but undefined when the certificate has no extended key usage extension.
  const oids = cert.keyUsage as readonly string[] | undefined;
  return (oids ?? []).map((oid) => extKeyUsageNames[oid] ?? oid);
}

/** Lowercase hex of SHA-256 over the DER, as `openssl x509 -fingerprint -sha256` shows it without colons. */
export function fingerprintSha256(cert: X509Certificate): string {
  return createHash('sha256').update(cert.raw).digest('hex');
}

/** ISO 8601 in UTC without milliseconds: certificate times have whole seconds. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function certificateFacts(cert: X509Certificate): CertFacts {
  const details = parsed(cert);
  const roles = parseRoles(details.organizations);
  return {
    subject: details.subject,
    issuer: details.issuer,
    // Node gives the magnitude's bytes in uppercase hex, as `openssl x509 -serial` prints them.
    serial: cert.serialNumber.toLowerCase(),
    roles,
    unknownRoles: roles.filter((role) => !isKnownRole(role)),
    notBefore: isoSeconds(details.notBefore),
    notAfter: isoSeconds(details.notAfter),
    keyType: keyTypeName(cert.publicKey),
    fingerprintSha256: fingerprintSha256(cert),
    extKeyUsage: extKeyUsageOf(cert),
  };
}

export function caFacts(cert: X509Certificate): CaFacts {
  const details = parsed(cert);
  return {
    subject: details.subject,
    notBefore: isoSeconds(details.notBefore),
    notAfter: isoSeconds(details.notAfter),
    keyType: keyTypeName(cert.publicKey),
    fingerprintSha256: fingerprintSha256(cert),
  };
}

/** Whether `cert` names `ca` as its issuer and carries a valid signature by `ca`'s key. */
export function isSignedBy(cert: X509Certificate, ca: X509Certificate): boolean {
  try {
    return cert.checkIssued(ca) && cert.verify(ca.publicKey);
  } catch {
    return false;
  }
}
