import type { IssuedCertificate } from '../../../shared/vault/vault-document.js';

const columns = [
  ['issued_at', (entry) => entry.issuedAt],
  ['serial', (entry) => entry.serial],
  ['ca', (entry) => entry.caName],
  ['ca_fingerprint_sha256', (entry) => entry.caFingerprintSha256],
  ['roles', (entry) => entry.roles.join(' ')],
  ['not_before', (entry) => entry.notBefore],
  ['not_after', (entry) => entry.notAfter],
  ['identity', (entry) => entry.identity ?? ''],
  ['context', (entry) => entry.context ?? ''],
  ['exported_to', (entry) => entry.exportedTo.join(' ')],
  ['fingerprint_sha256', (entry) => entry.fingerprintSha256],
] as const satisfies readonly (readonly [string, (entry: IssuedCertificate) => string])[];

/**
 * One RFC 4180 field. Identities, context names and paths are user input: a leading `=`, `+`, `-`, `@`,
 * tab or CR would make a spreadsheet run it as a formula (CSV injection), so such a field gets a `'`.
 */
function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The issuance log as CSV, a header line first, CRLF line ends (RFC 4180). */
export function issuanceLogCsv(entries: readonly IssuedCertificate[]): string {
  const lines = [
    columns.map(([name]) => name).join(','),
    ...entries.map((entry) => columns.map(([, value]) => field(value(entry))).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
