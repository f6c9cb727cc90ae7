import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOsCa, readOsCaFromYaml, validateOsCa } from '../../../electron/pki/os-ca.js';
import { PkiError } from '../../../electron/pki/pki-error.js';
import { expectPkiError } from './expect-pki-error.js';
import { createTalosLikeCa, type TestCa } from './talos-like-ca.js';

const fixtures = join(import.meta.dirname, '../../fixtures/talos');
const NOW = new Date('2026-01-01T00:00:00Z');
const b64 = (text: string): string => Buffer.from(text).toString('base64');

/** A control-plane config shaped like `talosctl gen config` output: multi-document, CA under machine.ca. */
function machineConfig(ca: TestCa, key: string | null): string {
  const keyLine = key === null ? '' : `\n        key: ${key}`;
  return `version: v1alpha1
debug: false
machine:
    type: ${key === null || key === '""' ? 'worker' : 'controlplane'}
    token: 2psnp2.lry8e9gycdix3bpa
    ca:
        crt: ${b64(ca.certPem)}${keyLine}
    certSANs: []
cluster:
    clusterName: prod
---
apiVersion: v1alpha1
kind: HostnameConfig
auto: stable
`;
}

describe('the real secrets bundles', () => {
  it.each([
    ['secrets-talos-generate-testdata.yaml', '2033-05-22T12:14:42Z', '34814734'],
    ['secrets-talos-stability-testdata.yaml', '2033-10-09T10:46:09Z', '4c027138'],
    ['secrets-tf-provider-v1.2-aescbc.yaml', '2033-03-29T15:41:04Z', '33339e61'],
  ])('%s gives its Ed25519 OS CA', async (file, notAfter, fingerprintStart) => {
    const ca = await loadOsCa({ yamlPath: join(fixtures, file) }, NOW);
    expect(ca.subject).toBe('O=talos');
    expect(ca.keyType).toBe('ed25519');
    expect(ca.notAfter).toBe(notAfter);
    expect(ca.fingerprintSha256.startsWith(fingerprintStart)).toBe(true);
    expect(ca.keyPem.split('\n')[0]).toBe('-----BEGIN ED25519 PRIVATE KEY-----');
    expect(ca.certPem.split('\n')[0]).toBe('-----BEGIN CERTIFICATE-----');
  });

  it('refuses to use a bundle CA after it expired, naming the field', async () => {
    const later = new Date('2034-01-01T00:00:00Z');
    const error = await loadOsCa(
      { yamlPath: join(fixtures, 'secrets-tf-provider-v1.2-aescbc.yaml') },
      later,
    ).then(
      () => undefined,
      (reason: unknown) => reason as PkiError,
    );
    expect(error?.code).toBe('ca-expired');
    expect(error?.message).toContain('secrets-tf-provider-v1.2-aescbc.yaml: certs.os.crt');
  });
});

describe('machine configs', () => {
  let ed25519: TestCa;
  let ecdsa: TestCa;
  beforeAll(async () => {
    [ed25519, ecdsa] = await Promise.all([createTalosLikeCa('ed25519'), createTalosLikeCa('ecdsa')]);
  });

  it.each(['ed25519', 'ecdsa'] as const)('reads machine.ca from a %s control-plane config', (family) => {
    const source = family === 'ed25519' ? ed25519 : ecdsa;
    const ca = readOsCaFromYaml(machineConfig(source, b64(source.keyPem)), 'controlplane.yaml', new Date());
    expect(ca.subject).toBe('O=talos');
    expect(ca.keyType).toBe(family === 'ed25519' ? 'ed25519' : 'ecdsa-p256');
    expect(ca.keyPem).toBe(source.keyPem);
  });

  it.each([
    ['an empty key', '""'],
    ['no key field', null],
  ])('says a worker config (%s) has no CA key and what to use instead', (_case, key) => {
    const error = expectPkiError(
      () => readOsCaFromYaml(machineConfig(ed25519, key), 'worker.yaml', new Date()),
      'ca-key-missing',
    );
    expect(error.message).toBe(
      'worker.yaml: this file has no CA key (machine.ca.key is empty — worker configs only carry the CA certificate); use the secrets bundle or controlplane.yaml',
    );
  });

  it('refuses a config whose CA key belongs to another CA', () => {
    const yaml = machineConfig(ed25519, b64(ecdsa.keyPem));
    const error = expectPkiError(
      () => readOsCaFromYaml(yaml, 'controlplane.yaml', new Date()),
      'key-mismatch',
    );
    expect(error.message).toContain('controlplane.yaml: machine.ca.key');
  });

  it('names the field holding damaged base64', () => {
    const yaml = machineConfig(ed25519, 'not*base64');
    const error = expectPkiError(() => readOsCaFromYaml(yaml, 'cp.yaml', new Date()), 'invalid-base64');
    expect(error.message).toContain('cp.yaml: machine.ca.key');
  });
});

