import { createHash, createPublicKey, randomBytes, X509Certificate, type KeyObject } from 'node:crypto';
import { parseRoles } from '../../shared/roles/catalog.js';
import { encodeClientSubject } from './certificate-der.js';
import { caSigningFields } from './certificate-fields.js';
import { isoSeconds } from './certificate-facts.js';
import { buildClientCertificateDer } from './client-certificate-der.js';
import { encodePem } from './pem.js';
import { PkiError } from './pki-error.js';
import { encodePrivateKeyPem, keyTypeName, publicKeysMatch, readPrivateKeyPem } from './private-key.js';
import { certificateSigner, generateKeyForFamily, keyFamily, type KeyFamily } from './signing-key.js';

/** DESIGN.md "Issuing": the one deliberate difference from Talos, which sets NotBefore = now. */
export const CLOCK_SKEW_SECONDS = 5 * 60;

export interface IssueClientCertificateInput {
  caCertPem: string;
  caKeyPem: string;
  roles: readonly string[];
  ttlSeconds: number;
  /** Written as the CommonName; Talos puts none there, so leave it out unless the holder must be named. */
  identity?: string;
  /**
   * A renewal: the old certificate's subject, reused byte for byte instead of one built from `roles` and
   * `identity` (which then only say what it holds).
   */
  subjectDer?: Buffer;
  now: Date;
  /**
   * Certify this key (from a CSR) instead of generating one; the result then has no keyPem. Its type may
   * differ from the CA's (Talos's own `gen crt --csr` signs whatever the CSR holds).
   */
  publicKey?: KeyObject;
}

export interface IssuedCertificate {
  certPem: string;
  /** With Talos's PEM label for the key type; absent when a public key was given. */
  keyPem?: string;
  /** Lowercase hex without leading zero bytes, as X509Certificate.serialNumber reports it. */
  serialHex: string;
  /** Lowercase hex of SHA-256 over the DER. */
  fingerprintSha256: string;
  /** ISO 8601 in whole seconds (`2026-01-01T00:00:00Z`), like CertFacts. */
  notBefore: string;
  notAfter: string;
  keyType: string;
  /** NotAfter was brought forward to the CA's own: the lifetime asked for would have outlived it. */
  cappedAtCaExpiry: boolean;
}

interface IssuingCa {
  subject: Buffer;
  subjectKeyId: Buffer | undefined;
  key: KeyObject;
  family: KeyFamily;
  /** Unix seconds. */
  notAfterSeconds: number;
}

/** A certificate valid for less than this, because its CA expires first, is refused, not issued. */
const MIN_LIFETIME_SECONDS = 60;

function readIssuingCa(caCertPem: string, caKeyPem: string, now: Date): IssuingCa {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(caCertPem);
  } catch {
    throw new PkiError('invalid-pem', 'CA certificate: not a readable PEM certificate; import the CA again');
  }
  if (!certificate.ca) {
    throw new PkiError(
      'not-a-ca',
      `CA certificate (${certificate.subject}): not a CA (BasicConstraints CA:FALSE)`,
    );
  }
  const key = readPrivateKeyPem(caKeyPem, 'CA key');
  if (!publicKeysMatch(certificate.publicKey, key)) {
    throw new PkiError(
      'key-mismatch',
      'CA key: does not belong to the CA certificate; import the matching pair',
    );
  }
  if (now.getTime() > Date.parse(certificate.validTo)) {
    throw new PkiError('ca-expired', `CA certificate: expired on ${certificate.validTo}; rotate the OS CA`);
  }
  if (now.getTime() < Date.parse(certificate.validFrom)) {
    throw new PkiError('ca-not-yet-valid', `CA certificate: not valid before ${certificate.validFrom}`);
  }
  const fields = caSigningFields(certificate.raw, 'CA certificate');
  return {
    subject: fields.subject,
    subjectKeyId: fields.subjectKeyId,
    key,
    family: keyFamily(key, 'CA key'),
    notAfterSeconds: Math.floor(Date.parse(certificate.validTo) / 1000),
  };
}

