import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseTalosconfig } from '../../../shared/talosconfig/parse.js';
import { TalosconfigError } from '../../../shared/talosconfig/talosconfig-error.js';

function throwsOnlyTalosconfigError(input: string | Uint8Array): void {
  try {
    parseTalosconfig(input, 'input');
  } catch (error) {
    expect(error).toBeInstanceOf(TalosconfigError);
  }
}

/** Text built from YAML's own punctuation, so the parser's error paths are reached often. */
const yamlish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'context: ',
        'contexts:\n',
        '  prod:\n',
        '    endpoints: ',
        '    nodes:\n',
        '      - ',
        '    auth: {basic: ',
        '    ca: ',
        'target: ',
        '&a ',
        '*a',
        '!!binary ',
        '<<: ',
        '? ',
        ': ',
        '- ',
        '[',
        ']',
        '{',
        '}',
        ',',
        '"',
        "'",
        '|',
        '>',
        '#',
        '---\n',
        '...\n',
        '%YAML 1.2\n',
        '\t',
        '\n',
        '  ',
        '~',
        'null',
        'true',
        '0x1F',
        '1e400',
      ),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

describe('parseTalosconfig on any input', () => {
  it('throws nothing but TalosconfigError on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), throwsOnlyTalosconfigError), {
      numRuns: 500,
    });
  });

  it('throws nothing but TalosconfigError on YAML-like input', () => {
    fc.assert(fc.property(yamlish, throwsOnlyTalosconfigError), { numRuns: 2000 });
  });

  it('throws nothing but TalosconfigError on arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), throwsOnlyTalosconfigError), { numRuns: 300 });
  });

  it('returns unique, non-empty context names whenever it accepts a file', () => {
    fc.assert(
      fc.property(yamlish, (text) => {
        let names: string[];
        try {
          names = parseTalosconfig(text, 'input').contexts.map((context) => context.name);
        } catch {
          return;
        }
        expect(new Set(names).size).toBe(names.length);
        expect(names).not.toContain('');
      }),
      { numRuns: 1000 },
    );
  });
});
