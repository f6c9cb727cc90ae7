import type { ContextItem } from '../../../shared/contract/vault-contract.js';

export interface DueContexts {
  /** Inside their warning window (the main side applies the lifetime-relative rule). */
  expiring: ContextItem[];
  expired: ContextItem[];
  /** Of those, the ones a stored CA can renew here. */
  renewable: ContextItem[];
}

const has = (item: ContextItem, code: string) => item.findings.some((finding) => finding.code === code);

/**
 * What the expiry banner and the sidebar's badge count. Elevations are left out: they are short on purpose
 * and end on their own.
 */
export function dueContexts(items: readonly ContextItem[]): DueContexts {
  const lasting = items.filter((item) => item.elevation === null);
  const expiring = lasting.filter((item) => has(item, 'cert-expiring-soon'));
  const expired = lasting.filter((item) => has(item, 'cert-expired'));
  const renewable = [...expired, ...expiring].filter((item) => item.renewable);
  return { expiring, expired, renewable };
}

/** "a, b and 3 more": the names a banner can hold on one line. */
export function someNames(all: readonly string[], shown = 3): string {
  const names = all.slice(0, shown);
  const more = all.length - names.length;
  if (more > 0) return `${names.join(', ')} and ${more} more`;
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}
