import { relativeTime } from '../../../shared/relative-time.js';

/** `2026-12-31 14:05 UTC`: the exact instant, in one zone so two people reading it agree. */
export function instantText(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

/** `2026-12-31 14:05 UTC (in 30 days)`. */
export function instantWithRelative(iso: string, now: Date): string {
  return `${instantText(iso)} (${relativeTime(new Date(iso), now)})`;
}
