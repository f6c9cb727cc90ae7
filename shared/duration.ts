import { UserError } from './user-error.js';

const unitSeconds = { w: 604_800, d: 86_400, h: 3_600, m: 60, s: 1 } as const;
type Unit = keyof typeof unitSeconds;
const unitOrder: readonly Unit[] = ['w', 'd', 'h', 'm', 's'];

/** Longer than any certificate lifetime worth issuing; keeps arithmetic on dates exact. */
const MAX_SECONDS = 100 * 365 * 86_400;

const HELP = 'use a number with a unit: s, m, h, d or w (e.g. 90m, 8h, 7d, 1h30m, 2w)';

/**
 * Parses a TTL such as `90m`, `8h`, `7d`, `2w` or `1h30m` into seconds. Units: s, m, h, d (24 h),
 * w (7 d); several may be combined, largest first, each once. Go-style hours (`8760h`) work because
 * talosctl's `--crt-ttl` takes them. There is no month or year unit: their length is ambiguous (use 365d).
 * Zero, negative, fractional and unit-less values are refused.
 */
export function parseDuration(text: string): number {
  const value = text.trim().toLowerCase();
  const refuse = (why: string): UserError =>
    new UserError('invalid-duration', `"${text}" is not a valid duration: ${why}; ${HELP}`);
  if (value === '') throw refuse('it is empty');
  const parts = /^(?:\d+[wdhms])+$/.test(value) ? value.match(/\d+[wdhms]/g) : null;
  if (parts === null) {
    throw refuse(/^\d+$/.test(value) ? 'it has no unit' : 'unexpected characters');
  }
  let total = 0;
  let previous = -1;
  for (const part of parts) {
    const unit = part.slice(-1) as Unit;
    const index = unitOrder.indexOf(unit);
    if (index <= previous) throw refuse('units must go from largest to smallest, each once');
    previous = index;
    total += Number(part.slice(0, -1)) * unitSeconds[unit];
    if (total > MAX_SECONDS) throw refuse('it is longer than 100 years');
  }
  if (total === 0) throw refuse('it is zero');
  return total;
}

/**
 * Formats seconds compactly with d, h, m and s (`7d`, `1h30m`, `0s`); parseDuration reads it back.
 * Weeks are written as days because "14d" is what people expect to read.
 */
export function formatDuration(seconds: number): string {
  let rest = Math.max(0, Math.floor(seconds));
  if (rest === 0) return '0s';
  let text = '';
  for (const unit of ['d', 'h', 'm', 's'] as const) {
    const count = Math.floor(rest / unitSeconds[unit]);
    rest -= count * unitSeconds[unit];
    if (count > 0) text += `${count}${unit}`;
  }
  return text;
}
