import type { IssuedCertificate } from './vault/vault-document.js';

/**
 * Whether a log entry matches what the user typed: every word must appear (case-insensitive) in one of
 * its serial, fingerprint, CA, roles, identity, context or destinations. The log screen and its CSV
 * export use the same test, so the file holds exactly the rows the screen showed.
 */
export function matchesLogSearch(entry: IssuedCertificate, query: string): boolean {
  const words = query
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '');
  if (words.length === 0) return true;
  const haystack = [
    entry.serial,
    entry.fingerprintSha256,
    entry.caName,
    ...entry.roles,
    entry.identity ?? '',
    entry.context ?? '',
    ...entry.exportedTo,
  ]
    .join('\n')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}
