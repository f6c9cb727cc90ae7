import type { FindingCode } from '../../../shared/findings.js';

/** The buttons a finding offers: what the user can do about it from the detail screen. */
export type FindingFix = 'renew' | 'issue-replacement' | 'edit-endpoints';

const fixesByCode: Partial<Readonly<Record<FindingCode, readonly FindingFix[]>>> = {
  'cert-expired': ['renew', 'issue-replacement'],
  'cert-expiring-soon': ['renew', 'issue-replacement'],
  'eku-not-client-auth-only': ['issue-replacement'],
  'no-roles': ['issue-replacement'],
  'key-mismatch': ['issue-replacement'],
  'cert-not-signed-by-ca': ['issue-replacement'],
  'no-endpoints': ['edit-endpoints'],
};

export function fixesFor(code: FindingCode): readonly FindingFix[] {
  return fixesByCode[code] ?? [];
}
