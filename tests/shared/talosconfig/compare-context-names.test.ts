import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareContextNames } from '../../../shared/talosconfig/compare-context-names.js';

describe('compareContextNames (yaml.v3 map key order)', () => {
  it.each([
    ['prod-2', 'prod-10'],
    ['a1', 'a01'],
    ['B', 'b'],
    ['_x', 'a'],
    ['1e4', '10.5.0.2'],
    ['prod', 'prod-1'],
    ['x9', 'x10'],
  ])('puts %j before %j', (first, second) => {
    expect(compareContextNames(first, second)).toBe(-1);
    expect(compareContextNames(second, first)).toBe(1);
  });

  it('is antisymmetric and zero only for equal names', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(compareContextNames(a, b) + compareContextNames(b, a)).toBe(0);
        expect(compareContextNames(a, b) === 0).toBe(a === b);
      }),
    );
  });
});
