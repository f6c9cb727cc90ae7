import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DoctorResult, LogResult } from '../../../shared/contract/issuing-contract.js';
import type { ContextItem } from '../../../shared/contract/vault-contract.js';
import { parseTalosconfig } from '../../../shared/talosconfig/parse.js';
import { freePort } from '../../support/free-port.js';
import { bundles, fixtures, pemOf, useIssuingVault } from '../../support/issuing-cli.js';
import { startTalosLikeServer, type TalosLikeServer } from '../net/talos-like-server.js';
import { createTalosLikeCa } from '../pki/talos-like-ca.js';

// Requests, online checks and sharing, over a vault holding the OS CAs of the real bundles as c0, c1, c2.
const vault = useIssuingVault({ importBundles: true });
const { talcred, talcredEnv, json, tool } = vault;

describe('talcred request, sign, accept', () => {
  it('round-trips a request with narrowed roles', async () => {
    expect(
      (await talcred('request', '--roles', 'os:reader,os:etcd:backup', '--name', 'mine', '-o', 'mine.csr'))
        .code,
    ).toBe(0);
    const signed = await talcred(
      'sign',
      '--ca',
      'c0',
      'mine.csr',
      '--roles',
      'os:etcd:backup',
      '--ttl',
      '2h',
      '-o',
      'mine.pem',
    );
    expect(signed.code).toBe(0);
    expect(signed.stdout).toContain('request asks for: os:etcd:backup, os:reader');
    expect(signed.stdout).toContain('granted: os:etcd:backup');
    expect(await readFile(join(vault.dir, 'mine.pem'), 'latin1')).not.toContain('PRIVATE KEY');
    expect((await talcred('accept', 'mine.pem')).code).toBe(0);
    const item = await json<ContextItem>('show', 'mine');
    expect(item.cert?.roles).toEqual(['os:etcd:backup']);
    expect(item.cluster).toBe('c0');
    expect(item.endpoints).toEqual([]); // no vault context of c0 to take them from
    expect(item.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('signs a CSR made by openssl, and refuses to accept a certificate for a key it does not hold', async () => {
    tool('openssl', ['genpkey', '-algorithm', 'ed25519', '-out', 'k.pem']);
    tool('openssl', [
      'req',
      '-new',
      '-key',
      'k.pem',
      '-subj',
      '/O=os:reader/O=os:etcd:backup',
      '-out',
      'o.csr',
    ]);
    const signed = await talcred('sign', '--ca', 'c1', 'o.csr', '-o', 'o.pem');
    expect(signed.code).toBe(0);
    expect(signed.stdout).toContain('granted: os:etcd:backup, os:reader');
    const bundle = parse(await readFile(join(fixtures, bundles[1] ?? ''), 'utf8')) as {
      certs: { os: { crt: string } };
    };
    await writeFile(join(vault.dir, 'c1-ca.pem'), pemOf(bundle.certs.os.crt));
    expect(
      tool('openssl', ['verify', '-purpose', 'sslclient', '-CAfile', 'c1-ca.pem', 'o.pem']).output,
    ).toContain('o.pem: OK');
    const accepted = await talcred('accept', 'o.pem');
    expect(accepted.code).toBe(2);
    expect(accepted.stderr).toContain('no pending request of this vault holds');
  });
});

describe('talcred doctor --online', () => {
  let server: TalosLikeServer;
  beforeAll(async () => {
    const ca = await createTalosLikeCa('ed25519');
    server = await startTalosLikeServer(ca);
    await writeFile(join(vault.dir, 'lab.crt'), ca.certPem);
    await writeFile(join(vault.dir, 'lab.key'), ca.keyPem);
    expect(
      (await talcred('ca', 'import', '--name', 'lab', '--crt', 'lab.crt', '--key', 'lab.key')).code,
    ).toBe(0);
  });
  afterAll(async () => {
    await server.close();
  });

  const storeLabContext = (name: string, endpoint: string) =>
    talcred(
      'issue',
      '--ca',
      'lab',
      '--roles',
      'os:reader',
      '--store',
      '--name',
      name,
      '--endpoints',
      endpoint,
    );

  it('passes against a node with a server certificate of the same CA', async () => {
    const endpoint = `127.0.0.1:${server.port}`;
    expect((await storeLabContext('lab-ok', endpoint)).code).toBe(0);
    const run = await talcred('doctor', 'lab-ok', '--online', '--json');
    const result = JSON.parse(run.stdout) as DoctorResult;
    expect(result.contexts[0]?.probes).toEqual([{ endpoint, reachable: true, tls: 'ok', findings: [] }]);
    expect(run.code).toBe(0);
    expect(server.peers.at(-1)).toMatchObject({ accepted: true, roles: ['os:reader'] });
  });

  it('names an unreachable endpoint and exits 1', async () => {
    const endpoint = `127.0.0.1:${await freePort()}`;
    await storeLabContext('lab-closed', endpoint);
    const run = await talcred('doctor', 'lab-closed', '--online');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`FAIL    unreachable: endpoint ${endpoint}`);
  });
});

describe('talcred export and import with age', () => {
  // What the issue tests (issuing-cli.test.ts) leave in their vault: an age identity made by age-keygen, a
  // stored operator context of c2 and a reader talosconfig of c0.
  beforeAll(async () => {
    expect(tool('age-keygen', ['-o', 'key.txt']).ok).toBe(true);
    const stored = await talcred(
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
    expect(stored.code, stored.stderr).toBe(0);
    const file = await talcred(
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
    expect(file.code, file.stderr).toBe(0);
  });

  it('exports to an age recipient that the age CLI opens, and logs the destination', async () => {
    const recipient = tool('age-keygen', ['-y', 'key.txt']).output.trim();
    const run = await talcred('export', 'operator@c2', '-o', 'share.age', '--age-recipient', recipient);
    expect(run.code).toBe(0);
    const plain = tool('age', ['-d', '-i', 'key.txt', 'share.age']);
    expect(plain.ok).toBe(true);
    const config = parseTalosconfig(plain.output, 'share.age');
    expect(config.contexts.map((c) => [c.name, c.endpoints])).toEqual([['operator@c2', ['10.2.0.1']]]);
    const log = await json<LogResult>('log', '--ca', 'c2');
    expect(log.entries.at(-1)?.exportedTo).toEqual([join(vault.dir, 'share.age')]);
  });

  it('imports a file encrypted by the age CLI with --age-identity', async () => {
    const recipient = tool('age-keygen', ['-y', 'key.txt']).output.trim();
    expect(tool('age', ['-r', recipient, '-o', 'from-cli.age', 'f.yaml']).ok).toBe(true);
    const refused = await talcred('import', 'from-cli.age');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('give the identity file');
    const run = await talcred('import', 'from-cli.age', '--age-identity', 'key.txt');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('add      reader@c0');
    const item = await json<ContextItem>('show', 'reader@c0');
    // The source is recorded as an absolute path: it must say where the file was from any folder.
    expect(item).toMatchObject({ cluster: 'c0', source: join(vault.dir, 'from-cli.age') });
  });

  it('round-trips a passphrase export through import', async () => {
    const env = { TALCRED_EXPORT_PASSPHRASE: 'between teammates' };
    expect((await talcredEnv(env, 'export', 'mine', '-o', 'mine.age', '--age-passphrase')).code).toBe(0);
    expect(await readFile(join(vault.dir, 'mine.age'), 'latin1')).toContain('-> scrypt ');
    const wrong = await talcredEnv({ TALCRED_EXPORT_PASSPHRASE: 'guess' }, 'import', 'mine.age');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('the passphrase is wrong');
    const run = await talcredEnv(env, 'import', 'mine.age');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('renamed talosconfig context "mine" -> "mine-1"');
  });
});
