import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseTalosconfig } from '../../../shared/talosconfig/parse.js';
import { serializeTalosconfig } from '../../../shared/talosconfig/serialize.js';

function fixture(name: string): string {
  const url = new URL(`../../fixtures/talos/talosconfig-${name}-2021.yaml`, import.meta.url);
  return readFileSync(fileURLToPath(url), 'utf8');
}

describe('parseTalosconfig on real talosconfigs', () => {
  it('reads the admin config and writes it back byte for byte', () => {
    const text = fixture('admin');
    const config = parseTalosconfig(text, 'admin.yaml');
    expect(config.context).toBe('no-roles');
    expect(config.contexts.map(({ name, endpoints, nodes }) => ({ name, endpoints, nodes }))).toEqual([
      { name: 'no-roles', endpoints: ['172.20.1.2', '172.20.1.3', '172.20.1.4'], nodes: ['172.20.1.2'] },
    ]);
    expect(config.contexts[0]?.ca).toMatch(/^LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t/);
    expect(serializeTalosconfig(config)).toBe(text);
  });

  it('reads the no-roles config and writes it back byte for byte', () => {
    const text = fixture('noroles');
    const config = parseTalosconfig(text, 'noroles.yaml');
    expect(config.contexts.map(({ name, endpoints, nodes }) => ({ name, endpoints, nodes }))).toEqual([
      { name: 'no-roles', endpoints: ['172.20.1.2'], nodes: [] },
    ]);
    expect(serializeTalosconfig(config)).toBe(text);
  });

  it('reads a context without endpoints and writes `endpoints: []` as talosctl would', () => {
    const text = fixture('futurerole');
    const config = parseTalosconfig(text, 'futurerole.yaml');
    expect(config.contexts.map(({ name, endpoints, nodes }) => ({ name, endpoints, nodes }))).toEqual([
      { name: 'future-role', endpoints: [], nodes: [] },
    ]);
    expect(serializeTalosconfig(config)).toBe(
      text.replace('    future-role:\n', '    future-role:\n        endpoints: []\n'),
    );
  });

  it('accepts the same file as bytes', () => {
    const text = fixture('admin');
    expect(parseTalosconfig(new TextEncoder().encode(text), 'admin.yaml')).toEqual(
      parseTalosconfig(text, 'admin.yaml'),
    );
  });
});

describe('parseTalosconfig on hand-written files', () => {
  it('folds the deprecated target into endpoints and drops it', () => {
    const config = parseTalosconfig(
      'context: old\ncontexts:\n  old:\n    target: 10.0.0.9\n    endpoints: [10.0.0.1]\n',
      'f',
    );
    expect(config.contexts[0]?.endpoints).toEqual(['10.0.0.1', '10.0.0.9']);
    expect(serializeTalosconfig(config)).not.toContain('target');
  });

  it('reads empty values as empty and sorts contexts like talosctl', () => {
    const config = parseTalosconfig('contexts:\n  prod-10:\n    nodes:\n  prod-2:\n    endpoints: ~\n', 'f');
    expect(config.context).toBe('');
    expect(config.contexts.map((context) => [context.name, context.endpoints, context.nodes])).toEqual([
      ['prod-2', [], []],
      ['prod-10', [], []],
    ]);
  });

  it('reads an Omni context and a basic-auth context', () => {
    const config = parseTalosconfig(
      [
        'context: omni',
        'contexts:',
        '    omni:',
        '        endpoints:',
        '            - https://x.omni.siderolabs.io',
        '        auth:',
        '            siderov1:',
        '                identity: me@example.com',
        '        cluster: prod',
        '    basic:',
        '        endpoints: []',
        '        auth:',
        '            basic:',
        '                username: admin',
        '                password: "1234"',
        '',
      ].join('\n'),
      'f',
    );
    expect(config.contexts).toEqual([
      {
        name: 'basic',
        endpoints: [],
        nodes: [],
        ca: '',
        crt: '',
        key: '',
        auth: { basic: { username: 'admin', password: '1234' } },
        extra: [],
      },
      {
        name: 'omni',
        endpoints: ['https://x.omni.siderolabs.io'],
        nodes: [],
        ca: '',
        crt: '',
        key: '',
        auth: { siderov1: { identity: 'me@example.com' } },
        cluster: 'prod',
        extra: [],
      },
    ]);
  });

  it('keeps unknown fields at the top level and per context, in place', () => {
    const text = [
      'context: a',
      'preferences:',
      '    color: true',
      'contexts:',
      '    a:',
      '        first: 1',
      '        endpoints:',
      '            - 1.2.3.4',
      '        labels:',
      '            - x',
      '        ca: Q0E=',
      '',
    ].join('\n');
    const config = parseTalosconfig(text, 'f');
    expect(config.extra).toEqual([{ key: 'preferences', after: 'context', value: { color: true } }]);
    expect(config.contexts[0]?.extra).toEqual([
      { key: 'first', after: '', value: 1 },
      { key: 'labels', after: 'endpoints', value: ['x'] },
    ]);
    expect(serializeTalosconfig(config)).toBe(text);
  });

  it('takes scalars as their text, as yaml.v3 does for Go strings', () => {
    const config = parseTalosconfig('context: 0x1F\ncontexts:\n  1.50:\n    endpoints: [10, true]\n', 'f');
    expect(config.context).toBe('0x1F');
    expect(config.contexts[0]?.name).toBe('1.50');
    expect(config.contexts[0]?.endpoints).toEqual(['10', 'true']);
  });

  it('reads a context whose base64 is broken (diagnosis reports it, not the parser)', () => {
    const config = parseTalosconfig('contexts:\n  bad:\n    ca: "not base64!"\n', 'f');
    expect(config.contexts[0]?.ca).toBe('not base64!');
  });

  it('follows a few aliases', () => {
    const config = parseTalosconfig(
      'contexts:\n  a:\n    endpoints: &eps [1.1.1.1]\n  b:\n    endpoints: *eps\n',
      'f',
    );
    expect(config.contexts.map((context) => context.endpoints)).toEqual([['1.1.1.1'], ['1.1.1.1']]);
  });
});

