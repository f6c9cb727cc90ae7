import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseTalosconfig } from '../../../shared/talosconfig/parse.js';
import { serializeTalosconfig } from '../../../shared/talosconfig/serialize.js';
import { TalosconfigError } from '../../../shared/talosconfig/talosconfig-error.js';
import { arbitraryTalosconfig } from '../../support/arbitrary-talosconfig.js';

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

/**
 * Real talosconfigs as talosctl writes them, some changed where names go wrong: a context written twice
 * under one name, a name made empty, two names made equal by quoting (`prod` and `"prod"`).
 */
const talosconfigWithNameTrouble = fc
  .record({
    config: arbitraryTalosconfig({ maxContexts: 4 }).filter((config) => config.contexts.length > 0),
    trouble: fc.constantFrom('none', 'duplicate', 'empty', 'quoted-twin'),
  })
  .map(({ config, trouble }) => {
    const text = serializeTalosconfig(config);
    if (trouble === 'none') return text;
    // The first context's block: its `    NAME:` line and the deeper lines under it.
    const lines = text.split('\n');
    const start = lines.indexOf('contexts:') + 1;
    let end = start + 1;
    while (end < lines.length && (lines[end] ?? '').startsWith('        ')) end += 1;
    const block = lines.slice(start, end);
    const name = (block[0] ?? '').trim().slice(0, -1);
    const header =
      trouble === 'duplicate'
        ? (block[0] ?? '')
        : trouble === 'empty'
          ? '    "":'
          : `    ${name.startsWith('"') ? name.slice(1, -1) : JSON.stringify(name)}:`;
    const changed = [header, ...block.slice(1)];
    return (
      trouble === 'empty'
        ? [...lines.slice(0, start), ...changed, ...lines.slice(end)]
        : [...lines.slice(0, end), ...changed, ...lines.slice(end)]
    ).join('\n');
  });

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
    let accepted = 0;
    let withContexts = 0;
    const runs = 1000;
    fc.assert(
      fc.property(talosconfigWithNameTrouble, (text) => {
        let names: string[];
        try {
          names = parseTalosconfig(text, 'input').contexts.map((context) => context.name);
        } catch (error) {
          expect(error).toBeInstanceOf(TalosconfigError);
          return;
        }
        accepted += 1;
        if (names.length > 0) withContexts += 1;
        expect(new Set(names).size).toBe(names.length);
        expect(names).not.toContain('');
      }),
      { numRuns: runs },
    );
    // The property means something only if real files with contexts reach it, and name trouble is refused.
    expect(withContexts).toBeGreaterThan(runs / 5);
    expect(runs - accepted).toBeGreaterThan(runs / 2);
  });
});
