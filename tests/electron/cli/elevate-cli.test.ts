import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LogResult } from '../../../shared/contract/issuing-contract.js';
import type { ContextItem, Status } from '../../../shared/contract/vault-contract.js';
import { serializeTalosconfig } from '../../../shared/talosconfig/serialize.js';
import { pemOf, readConfig, useIssuingVault } from '../../support/issuing-cli.js';
import { createTestCa, createTestLeaf, mtlsContext } from '../../support/test-pki.js';

// `talcred elevate` through the real binary: the file talosctl reads is read back after each step.
const vault = useIssuingVault({ importBundles: true });
const { tool } = vault;
const talosconfig = () => join(vault.dir, 'talosctl-config');
const talcred = (...args: string[]) => vault.talcred('--talosconfig', talosconfig(), ...args);
async function json<T>(...args: string[]): Promise<T> {
  const run = await talcred(...args, '--json');
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as T;
}

async function issueReader(name: string, identity: string): Promise<void> {
  const run = await talcred(
    'issue',
    '--ca',
    'c0',
    '--roles',
    'os:reader',
    '--ttl',
    '7d',
    '--name',
    name,
    '--identity',
    identity,
    '--endpoints',
    '10.0.0.1',
    '--nodes',
    '10.0.0.2',
    '--store',
  );
  expect(run.code, run.stderr).toBe(0);
  expect((await talcred('use', name)).code).toBe(0);
}

