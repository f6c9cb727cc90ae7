import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { CaItem, LogResult } from '../../../shared/contract/issuing-contract.js';
import type { ContextItem } from '../../../shared/contract/vault-contract.js';
import type { ContextReport } from '../../../shared/context-report.js';
import { parseTalosconfig } from '../../../shared/talosconfig/parse.js';
import { bundles, fixtures, pemOf, readConfig, useIssuingVault } from '../../support/issuing-cli.js';
import { createTalosLikeCa, type TestCa } from '../pki/talos-like-ca.js';

const vault = useIssuingVault({ importBundles: false });
const { talcred, json, tool } = vault;

function machineConfig(ca: TestCa, withKey: boolean): string {
  const b64 = (text: string) => Buffer.from(text).toString('base64');
  return stringify({
    version: 'v1alpha1',
    machine: {
      type: withKey ? 'controlplane' : 'worker',
      ca: { crt: b64(ca.certPem), key: withKey ? b64(ca.keyPem) : '' },
    },
    cluster: { clusterName: 'lab' },
  });
}

describe('talcred ca', () => {
  it('imports the OS CA of each real secrets bundle and lists it', async () => {
    for (const [index, bundle] of bundles.entries()) {
      const run = await talcred('ca', 'import', '--name', `c${index}`, '--secrets', join(fixtures, bundle));
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
    }
    const cas = await json<CaItem[]>('ca', 'list');
    expect(cas.map((ca) => [ca.name, ca.subject, ca.keyType])).toEqual([
      ['c0', 'O=talos', 'ed25519'],
      ['c1', 'O=talos', 'ed25519'],
      ['c2', 'O=talos', 'ed25519'],
    ]);
    expect(new Set(cas.map((ca) => ca.fingerprintSha256)).size).toBe(3);
  });

  it('imports a control-plane config, and tells a worker config has no CA key', async () => {
    const ca = await createTalosLikeCa('ed25519');
    await writeFile(join(vault.dir, 'controlplane.yaml'), machineConfig(ca, true));
    await writeFile(join(vault.dir, 'worker.yaml'), machineConfig(ca, false));
    const worker = await talcred('ca', 'import', '--name', 'w', '--machine-config', 'worker.yaml');
    expect(worker.code).toBe(2);
    expect(worker.stderr).toContain('this file has no CA key');
    expect(
      (await talcred('ca', 'import', '--name', 'cp', '--machine-config', 'controlplane.yaml')).code,
    ).toBe(0);
    const again = await talcred('ca', 'import', '--name', 'cp2', '--machine-config', 'controlplane.yaml');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already stored as "cp"');
  });
});