describe('other YAML', () => {
  it('refuses a file that is neither a bundle nor a machine config', () => {
    const error = expectPkiError(
      () => readOsCaFromYaml('context: prod\ncontexts: {}\n', 'talosconfig', NOW),
      'ca-missing',
    );
    expect(error.message).toContain('talosconfig: neither certs.os');
  });

  it('refuses duplicate keys without quoting the file', () => {
    const text = 'certs:\n    os:\n        crt: c2VjcmV0\n        crt: c2VjcmV0\n';
    const error = expectPkiError(() => readOsCaFromYaml(text, 'secrets.yaml', NOW), 'invalid-yaml');
    expect(error.message).toMatch(/^secrets\.yaml: not valid YAML at line 4/);
    expect(error.message).not.toContain('c2VjcmV0');
  });

  it('refuses an alias bomb quickly', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 12; level++) {
      lines.push(`a${level}: &a${level} [${Array.from({ length: 10 }, () => `*a${level - 1}`).join(', ')}]`);
    }
    expectPkiError(() => readOsCaFromYaml(lines.join('\n'), 'bomb.yaml', NOW), 'invalid-yaml');
  });
});

describe('PEM files', () => {
  let dir: string;
  let rsa: TestCa;
  let other: TestCa;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tcm-os-ca-'));
    [rsa, other] = await Promise.all([createTalosLikeCa('rsa'), createTalosLikeCa('ed25519')]);
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads a certificate and key pair, keeping the RSA PRIVATE KEY label', async () => {
    writeFileSync(join(dir, 'ca.crt'), rsa.certPem);
    writeFileSync(join(dir, 'ca.key'), rsa.keyPem);
    const ca = await loadOsCa({ certPath: join(dir, 'ca.crt'), keyPath: join(dir, 'ca.key') }, new Date());
    expect(ca.keyType).toBe('rsa-2048');
    expect(ca.keyPem.split('\n')[0]).toBe('-----BEGIN RSA PRIVATE KEY-----');
  });

  it('refuses a key that does not match the certificate', () => {
    const error = expectPkiError(
      () =>
        validateOsCa(rsa.certPem, other.keyPem, { certWhere: 'ca.crt', keyWhere: 'other.key' }, new Date()),
      'key-mismatch',
    );
    expect(error.message).toContain('other.key');
    expect(error.message).not.toContain('PRIVATE KEY-----');
  });

  it('refuses a certificate that is not a CA', async () => {
    const leaf = await createTalosLikeCa('ed25519', { isCa: false });
    const error = expectPkiError(
      () =>
        validateOsCa(leaf.certPem, leaf.keyPem, { certWhere: 'leaf.crt', keyWhere: 'leaf.key' }, new Date()),
      'not-a-ca',
    );
    expect(error.message).toContain('leaf.crt');
  });

  it('refuses a CA that is not valid yet', async () => {
    const future = await createTalosLikeCa('ed25519', { notBefore: new Date(Date.now() + 86_400_000) });
    expectPkiError(
      () =>
        validateOsCa(future.certPem, future.keyPem, { certWhere: 'ca.crt', keyWhere: 'ca.key' }, new Date()),
      'ca-not-yet-valid',
    );
  });

  it('names a missing file', async () => {
    const error = await loadOsCa(
      { certPath: join(dir, 'missing.crt'), keyPath: join(dir, 'ca.key') },
      NOW,
    ).then(
      () => undefined,
      (reason: unknown) => reason as Error,
    );
    expect(error?.message).toContain('missing.crt');
  });
});
