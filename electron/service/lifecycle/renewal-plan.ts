import type { X509Certificate } from 'node:crypto';
import { formatDuration } from '../../../shared/duration.js';
import { quoteName } from '../../../shared/quote-name.js';
import { parseRoles, roleCatalog } from '../../../shared/roles/catalog.js';
import type { VaultContext, VaultDocument } from '../../../shared/vault/vault-document.js';
import { certificateNames } from '../../pki/certificate-names.js';
import { subjectDer } from '../../pki/certificate-fields.js';
import { fingerprintSha256, isoSeconds, isSignedBy, readCertificates } from '../../pki/certificate-facts.js';
import { CLOCK_SKEW_SECONDS } from '../../pki/issue-certificate.js';
import { decodeBase64Field } from '../../pki/pem.js';
import { PkiError } from '../../pki/pki-error.js';
import { resolveTtl } from '../issuing/policy.js';
import { clientCertificateOf, signingStoredCa, type StoredCa } from '../renewal-check.js';

/** What renewing one context will issue: the old subject, the old lifetime, by the CA that signed it. */
export interface RenewalPlan {
  entry: VaultContext;
  signer: StoredCa;
  subject: Buffer;
  /** The O values as written (renewal keeps them exactly). */
  organizations: string[];
  /** As Talos reads them: for the admin confirmation. */
  roles: string[];
  identity: string | null;
  lifetimeSeconds: number;
  replaces: { serial: string; notAfter: string };
  notes: string[];
}

/** A certificate that lives less than this is renewed for this long: a renewal must be usable. */
const MIN_RENEWAL_SECONDS = 60;

export function renewalPlan(
  document: VaultDocument,
  entry: VaultContext,
  options: { ttlSeconds?: number | undefined; allowAdmin: boolean },
): RenewalPlan {
  const leaf = clientCertificateOf(entry.context);
  const name = quoteName(entry.context.name);
  if (leaf === null) {
    throw new PkiError('invalid-pem', `context ${name}: has no readable client certificate to renew`);
  }
  const signer = signingStoredCa(document, entry.context);
  if (signer === null) throw notRenewable(entry, leaf);
  const names = certificateNames(leaf, `context ${name}`);
  const roles = parseRoles(names.organizations);
  if (roles.length === 0) {
    throw new PkiError(
      'no-roles',
      `context ${name}: its certificate carries no roles, so a renewal would be refused by Talos too; issue a new one with the roles needed`,
    );
  }
  const powerful = roleCatalog.filter((info) => info.adminEquivalent && roles.includes(info.role));
  if (powerful.length > 0 && !options.allowAdmin) {
    throw new PkiError(
      'admin-needs-confirmation',
      `context ${name} holds ${powerful.map((info) => info.role).join(' and ')}, which can do anything on the cluster; confirm the renewal`,
    );
  }
  const notes: string[] = [];
  const oldLifetime = Math.floor((names.notAfter.getTime() - names.notBefore.getTime()) / 1000);
  let lifetimeSeconds: number;
  if (options.ttlSeconds !== undefined) {
    lifetimeSeconds = resolveTtl(document.settings, options.ttlSeconds);
  } else {
    // Our own certificates are backdated for clock skew; the lifetime asked for excludes it.
    lifetimeSeconds = Math.max(MIN_RENEWAL_SECONDS, oldLifetime - CLOCK_SKEW_SECONDS);
    if (lifetimeSeconds > document.settings.maxTtlSeconds) {
      notes.push(
        `the old lifetime of ${formatDuration(lifetimeSeconds)} is above this vault's maximum; renewed for ${formatDuration(document.settings.maxTtlSeconds)}`,
      );
      lifetimeSeconds = document.settings.maxTtlSeconds;
    }
  }
  const identity = commonNameOf(leaf);
  return {
    entry,
    signer,
    subject: subjectDer(leaf.raw, `context ${name}: certificate`),
    organizations: names.organizations,
    roles,
    identity,
    lifetimeSeconds,
    replaces: { serial: leaf.serialNumber.toLowerCase(), notAfter: isoSeconds(names.notAfter) },
    notes,
  };
}

/** The certificate's O values as written. */
export function organizationsOf(leaf: X509Certificate): string[] {
  return certificateNames(leaf, 'certificate').organizations;
}

export function commonNameOf(leaf: X509Certificate): string | null {
  const subject = leaf.toLegacyObject().subject as Record<string, string | string[]> | undefined;
  const value = subject?.CN;
  if (value === undefined) return null;
  return typeof value === 'string' ? value : value.join('+');
}

/** The CA that signed the leaf, as far as the context itself tells: its `ca` field, when that holds it. */
export function issuerOf(entry: VaultContext, leaf: X509Certificate) {
  let fingerprint: string | null = null;
  try {
    const trusted = entry.context.ca === '' ? [] : readCertificates(decodeBase64Field(entry.context.ca));
    const signer = trusted.find((ca) => isSignedBy(leaf, ca));
    fingerprint = signer === undefined ? null : fingerprintSha256(signer);
  } catch {
    // an unreadable `ca` field names no fingerprint; the subject still says which CA
  }
  return { subject: certificateNames(leaf, 'certificate').issuer, fingerprintSha256: fingerprint };
}

function notRenewable(entry: VaultContext, leaf: X509Certificate): PkiError {
  const issuer = issuerOf(entry, leaf);
  const which =
    issuer.fingerprintSha256 === null
      ? `CA "${issuer.subject}"`
      : `CA "${issuer.subject}" (SHA-256 ${issuer.fingerprintSha256})`;
  return new PkiError(
    'not-renewable',
    `context ${quoteName(entry.context.name)}: signed by ${which}, which this vault does not hold; import that CA to renew here, or have whoever holds it sign a renewal request`,
  );
}
