import type { FindingCode } from '../../../shared/findings.js';

/** The buttons a finding offers: what the user can do about it from the detail screen. */
export type FindingFix = 'renew' | 'request-renewal' | 'issue-replacement' | 'edit-endpoints';

const fixesByCode: Partial<Readonly<Record<FindingCode, readonly FindingFix[]>>> = {
  // Renewal keeps the context (same name, roles, identity, lifetime); where the CA is elsewhere, a request.
  'cert-expired': ['renew', 'request-renewal'],
  'cert-expiring-soon': ['renew', 'request-renewal'],
  'eku-not-client-auth-only': ['issue-replacement'],
  'no-roles': ['issue-replacement'],
  'key-mismatch': ['issue-replacement'],
  'cert-not-signed-by-ca': ['issue-replacement'],
  'no-endpoints': ['edit-endpoints'],
};

export function fixesFor(code: FindingCode): readonly FindingFix[] {
  return fixesByCode[code] ?? [];
}
