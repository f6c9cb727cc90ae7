import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDuration, parseDuration } from '../../shared/duration.js';
import { UserError } from '../../shared/user-error.js';

describe('parseDuration', () => {
  it.each([
    ['90m', 5_400],
    ['8h', 28_800],
    ['7d', 604_800],
    ['1h30m', 5_400],
    ['2w', 1_209_600],
    ['45s', 45],
    ['8760h', 31_536_000],
    ['1w2d3h4m5s', 604_800 + 2 * 86_400 + 3 * 3_600 + 4 * 60 + 5],
    [' 7D ', 604_800],
  ])('reads %s as %d seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each([
    ['', 'it is empty'],
    ['7', 'it has no unit'],
    ['seven days', 'unexpected characters'],
    ['1.5h', 'unexpected characters'],
    ['-1h', 'unexpected characters'],
    ['1y', 'unexpected characters'],
    ['30m1h', 'largest to smallest'],
    ['1h1h', 'largest to smallest'],
    ['0h', 'it is zero'],
    ['999999999999d', 'longer than 100 years'],
  ])('refuses %j (%s) with a message naming the value', (text, why) => {
    let caught: unknown;
    try {
      parseDuration(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UserError);
    expect((caught as UserError).code).toBe('invalid-duration');
    expect((caught as UserError).message).toContain(`"${text}"`);
    expect((caught as UserError).message).toContain(why);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [45, '45s'],
    [5_400, '1h30m'],
    [604_800, '7d'],
    [31_536_000, '365d'],
    [90_061, '1d1h1m1s'],
  ])('writes %d seconds as %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('is read back by parseDuration to the same number of seconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 * 365 * 86_400 }), (seconds) => {
        expect(parseDuration(formatDuration(seconds))).toBe(seconds);
      }),
    );
  });
});