describe('talcred issue', () => {
  it('writes a talosconfig that inspect and openssl accept', async () => {
    const run = await talcred(
      'issue',
      '--ca',
      'c0',
      '--roles',
      'os:reader',
      '--ttl',
      '24h',
      '-o',
      'f.yaml',
      '--endpoints',
      '10.0.0.1',
    );
    expect(run.code).toBe(0);
    const config = await readConfig(join(vault.dir, 'f.yaml'));
    expect(config.context).toBe('reader@c0');
    const inspected = await json<{ contexts: ContextReport[] }>('inspect', 'f.yaml');
    const report = inspected.contexts[0];
    expect(report?.cert?.roles).toEqual(['os:reader']);
    const cert = report?.cert;
    if (!cert) throw new Error('no certificate');
    // 24 h after issuing; NotBefore is backdated 5 minutes for clock skew (DESIGN.md "Issuing").
    expect(Date.parse(cert.notAfter) - Date.parse(cert.notBefore)).toBe((24 * 60 + 5) * 60_000);
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const context = config.contexts[0];
    if (!context) throw new Error('no context');
    await writeFile(join(vault.dir, 'ca.pem'), pemOf(context.ca));
    await writeFile(join(vault.dir, 'leaf.pem'), pemOf(context.crt));
    const verified = tool('openssl', ['verify', '-purpose', 'sslclient', '-CAfile', 'ca.pem', 'leaf.pem']);
    expect(verified.output).toContain('leaf.pem: OK');
  });

  // Short TTL: the c2 revocation horizon checked below stays that of its 8 h certificate.
  it('issues from the OS CA of each real secrets bundle a certificate openssl verifies', async () => {
    for (const [index, bundle] of bundles.entries()) {
      const name = `c${index}`;
      const run = await talcred(
        'issue',
        '--ca',
        name,
        '--roles',
        'os:reader',
        '--ttl',
        '1h',
        '-o',
        `${name}.yaml`,
      );
      expect(run.code, run.stderr).toBe(0);
      const context = (await readConfig(join(vault.dir, `${name}.yaml`))).contexts[0];
      if (!context) throw new Error(`no context in ${name}.yaml`);
      const secrets = parse(await readFile(join(fixtures, bundle), 'utf8')) as {
        certs: { os: { crt: string } };
      };
      const caPem = pemOf(secrets.certs.os.crt);
      expect(pemOf(context.ca)).toBe(caPem);
      await writeFile(join(vault.dir, `${name}-bundle-ca.pem`), caPem);
      await writeFile(join(vault.dir, `${name}-leaf.pem`), pemOf(context.crt));
      const verified = tool('openssl', [
        'verify',
        '-purpose',
        'sslclient',
        '-CAfile',
        `${name}-bundle-ca.pem`,
        `${name}-leaf.pem`,
      ]);
      expect(verified.output).toContain(`${name}-leaf.pem: OK`);
    }
  });

  it('encrypts the file for an age recipient made by age-keygen', async () => {
    tool('age-keygen', ['-o', 'key.txt']);
    const recipient = tool('age-keygen', ['-y', 'key.txt']).output.trim();
    const run = await talcred(
      'issue',
      '--ca',
      'c1',
      '--roles',
      'os:etcd:backup',
      '-o',
      'f.age',
      '--age-recipient',
      recipient,
    );
    expect(run.code).toBe(0);
    expect(await readFile(join(vault.dir, 'f.age'), 'latin1')).toMatch(/^age-encryption\.org\/v1/);
    const plain = tool('age', ['-d', '-i', 'key.txt', 'f.age']);
    expect(plain.ok).toBe(true);
    expect(parseTalosconfig(plain.output, 'f.age').contexts.map((c) => c.name)).toEqual(['etcd:backup@c1']);
  });

  it.each([
    [['--roles', 'os:reader', '--ttl', '400d'], "above this vault's maximum of 365d"],
    [['--roles', 'os:reader,os:superuser'], 'unknown role os:superuser'],
    [['--roles', 'os:admin'], 'os:admin can do anything on the cluster'],
    [['--roles', 'os:reader', '--ttl', '7x'], 'not a valid duration'],
  ])('refuses %j with exit 2 and logs nothing', async (args, message) => {
    const before = (await json<LogResult>('log')).entries.length;
    const run = await talcred('issue', '--ca', 'c0', '-o', 'refused.yaml', ...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(existsSync(join(vault.dir, 'refused.yaml'))).toBe(false);
    expect((await json<LogResult>('log')).entries).toHaveLength(before);
  });

  it('stores the context under its cluster and logs it with the revocation horizon', async () => {
    const run = await talcred(
      'issue',
      '--ca',
      'c2',
      '--roles',
      'os:operator',
      '--ttl',
      '8h',
      '--store',
      '--endpoints',
      '10.2.0.1',
    );
    expect(run.code).toBe(0);
    const items = await json<ContextItem[]>('list');
    expect(items.find((item) => item.name === 'operator@c2')).toMatchObject({
      cluster: 'c2',
      source: 'issued by CA c2',
      endpoints: ['10.2.0.1'],
    });
    expect((await talcred('list')).stdout).toMatch(/^ +operator@c2 +c2 +10\.2\.0\.1 /m);
    expect((await talcred('show', 'operator@c2')).stdout).toContain('cluster      c2');
    const log = await json<LogResult>('log', '--ca', 'c2');
    const entry = log.entries.at(-1);
    expect(entry).toMatchObject({ caName: 'c2', roles: ['os:operator'], context: 'operator@c2' });
    expect(entry?.serial).toMatch(/^[0-9a-f]+$/);
    expect(log.horizons).toEqual([expect.objectContaining({ ca: 'c2', revocationHorizon: entry?.notAfter })]);
    expect((await talcred('ca', 'list')).stdout).toContain(entry?.notAfter);
  });
});
