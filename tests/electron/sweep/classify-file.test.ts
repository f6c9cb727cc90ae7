import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyCredential, mayHoldCredential } from '../../../electron/sweep/classify-file.js';
import { controlPlaneConfig } from '../../support/sweep-tree.js';
import { ADMIN, SECRETS } from '../../support/talos-fixtures.js';

const bytes = (text: string) => Buffer.from(text);

describe('the cheap sniff', () => {
  it('passes files that open with a credential kind’s top-level key', () => {
    expect(mayHoldCredential(readFileSync(ADMIN))).toBe(true);
    expect(mayHoldCredential(readFileSync(SECRETS))).toBe(true);
    expect(mayHoldCredential(bytes(controlPlaneConfig()))).toBe(true);
  });

  it('passes over binary files and files without such a key at a line start', () => {
    expect(mayHoldCredential(Buffer.concat([readFileSync(ADMIN), Buffer.from([0])]))).toBe(false);
    expect(mayHoldCredential(bytes('const contexts: string[] = [];\n  certs: 1\n'))).toBe(false);
    expect(mayHoldCredential(bytes('# notes\n'))).toBe(false);
  });
});

describe('classification', () => {
  it('tells the three kinds apart', () => {
    expect(classifyCredential(readFileSync(ADMIN), 'tc')).toMatchObject({ kind: 'talosconfig' });
    expect(classifyCredential(readFileSync(SECRETS), 'secrets.yaml')).toEqual({ kind: 'secrets-bundle' });
    expect(classifyCredential(bytes(controlPlaneConfig()), 'cp.yaml')).toEqual({ kind: 'machine-config' });
  });

  it('is not fooled by look-alikes: a worker config, a kubeconfig, a talosconfig without keys', () => {
    expect(classifyCredential(bytes(controlPlaneConfig(false)), 'worker.yaml')).toBeNull();
    const kubeconfig = 'apiVersion: v1\ncontexts:\n- name: a\nusers:\n- user:\n    client-key-data: eA==\n';
    expect(classifyCredential(bytes(kubeconfig), 'kubeconfig')).toBeNull();
    const omni =
      'context: o\ncontexts:\n    o:\n        endpoints:\n            - https://x.omni.siderolabs.io\n        auth:\n            siderov1:\n                identity: me@example.com\n# key: none\n';
    expect(classifyCredential(bytes(omni), 'omni')).toBeNull();
    expect(classifyCredential(bytes('contexts:\n  - key: [unclosed\n'), 'broken')).toBeNull();
  });

  it('gives hostile candidates the parser’s limits and says so without quoting them', () => {
    const laughs = [
      'contexts:',
      '  a: &a {key: secretvalue}',
      ...Array.from({ length: 12 }, (_, i) => `  b${i}: [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]`),
    ].join('\n');
    const result = classifyCredential(bytes(laughs), 'laughs.yaml');
    expect(result).toMatchObject({ kind: 'unparsable' });
    expect(JSON.stringify(result)).not.toContain('secretvalue');
    const deep = classifyCredential(bytes(`certs: ${'['.repeat(200_000)}\nkey: x\n`), 'deep.yaml');
    expect(deep).toMatchObject({
      kind: 'unparsable',
      message: expect.stringMatching(/^deep\.yaml: /) as unknown,
    });
  });
});
