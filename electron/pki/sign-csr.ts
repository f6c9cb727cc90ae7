import { X509Certificate } from 'node:crypto';
import { parseRoles } from '../../shared/roles/catalog.js';
import { readCsr } from './csr.js';
import { issueClientCertificate, type IssuedCertificate } from './issue-certificate.js';
import { PkiError } from './pki-error.js';
import { keyTypeName } from './private-key.js';

export interface SignCsrInput {
  csrPem: string;
  caCertPem: string;
  caKeyPem: string;
  ttlSeconds: number;
  now: Date;
  /** Grant only these roles; each must have been asked for in the request. Default: what it asks for. */
  roles?: readonly string[];
  /** CommonName to write; default: the request's CN, if any (Talos's `gen crt` copies the subject). */
  identity?: string;
  /** Names the request in messages (its file name). */
  source?: string;
}

export interface SignedCsr extends IssuedCertificate {
  roles: string[];
  /** Things the signer should know but that do not stop signing. */
  notes: string[];
}

/**
 * Certifies the key in a certificate request with Talos's client profile. The request only proposes: roles
 * can be narrowed, never widened, and nothing else it asks for (SANs, extensions) is copied. Its key type
 * may differ from the CA's — Talos verifies the chain whatever the leaf key type is (`talosctl gen crt
 * --csr` signs any key too) — so that is allowed and reported in `notes`.
 */
/** What a caller is told when a certificate's lifetime was cut to its CA's. */
export function capNote(notAfter: string): string {
  return `valid only until ${notAfter}, when the CA itself expires: a shorter lifetime than asked for`;
}

export async function signCsr(input: SignCsrInput): Promise<SignedCsr> {
  const source = input.source ?? 'certificate request';
  const request = readCsr(input.csrPem, source);
  const granted = input.roles === undefined ? request.roles : parseRoles(input.roles);
  const notRequested = granted.filter((role) => !request.roles.includes(role));
  if (notRequested.length > 0) {
    throw new PkiError(
      'role-not-requested',
      `${source}: asks for ${request.roles.join(', ') || 'no roles'}; it cannot be granted ${notRequested.join(', ')} — ask for a new request`,
    );
  }
  const identity = input.identity ?? request.commonName;
  const issued = await issueClientCertificate({
    caCertPem: input.caCertPem,
    caKeyPem: input.caKeyPem,
    roles: granted,
    ttlSeconds: input.ttlSeconds,
    now: input.now,
    publicKey: request.publicKey,
    ...(identity === undefined ? {} : { identity }),
  });
  const notes: string[] = [];
  const caKeyType = keyTypeName(new X509Certificate(input.caCertPem).publicKey);
  if (caKeyType !== request.keyType) {
    notes.push(
      `the request's key is ${request.keyType} while the CA's is ${caKeyType}; Talos accepts this, though its own certificates use the CA's key type`,
    );
  }
  const dropped = request.roles.filter((role) => !granted.includes(role));
  if (dropped.length > 0) notes.push(`roles asked for but not granted: ${dropped.join(', ')}`);
  if (issued.cappedAtCaExpiry) notes.push(capNote(issued.notAfter));
  return { ...issued, roles: granted, notes };
}
