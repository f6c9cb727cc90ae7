import type { LogResult } from '../../../shared/contract/issuing-contract.js';
import type { IssuedCertificate, VaultCa, VaultDocument } from '../../../shared/vault/vault-document.js';
import type { IssuedCertificate as IssuedPki } from '../../pki/issue-certificate.js';

export interface LogDetails {
  roles: readonly string[];
  identity: string | null;
  context: string | null;
  exportedTo: readonly string[];
  issuedAt: Date;
  renews?: string;
  elevatedFrom?: string;
  reason?: string;
}

/** One issuance log line (DESIGN.md "Issuing"): everything needed to know what is out there, no key. */
export function logEntry(issued: IssuedPki, ca: VaultCa, details: LogDetails): IssuedCertificate {
  return {
    serial: issued.serialHex.toLowerCase(),
    fingerprintSha256: issued.fingerprintSha256,
    caFingerprintSha256: ca.fingerprintSha256,
    caName: ca.name,
    roles: [...details.roles],
    notBefore: issued.notBefore,
    notAfter: issued.notAfter,
    identity: details.identity,
    context: details.context,
    issuedAt: details.issuedAt.toISOString(),
    exportedTo: [...details.exportedTo],
    renews: details.renews ?? null,
    elevatedFrom: details.elevatedFrom ?? null,
    reason: details.reason ?? null,
  };
}

/**
 * Talos has no revocation (TALOS.md): every certificate a CA issued works until it expires, so "everything
 * issued so far is dead after" the latest expiry among those still valid. Null when none is valid.
 */
export function revocationHorizon(
  issued: readonly IssuedCertificate[],
  caFingerprint: string,
  now: Date,
): string | null {
  let latest: string | null = null;
  for (const entry of issued) {
    if (entry.caFingerprintSha256 !== caFingerprint) continue;
    if (Date.parse(entry.notAfter) <= now.getTime()) continue;
    if (latest === null || Date.parse(entry.notAfter) > Date.parse(latest)) latest = entry.notAfter;
  }
  return latest;
}

/** The log, optionally of one CA (by name, stored or not), with each CA's revocation horizon. */
export function readLog(document: VaultDocument, caName: string | undefined, now: Date): LogResult {
  const entries = document.issued.filter((entry) => caName === undefined || entry.caName === caName);
  const cas = new Map<string, string>();
  for (const ca of document.cas) cas.set(ca.fingerprintSha256, ca.name);
  for (const entry of entries)
    if (!cas.has(entry.caFingerprintSha256)) cas.set(entry.caFingerprintSha256, entry.caName);
  const horizons = [...cas]
    .filter(([, name]) => caName === undefined || name === caName)
    .map(([fingerprint, name]) => ({
      ca: name,
      fingerprintSha256: fingerprint,
      revocationHorizon: revocationHorizon(document.issued, fingerprint, now),
    }));
  return { entries, horizons };
}

/** Adds a destination to the log entries of these certificates (by fingerprint). */
export function recordExport(
  document: VaultDocument,
  certificateFingerprints: readonly string[],
  destination: string,
): VaultDocument {
  return {
    ...document,
    issued: document.issued.map((entry) =>
      certificateFingerprints.includes(entry.fingerprintSha256) && !entry.exportedTo.includes(destination)
        ? { ...entry, exportedTo: [...entry.exportedTo, destination] }
        : entry,
    ),
  };
}
