import { describe, expect, it } from 'vitest';
import { isExpiringSoon, warningWindowMs } from '../../shared/expiry-window.js';

const now = new Date('2026-12-01T12:00:00Z');
const hour = 3_600_000;
const day = 24 * hour;
const at = (offsetMs: number) => new Date(now.getTime() + offsetMs).toISOString();

/** A certificate that lived `lifetime` in all and has `left` of it now. */
function validity(lifetime: number, left: number) {
  return { notBefore: at(left - lifetime), notAfter: at(left) };
}

describe('the warning window: the smaller of warn-days and a third of the lifetime', () => {
  it.each([
    ['a fresh 8-hour certificate', 8 * hour, 8 * hour - 5 * 60_000, false],
    ['an 8-hour certificate with 2 hours left', 8 * hour, 2 * hour, true],
    ['a 30-day certificate with 3 days left', 30 * day, 3 * day, true],
    ['a 30-day certificate with 11 days left', 30 * day, 11 * day, false],
    ['a 400-day certificate with 20 days left', 400 * day, 20 * day, false],
    ['a 400-day certificate with 13 days left', 400 * day, 13 * day, true],
  ])('%s: warns %s', (_what, lifetime, left, warns) => {
    expect(isExpiringSoon(validity(lifetime, left), 14, now)).toBe(warns);
  });

  it('starts exactly a third of the lifetime before expiry, not a millisecond earlier', () => {
    expect(warningWindowMs(validity(30 * day, 0), 14)).toBe(10 * day);
    expect(isExpiringSoon(validity(30 * day, 10 * day), 14, now)).toBe(false);
    expect(isExpiringSoon(validity(30 * day, 10 * day - 1), 14, now)).toBe(true);
  });

  it('starts exactly warn-days before expiry for a long certificate', () => {
    expect(warningWindowMs(validity(400 * day, 0), 14)).toBe(14 * day);
    expect(isExpiringSoon(validity(400 * day, 14 * day), 14, now)).toBe(false);
    expect(isExpiringSoon(validity(400 * day, 14 * day - 1), 14, now)).toBe(true);
  });

  it('never warns with warn-days 0, and an expired certificate is expired, not expiring', () => {
    expect(isExpiringSoon(validity(8 * hour, 1), 0, now)).toBe(false);
    expect(isExpiringSoon(validity(8 * hour, 0), 14, now)).toBe(false);
    expect(isExpiringSoon(validity(8 * hour, -hour), 14, now)).toBe(false);
  });

  it('gives a certificate whose dates are reversed no window rather than a negative one', () => {
    expect(warningWindowMs({ notBefore: at(day), notAfter: at(0) }, 14)).toBe(0);
  });
});