describe('talcred elevate', () => {
  it('issues NAME-elevated with the roles asked for and NAME identity, switches to it, and logs why', async () => {
    await issueReader('ops', 'carol');
    const run = await talcred(
      'elevate',
      'ops',
      '--roles',
      'os:operator',
      '--reason',
      'reboot node-1',
      '--ttl',
      '10m',
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('elevated "ops" to os:operator as "ops-elevated"');
    expect(run.stdout).toContain('(10m)');

    const file = await readConfig(talosconfig());
    expect(file.context).toBe('ops-elevated');
    const context = file.contexts.find((candidate) => candidate.name === 'ops-elevated');
    expect(context?.endpoints).toEqual(['10.0.0.1']);
    expect(context?.nodes).toEqual(['10.0.0.2']);
    await writeFile(join(vault.dir, 'elevated.pem'), pemOf(context?.crt ?? ''));
    await writeFile(join(vault.dir, 'ca.pem'), pemOf(context?.ca ?? ''));
    const text = tool('openssl', ['x509', '-in', 'elevated.pem', '-noout', '-text', '-nameopt', 'RFC2253']);
    expect(text.output).toContain('Subject: CN=carol,O=os:operator');
    expect(tool('openssl', ['verify', '-CAfile', 'ca.pem', 'elevated.pem']).ok).toBe(true);

    const status = await json<Status>('status');
    expect(status.elevations).toEqual([
      { context: 'ops-elevated', from: 'ops', notAfter: expect.any(String) as unknown },
    ]);
    expect((await talcred('status')).stdout).toMatch(
      /elevated {4}ops-elevated \(from ops\) until .*, in (9|10) minutes/,
    );
    const list = await talcred('list');
    expect(list.stdout).toContain('elevated: ops-elevated (from ops, os:operator) ends in');
    const item = await json<ContextItem>('show', 'ops-elevated');
    expect(item.elevation).toMatchObject({ from: 'ops', roles: ['os:operator'], reason: 'reboot node-1' });
    const log = await json<LogResult>('log');
    expect(log.entries.at(-1)).toMatchObject({
      context: 'ops-elevated',
      roles: ['os:operator'],
      identity: 'carol',
      elevatedFrom: 'ops',
      reason: 'reboot node-1',
    });
  });

  it('--end removes the elevation now, switches talosctl back, and says the certificate lives on', async () => {
    const end = await talcred('elevate', '--end', 'ops');
    expect(end.code, end.stderr).toBe(0);
    expect(end.stdout).toContain('ended "ops-elevated"; talosctl is back on "ops"');
    expect(end.stderr).toMatch(/Talos cannot revoke; the certificate itself stays valid until \d{4}-/);
    expect((await readConfig(talosconfig())).context).toBe('ops');
    const names = (await json<ContextItem[]>('list')).map((item) => item.name);
    expect(names).toContain('ops');
    expect(names).not.toContain('ops-elevated');
    const again = await talcred('elevate', '--end', 'ops');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('"ops" has no active elevation');
  });

  it('raising it again replaces the running elevation; an elevation cannot be elevated', async () => {
    expect((await talcred('elevate', 'ops', '--roles', 'os:operator', '--reason', 'one')).code).toBe(0);
    expect((await talcred('elevate', 'ops', '--roles', 'os:etcd:backup', '--reason', 'two')).code).toBe(0);
    const elevated = (await json<ContextItem[]>('list')).filter((item) => item.elevation !== null);
    expect(elevated.map((item) => [item.name, item.cert?.roles])).toEqual([
      ['ops-elevated', ['os:etcd:backup']],
    ]);
    const nested = await talcred(
      'elevate',
      'ops-elevated',
      '--roles',
      'os:admin',
      '--reason',
      'x',
      '--yes-admin',
    );
    expect(nested.code).toBe(2);
    expect(nested.stderr).toContain('is itself an elevation; elevate "ops" instead');
    expect((await talcred('elevate', '--end')).code).toBe(0);
  });

  it('refuses what policy refuses, one line each, with nothing changed', async () => {
    const cases: [string[], string][] = [
      [['--roles', 'os:admin', '--reason', 'upgrade'], '--yes-admin'],
      [['--roles', 'os:operator', '--reason', 'long', '--ttl', '2h'], "above this vault's maximum of 1h"],
      [['--roles', 'os:operator', '--reason', 'short', '--ttl', '30s'], 'at least a minute'],
      [['--roles', 'os:operater', '--reason', 'typo'], 'unknown role os:operater'],
      [['--roles', 'os:operator'], '--reason TEXT'],
      [['--roles', 'os:operator', '--reason', '  '], 'say why'],
    ];
    for (const [args, message] of cases) {
      const run = await talcred('elevate', 'ops', ...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain(message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect((await readConfig(talosconfig())).context).toBe('ops');
    expect((await json<Status>('status')).elevations).toEqual([]);
  });

  it('needs the stored CA of the cluster', async () => {
    const day = 86_400_000;
    const ca = await createTestCa({
      notBefore: new Date(Date.now() - day),
      notAfter: new Date(Date.now() + 900 * day),
    });
    const leaf = await createTestLeaf(ca, { roles: ['os:reader'] });
    const context = mtlsContext('elsewhere', { ca: ca.certPem, crt: leaf.certPem, key: leaf.keyPem });
    await writeFile(
      join(vault.dir, 'elsewhere.yaml'),
      serializeTalosconfig({ context: 'elsewhere', contexts: [context], extra: [] }),
    );
    expect((await talcred('import', 'elsewhere.yaml')).code).toBe(0);
    const run = await talcred('elevate', 'elsewhere', '--roles', 'os:operator', '--reason', 'x');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the CA of its cluster is not stored in this vault');
    expect(run.stderr).toContain('talcred ca import');
  });

  it('a longer elevation needs the setting first, and never above a day', async () => {
    expect((await talcred('settings', 'elevate-max-ttl=2h')).code).toBe(0);
    expect(
      (await talcred('elevate', 'ops', '--roles', 'os:operator', '--reason', 'long', '--ttl', '2h')).code,
    ).toBe(0);
    expect((await talcred('elevate', '--end')).code).toBe(0);
    const tooLong = await talcred('settings', 'elevate-max-ttl=25h');
    expect(tooLong.code).toBe(2);
    expect(tooLong.stderr).toContain('elevate-max-ttl is at most 1d');
  });
});
