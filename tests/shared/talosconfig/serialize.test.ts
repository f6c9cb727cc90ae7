import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compareContextNames } from '../../../shared/talosconfig/compare-context-names.js';
import { emptyConfig, type TalosConfig, type TalosContext } from '../../../shared/talosconfig/model.js';
import { parseTalosconfig } from '../../../shared/talosconfig/parse.js';
import { serializeTalosconfig } from '../../../shared/talosconfig/serialize.js';

const golden = JSON.parse(
  readFileSync(fileURLToPath(new URL('./yaml-v3-golden.json', import.meta.url)), 'utf8'),
) as Array<{ model: TalosConfig; yaml: string }>;

function context(name: string, fields: Partial<TalosContext> = {}): TalosContext {
  return { name, endpoints: [], nodes: [], ca: '', crt: '', key: '', extra: [], ...fields };
}

describe('serializeTalosconfig', () => {
  it('writes an empty config as talosctl does', () => {
    expect(serializeTalosconfig(emptyConfig())).toBe('context: ""\ncontexts: {}\n');
  });

  // The writer is checked byte for byte against talosctl 1.12 in talosctl-writer-golden.test.ts; these
  // files from talosctl 1.11's library must still read to what it held.
  it('reads every recorded gopkg.in/yaml.v3 (talosctl 1.11) output back to its model', () => {
    expect(golden.length).toBeGreaterThan(100);
    for (const { model, yaml } of golden) {
      const contexts = [...model.contexts].sort((x, y) => compareContextNames(x.name, y.name));
      expect(parseTalosconfig(yaml, 'yaml.v3')).toEqual({ ...model, contexts });
    }
  });

  it('orders contexts as go-yaml orders map keys, not bytewise', () => {
    const names = ['prod-10', 'prod-2', 'b', 'B', 'a01', 'a1', '10.5.0.2', '1e4', '_x', 'prod'];
    const text = serializeTalosconfig({
      context: '',
      contexts: names.map((name) => context(name)),
      extra: [],
    });
    const written = [...text.matchAll(/^ {4}(\S.*):$/gm)].map((match) => match[1]);
    // As gopkg.in/yaml.v3 v3.0.1 wrote them for the same names (v4 sorts keys the same way).
    expect(written).toEqual(['_x', '"1e4"', '10.5.0.2', 'B', 'a1', 'a01', 'b', 'prod', 'prod-2', 'prod-10']);
  });

  it('writes a talosctl-style file: endpoints always, list items under their key, empty fields left out', () => {
    const config: TalosConfig = {
      context: 'omni',
      contexts: [
        context('omni', {
          endpoints: ['https://x.omni.siderolabs.io'],
          auth: { siderov1: { identity: 'me@example.com' } },
          cluster: 'prod',
        }),
        context('basic', {
          endpoints: ['10.0.0.1'],
          nodes: ['10.0.0.2'],
          auth: { basic: { username: 'u', password: 'true' } },
        }),
        context('proxied', { ca: 'Q0E=', crt: 'Q1JU', key: 'S0VZ', proxyUrl: 'http://proxy:3128' }),
      ],
      extra: [],
    };
    expect(serializeTalosconfig(config)).toBe(
      [
        'context: omni',
        'contexts:',
        '    basic:',
        '        endpoints:',
        '            - 10.0.0.1',
        '        nodes:',
        '            - 10.0.0.2',
        '        auth:',
        '            basic:',
        '                username: u',
        '                password: "true"',
        '    omni:',
        '        endpoints:',
        '            - https://x.omni.siderolabs.io',
        '        auth:',
        '            siderov1:',
        '                identity: me@example.com',
        '        cluster: prod',
        '    proxied:',
        '        endpoints: []',
        '        ca: Q0E=',
        '        crt: Q1JU',
        '        key: S0VZ',
        '        proxy-url: http://proxy:3128',
        '',
      ].join('\n'),
    );
  });

  it.each([
    ['plain', 'a:b', 'a:b'],
    ['double-quoted when it would read as another type', '1.5', '"1.5"'],
    ['single-quoted YAML 1.1 booleans (talosctl 1.12; 1.11 double-quoted them)', 'off', "'off'"],
    ['single-quoted YAML 1.1 sexagesimals', '12:30', "'12:30'"],
    ['single-quoted merge keys (v4 representer, looksLikeMerge)', '<<', "'<<'"],
    ['plain when only yaml.v3 read it as a number', '0b-1', '0b-1'],
    ['double-quoted empty', '', '""'],
    ['single-quoted when it starts with an indicator', '*.example.com', "'*.example.com'"],
    ['single-quoted with ": "', 'a: b', "'a: b'"],
    ['double-quoted with escapes for tabs and astral characters', 'a\t😀', '"a\\t\\U0001F600"'],
  ])('writes strings %s', (_why, value, written) => {
    const text = serializeTalosconfig({ context: value, contexts: [], extra: [] });
    expect(text).toBe(`context: ${written}\ncontexts: {}\n`);
  });

  it('writes multi-line strings as literal blocks', () => {
    const text = serializeTalosconfig({
      context: '',
      contexts: [context('a', { ca: 'line 1\nline 2' })],
      extra: [],
    });
    expect(text).toContain('        ca: |-\n            line 1\n            line 2\n');
  });

  it('writes unknown fields back after the field they followed', () => {
    const config: TalosConfig = {
      context: 'a',
      contexts: [
        context('a', {
          endpoints: ['1.2.3.4'],
          extra: [
            { key: 'first', after: '', value: true },
            { key: 'labels', after: 'endpoints', value: { team: 'infra', tier: 1 } },
            { key: 'tags', after: 'endpoints', value: ['x', 'y'] },
          ],
        }),
      ],
      extra: [{ key: 'preferences', after: 'context', value: null }],
    };
    expect(serializeTalosconfig(config)).toBe(
      [
        'context: a',
        'preferences: null',
        'contexts:',
        '    a:',
        '        first: true',
        '        endpoints:',
        '            - 1.2.3.4',
        '        labels:',
        '            team: infra',
        '            tier: 1',
        '        tags:',
        '            - x',
        "            - 'y'",
        '',
      ].join('\n'),
    );
  });

  it('writes a multi-line string that starts with a line break as talosctl 1.12 does: an empty first line', () => {
    const config: TalosConfig = { context: '', contexts: [context('a', { ca: '\nbody' })], extra: [] };
    const text = serializeTalosconfig(config);
    expect(text).toContain('        ca: |-\n\n            body\n');
    expect(parseTalosconfig(text, 'x')).toEqual(config);
  });

  it('gives an indentation indicator to a first line that starts with a space after line breaks (v4 does not)', () => {
    const config: TalosConfig = {
      context: '',
      contexts: [context('a', { ca: '\n indented', nodes: ['\n indented'] })],
      extra: [],
    };
    const text = serializeTalosconfig(config);
    expect(text).toContain('        ca: |4-\n\n             indented\n');
    // In a list item the indicator would not match the lines' indentation: double quotes instead.
    expect(text).toContain('            - "\\n indented"\n');
    expect(parseTalosconfig(text, 'x')).toEqual(config);
  });

  it('double-quotes a multi-line string of white space only, as v4 does', () => {
    const text = serializeTalosconfig({ context: ' \n', contexts: [], extra: [] });
    expect(text).toBe('context: " \\n"\ncontexts: {}\n');
  });

  it('writes U+2028 raw and indents what follows, as go-yaml does, and reads it back', () => {
    const config: TalosConfig = {
      context: '\u2028sep',
      contexts: [context('\u2028sep', { nodes: ['\u2028sep'], ca: 'a\u2028b\nc' })],
      extra: [],
    };
    const text = serializeTalosconfig(config);
    expect(text).toContain("context: '\u2028    sep'\n");
    expect(text).toContain("    ? '\u2028        sep'\n    :   endpoints: []\n");
    expect(text).toContain("            - '\u2028              sep'\n");
    expect(text).toContain('        ca: |-\n            a\u2028            b\n            c\n');
    expect(parseTalosconfig(text, 'x')).toEqual(config);
  });
});
