import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseTalosconfig } from '../../../shared/talosconfig/parse.js';
import type { TalosConfig } from '../../../shared/talosconfig/model.js';
import { serializeTalosconfig } from '../../../shared/talosconfig/serialize.js';
import { arbitraryTalosconfig, arbitraryTalosContext } from '../../support/arbitrary-talosconfig.js';

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

  it('reads back strings built from the characters that steer the writer (breaks, spaces, separators)', () => {
    // Where go-yaml's styles meet: leading and trailing breaks and spaces, U+2028/U+2029 (line breaks to
    // go-yaml, text to YAML 1.2), quotes and indicators.
    const steering = fc.string({
      unit: fc.constantFrom('\n', ' ', '\u2028', '\u2029', 'a', "'", '"', ':', '#', '-', '\t', 'y', '1'),
      maxLength: 8,
    });
    const name = steering.filter((text) => text !== '');
    fc.assert(
      fc.property(fc.array(steering, { maxLength: 3 }), arbitraryTalosContext(name), (nodes, base) => {
        const model: TalosConfig = {
          context: base.name,
          contexts: [{ ...base, nodes, extra: [] }],
          extra: [],
        };
        const text = serializeTalosconfig(model);
        expect(parseTalosconfig(text, 'model')).toEqual(model);
      }),
      { numRuns: 400 },
    );
  });
});
