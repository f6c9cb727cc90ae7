import type { ContextItem } from '../../../shared/contract/vault-contract.js';
import { relativeTime } from '../../../shared/relative-time.js';

export type ExpiryTone = 'ok' | 'soon' | 'expired' | 'none';

/** "expires in 3 months" / "expired 2 days ago", with a tone for the row's colour. */
export function expiryWords(item: ContextItem, now: Date): { text: string; tone: ExpiryTone } {
  if (item.cert === null) return { text: 'no client certificate', tone: 'none' };
  const notAfter = new Date(item.cert.notAfter);
  const when = relativeTime(notAfter, now);
  if (notAfter.getTime() <= now.getTime()) return { text: `expired ${when}`, tone: 'expired' };
  const soon = item.findings.some((finding) => finding.code === 'cert-expiring-soon');
  return { text: `expires ${when}`, tone: soon ? 'soon' : 'ok' };
}
