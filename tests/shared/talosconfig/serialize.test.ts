import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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

  it('matches gopkg.in/yaml.v3 byte for byte on every recorded talosctl output', () => {
    expect(golden.length).toBeGreaterThan(100);
    for (const { model, yaml } of golden) expect(serializeTalosconfig(model)).toBe(yaml);
  });

  it('orders contexts as yaml.v3 orders map keys, not bytewise', () => {
    const names = ['prod-10', 'prod-2', 'b', 'B', 'a01', 'a1', '10.5.0.2', '1e4', '_x', 'prod'];
    const text = serializeTalosconfig({
      context: '',
      contexts: names.map((name) => context(name)),
      extra: [],
    });
    const written = [...text.matchAll(/^ {4}(\S.*):$/gm)].map((match) => match[1]);
    // As gopkg.in/yaml.v3 v3.0.1 wrote them for the same names.
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
    ['double-quoted YAML 1.1 booleans', 'off', '"off"'],
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
        '            - "y"',
        '',
      ].join('\n'),
    );
  });

  it('keeps a multi-line string that starts with a line break (yaml.v3 would lose the break)', () => {
    const config: TalosConfig = { context: '', contexts: [context('a', { ca: '\nbody' })], extra: [] };
    const text = serializeTalosconfig(config);
    expect(text).toContain('        ca: |4-\n\n            body\n');
    expect(parseTalosconfig(text, 'x')).toEqual(config);
  });
});
