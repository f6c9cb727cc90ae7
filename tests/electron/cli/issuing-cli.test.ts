import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaItem, DoctorResult, LogResult } from '../../../shared/contract/issuing-contract.js';
import type { ContextItem } from '../../../shared/contract/vault-contract.js';
import type { ContextReport } from '../../../shared/context-report.js';
import { parseTalosconfig } from '../../../shared/talosconfig/parse.js';
import type { TalosConfig } from '../../../shared/talosconfig/model.js';
import { startTalosLikeServer, type TalosLikeServer } from '../net/talos-like-server.js';
import { createTalosLikeCa, type TestCa } from '../pki/talos-like-ca.js';

// The real binary over a passphrase vault in a temp --home, with the real openssl and age CLIs.
const bin = fileURLToPath(new URL('../../../bin/talcred.js', import.meta.url));
const fixtures = fileURLToPath(new URL('../../fixtures/talos/', import.meta.url));
const bundles = [
  'secrets-talos-generate-testdata.yaml',
  'secrets-talos-stability-testdata.yaml',
  'secrets-tf-provider-v1.2-aescbc.yaml',
];

let dir: string;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function talcred(...args: string[]): Promise<Run> {
  return talcredEnv({}, ...args);
}

/** Async, so the TLS test server in this process keeps answering while the binary runs. */
function talcredEnv(env: Record<string, string>, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, '--home', join(dir, 'home'), ...args],
      { cwd: dir, env: { ...process.env, TALCRED_PASSPHRASE: 'test passphrase', ...env }, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

async function json<T>(...args: string[]): Promise<T> {
  const run = await talcred(...args, '--json');
  expect(run.stderr).not.toContain('talcred:');
  return JSON.parse(run.stdout) as T;
}

function pemOf(base64: string): string {
  return Buffer.from(base64, 'base64').toString('latin1');
}

async function readConfig(path: string): Promise<TalosConfig> {
  return parseTalosconfig(await readFile(path, 'utf8'), path);
}

function tool(command: string, args: string[], input?: string): { ok: boolean; output: string } {
  try {
    const output = execFileSync(command, args, {
      cwd: dir,
      encoding: 'utf8',
      stdio: 'pipe',
      ...(input === undefined ? {} : { input }),
    });
    return { ok: true, output };
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${failure.stdout ?? ''}${failure.stderr ?? ''}` };
  }
}

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

beforeAll(async () => {
  if (!existsSync(fileURLToPath(new URL('../../../dist/cli/main.js', import.meta.url))))
    throw new Error('dist/cli is not built: run `npm run build` first');
  dir = await mkdtemp(join(tmpdir(), 'talcred-issuing-cli-'));
  expect((await talcred('init', '--passphrase')).code).toBe(0);
});

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
    await writeFile(join(dir, 'controlplane.yaml'), machineConfig(ca, true));
    await writeFile(join(dir, 'worker.yaml'), machineConfig(ca, false));
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
    const config = await readConfig(join(dir, 'f.yaml'));
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
    await writeFile(join(dir, 'ca.pem'), pemOf(context.ca));
    await writeFile(join(dir, 'leaf.pem'), pemOf(context.crt));
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
      const context = (await readConfig(join(dir, `${name}.yaml`))).contexts[0];
      if (!context) throw new Error(`no context in ${name}.yaml`);
      const secrets = parse(await readFile(join(fixtures, bundle), 'utf8')) as {
        certs: { os: { crt: string } };
      };
      const caPem = pemOf(secrets.certs.os.crt);
      expect(pemOf(context.ca)).toBe(caPem);
      await writeFile(join(dir, `${name}-bundle-ca.pem`), caPem);
      await writeFile(join(dir, `${name}-leaf.pem`), pemOf(context.crt));
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
    expect(await readFile(join(dir, 'f.age'), 'latin1')).toMatch(/^age-encryption\.org\/v1/);
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
    expect(existsSync(join(dir, 'refused.yaml'))).toBe(false);
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
    expect(await readFile(join(dir, 'mine.pem'), 'latin1')).not.toContain('PRIVATE KEY');
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
    await writeFile(join(dir, 'c1-ca.pem'), pemOf(bundle.certs.os.crt));
    expect(
      tool('openssl', ['verify', '-purpose', 'sslclient', '-CAfile', 'c1-ca.pem', 'o.pem']).output,
    ).toContain('o.pem: OK');
    const accepted = await talcred('accept', 'o.pem');
    expect(accepted.code).toBe(2);
    expect(accepted.stderr).toContain('no pending request of this vault holds');
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
  return port;
}

describe('talcred doctor --online', () => {
  let server: TalosLikeServer;
  beforeAll(async () => {
    const ca = await createTalosLikeCa('ed25519');
    server = await startTalosLikeServer(ca);
    await writeFile(join(dir, 'lab.crt'), ca.certPem);
    await writeFile(join(dir, 'lab.key'), ca.keyPem);
    expect(
      (await talcred('ca', 'import', '--name', 'lab', '--crt', 'lab.crt', '--key', 'lab.key')).code,
    ).toBe(0);
  });
  afterAll(async () => {
    await server.close();
  });

  it('passes against a node with a server certificate of the same CA', async () => {
    const endpoint = `127.0.0.1:${server.port}`;
    expect(
      (
        await talcred(
          'issue',
          '--ca',
          'lab',
          '--roles',
          'os:reader',
          '--store',
          '--name',
          'lab-ok',
          '--endpoints',
          endpoint,
        )
      ).code,
    ).toBe(0);
    const run = await talcred('doctor', 'lab-ok', '--online', '--json');
    const result = JSON.parse(run.stdout) as DoctorResult;
    expect(result.contexts[0]?.probes).toEqual([{ endpoint, reachable: true, tls: 'ok', findings: [] }]);
    expect(run.code).toBe(0);
    expect(server.peers.at(-1)).toMatchObject({ accepted: true, roles: ['os:reader'] });
  });

  it('names an unreachable endpoint and exits 1', async () => {
    const endpoint = `127.0.0.1:${await closedPort()}`;
    await talcred(
      'issue',
      '--ca',
      'lab',
      '--roles',
      'os:reader',
      '--store',
      '--name',
      'lab-closed',
      '--endpoints',
      endpoint,
    );
    const run = await talcred('doctor', 'lab-closed', '--online');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`FAIL    unreachable: endpoint ${endpoint}`);
  });
});

describe('talcred export and import with age', () => {
  it('exports to an age recipient that the age CLI opens, and logs the destination', async () => {
    const recipient = tool('age-keygen', ['-y', 'key.txt']).output.trim();
    const run = await talcred('export', 'operator@c2', '-o', 'share.age', '--age-recipient', recipient);
    expect(run.code).toBe(0);
    const plain = tool('age', ['-d', '-i', 'key.txt', 'share.age']);
    expect(plain.ok).toBe(true);
    const config = parseTalosconfig(plain.output, 'share.age');
    expect(config.contexts.map((c) => [c.name, c.endpoints])).toEqual([['operator@c2', ['10.2.0.1']]]);
    const log = await json<LogResult>('log', '--ca', 'c2');
    expect(log.entries.at(-1)?.exportedTo).toEqual([join(dir, 'share.age')]);
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
    expect(item).toMatchObject({ cluster: 'c0', source: 'from-cli.age' });
  });

  it('round-trips a passphrase export through import', async () => {
    const env = { TALCRED_EXPORT_PASSPHRASE: 'between teammates' };
    expect((await talcredEnv(env, 'export', 'mine', '-o', 'mine.age', '--age-passphrase')).code).toBe(0);
    expect(await readFile(join(dir, 'mine.age'), 'latin1')).toContain('-> scrypt ');
    const wrong = await talcredEnv({ TALCRED_EXPORT_PASSPHRASE: 'guess' }, 'import', 'mine.age');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('the passphrase is wrong');
    const run = await talcredEnv(env, 'import', 'mine.age');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('renamed talosconfig context "mine" -> "mine-1"');
  });
});