function errorOf(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected an error');
}

describe('parseTalosconfig errors', () => {
  it.each([
    ['an empty file', '', 'empty', 'conf.yaml: the file is empty (talosctl reports "EOF")'],
    ['comments only', '# nothing\n', 'empty', 'conf.yaml: the file is empty (talosctl reports "EOF")'],
    [
      'a duplicate context',
      'context: prod\ncontexts:\n  prod:\n    endpoints: []\n  staging: {}\n  prod:\n    endpoints: []\n',
      'duplicate-key',
      'conf.yaml: line 6: duplicate key "prod"',
    ],
    [
      'an unclosed quote',
      'contexts:\n  a: "x\n',
      'yaml-syntax',
      'conf.yaml: line 3: invalid YAML: a closing quote or bracket is missing',
    ],
    [
      'a tab as indentation',
      'contexts:\n\ta: {}\n',
      'yaml-syntax',
      'conf.yaml: line 2: invalid YAML: a tab is used for indentation',
    ],
    [
      'endpoints that are not a list',
      'contexts:\n  prod:\n    endpoints: 10.0.0.1\n',
      'wrong-shape',
      'conf.yaml: contexts.prod.endpoints: expected a list of strings',
    ],
    [
      'a list at the top',
      '- a\n',
      'wrong-shape',
      'conf.yaml: expected a mapping with "context" and "contexts"',
    ],
    [
      'a context that is a list',
      'contexts:\n  prod: [a]\n',
      'wrong-shape',
      'conf.yaml: contexts.prod: expected a mapping',
    ],
    [
      'a mapping as ca',
      'contexts:\n  my.ctx:\n    ca: {a: b}\n',
      'wrong-shape',
      'conf.yaml: contexts["my.ctx"].ca: expected a string',
    ],
    [
      'an empty context name',
      'contexts:\n  "": {}\n',
      'wrong-shape',
      'conf.yaml: contexts: a context has an empty name',
    ],
    [
      'several documents',
      'context: a\n---\ncontext: b\n',
      'multiple-documents',
      'conf.yaml: holds several YAML documents (separated by "---"); a talosconfig is one document',
    ],
  ])('refuses %s', (_what, text, code, message) => {
    const error = errorOf(() => parseTalosconfig(text, 'conf.yaml'));
    expect(error).toMatchObject({ code, message });
  });

  it('refuses a file over 16 MiB before parsing it', () => {
    const error = errorOf(() => parseTalosconfig('#'.repeat(16 * 1024 * 1024 + 1), 'standard input'));
    expect(error).toMatchObject({ code: 'too-large', message: 'standard input: larger than 16 MiB' });
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(errorOf(() => parseTalosconfig(new Uint8Array([0x63, 0xff, 0xfe]), 'f'))).toMatchObject({
      code: 'not-utf8',
    });
  });

  it('refuses nesting deeper than 64 levels', () => {
    const text = `context: a\nx: ${'['.repeat(100)}${']'.repeat(100)}\n`;
    expect(errorOf(() => parseTalosconfig(text, 'f'))).toMatchObject({
      code: 'too-deep',
      message: 'f: line 2: nested more than 64 levels deep',
    });
  });

  it('refuses extreme nesting that would exhaust the parser', () => {
    const text = `x: ${'['.repeat(200_000)}\n`;
    expect(errorOf(() => parseTalosconfig(text, 'f')).code).toMatch(/^(too-deep|yaml-syntax)$/);
  });

  it('refuses a "billion laughs" file', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 10; level++) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(',')}]`);
    }
    const error = errorOf(() => parseTalosconfig(`${levels.join('\n')}\ncontexts: {}\n`, 'laughs.yaml'));
    expect(error.code).toBe('too-many-aliases');
    expect(error.message).toMatch(/^laughs\.yaml: uses YAML aliases more than 100 times/);
  });

  it('refuses a file whose aliases expand past the size limit, though it is small and has few aliases', () => {
    // 8 MiB on disk, 40 aliases: under the file size and alias limits, but 40 copies of one long value.
    const long = 'A'.repeat(8 * 1024 * 1024 - 1024);
    const aliases = Array.from({ length: 40 }, (_, index) => `x${index}: *big`).join('\n');
    const text = `context: ""\ncontexts: {}\nbig: &big ${long}\n${aliases}\n`;
    const error = errorOf(() => parseTalosconfig(text, 'aliases.yaml'));
    expect(error.code).toBe('too-large-expanded');
    expect(error.message).toMatch(/^aliases\.yaml: expands to more than 16 MiB/);
  });

  it('never puts file content in a message', () => {
    const secret = 'LS0tLS1CRUdJTiBFRDI1NTE5IFBSSVZBVEUgS0VZLS0tLS0K';
    for (const text of [
      `contexts:\n  a:\n    key: "${secret}\n`,
      `contexts:\n  a:\n    key: [${secret}]\n`,
    ]) {
      expect(errorOf(() => parseTalosconfig(text, 'f')).message).not.toContain(secret.slice(0, 12));
    }
  });
});