/** Go's crypto/x509 + siderolabs/crypto: a random serial in [1, 2^128), without leading zero bytes. */
function randomSerial(): Buffer {
  for (;;) {
    const bytes = randomBytes(16);
    const first = bytes.findIndex((byte) => byte !== 0);
    if (first >= 0) return bytes.subarray(first);
  }
}

/**
 * Issues a Talos client certificate with exactly Talos's profile (TALOS.md "Client certificates Talos
 * issues"): key type following the CA, subject O = the roles in one RDN, KeyUsage digitalSignature
 * (critical), ExtKeyUsage exactly clientAuth (Talos >= 1.12 refuses anything else), AKI = the CA's SKI and
 * no SKI, BasicConstraints or SAN. Roles are trimmed, deduplicated and sorted as Talos reads them; which
 * roles and lifetimes are allowed is the caller's policy.
 */
export async function issueClientCertificate(input: IssueClientCertificateInput): Promise<IssuedCertificate> {
  const roles = parseRoles(input.roles);
  if (roles.length === 0) {
    throw new PkiError(
      'no-roles',
      'roles: none given; Talos refuses every call from a certificate without roles',
    );
  }
  if (!Number.isSafeInteger(input.ttlSeconds) || input.ttlSeconds <= 0) {
    throw new PkiError(
      'invalid-ttl',
      `lifetime ${input.ttlSeconds} s: must be a whole number of seconds above 0`,
    );
  }
  const ca = readIssuingCa(input.caCertPem, input.caKeyPem, input.now);
  const given = input.publicKey?.type === 'private' ? createPublicKey(input.publicKey) : input.publicKey;
  if (given !== undefined) keyFamily(given, 'public key to certify');
  const generated = given === undefined ? await generateKeyForFamily(ca.family) : undefined;
  const publicKey = given ?? generated?.publicKey;
  if (publicKey === undefined) throw new PkiError('unsupported-key', 'no public key to certify');

  // X.509 times have whole seconds; truncate so the reported dates equal the certificate's.
  const nowSeconds = Math.floor(input.now.getTime() / 1000);
  const notBefore = new Date((nowSeconds - CLOCK_SKEW_SECONDS) * 1000);
  // A certificate stops working when its CA expires, whatever it says; one that claims more would make the
  // revocation horizon lie. So NotAfter never passes the CA's, and the caller is told.
  const askedEnd = nowSeconds + input.ttlSeconds;
  if (input.ttlSeconds < MIN_LIFETIME_SECONDS) {
    throw new PkiError(
      'invalid-ttl',
      `lifetime ${input.ttlSeconds} s: a certificate must live at least a minute to be of use`,
    );
  }
  const endSeconds = Math.min(askedEnd, ca.notAfterSeconds);
  if (endSeconds - nowSeconds < MIN_LIFETIME_SECONDS) {
    throw new PkiError(
      'ca-expires-too-soon',
      `CA certificate: expires ${isoSeconds(new Date(ca.notAfterSeconds * 1000))}, so what it signs now would be valid for under a minute; rotate the OS CA`,
    );
  }
  const notAfter = new Date(endSeconds * 1000);
  const identity = input.identity?.trim();
  const serial = randomSerial();

  const der = buildClientCertificateDer(
    {
      serial,
      issuer: ca.subject,
      subject: input.subjectDer ?? encodeClientSubject(roles, identity === '' ? undefined : identity),
      notBefore,
      notAfter,
      subjectPublicKeyInfo: publicKey.export({ type: 'spki', format: 'der' }),
      authorityKeyId: ca.subjectKeyId,
    },
    certificateSigner(ca.key, 'CA key'),
  );
  return {
    certPem: encodePem('CERTIFICATE', der),
    ...(generated === undefined ? {} : { keyPem: encodePrivateKeyPem(generated.privateKey) }),
    serialHex: serial.toString('hex'),
    fingerprintSha256: createHash('sha256').update(der).digest('hex'),
    notBefore: isoSeconds(notBefore),
    notAfter: isoSeconds(notAfter),
    keyType: keyTypeName(publicKey),
    cappedAtCaExpiry: endSeconds < askedEnd,
  };
}
