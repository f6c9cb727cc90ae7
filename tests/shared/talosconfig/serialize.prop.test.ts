import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseTalosconfig } from '../../../shared/talosconfig/parse.js';
import { serializeTalosconfig } from '../../../shared/talosconfig/serialize.js';
import { arbitraryTalosconfig } from '../../support/arbitrary-talosconfig.js';

describe('serializeTalosconfig then parseTalosconfig', () => {
  it('gives back every normalized model, unknown fields included', () => {
    fc.assert(
      fc.property(arbitraryTalosconfig(), (model) => {
        const text = serializeTalosconfig(model);
        expect(parseTalosconfig(text, 'model')).toEqual(model);
      }),
      { numRuns: 400 },
    );
  });

  it('is a fixed point: writing what was read gives the same bytes', () => {
    fc.assert(
      fc.property(arbitraryTalosconfig(), (model) => {
        const text = serializeTalosconfig(model);
        expect(serializeTalosconfig(parseTalosconfig(text, 'model'))).toBe(text);
      }),
      { numRuns: 200 },
    );
  });
});
