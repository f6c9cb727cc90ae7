import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeEach, describe, expect, it } from 'vitest';
import { createServices, type ServiceSet } from '../../../../electron/service/create-services.js';
import { pathRef, savePathRef } from '../../../../shared/contract/file-ref.js';
import { createTalosLikeCa } from '../../pki/talos-like-ca.js';
import { tempDir, testKeySources } from '../../vault/helpers.js';

const BUNDLE = new URL('../../../fixtures/talos/secrets-talos-generate-testdata.yaml', import.meta.url);
const DAY = 86_400;

interface Setup {
  dir: string;
  vault: ServiceSet['vault'];
  issuing: ServiceSet['issuing'];
  clock: { now: Date };
}

async function setUp(): Promise<Setup> {
  const dir = await tempDir('talcred-issuing-');
  // Whole seconds, as certificates keep them; real time, because test CAs start now.
  const clock = { now: new Date(Math.floor(Date.now() / 1000) * 1000) };
  const { vault, issuing } = createServices({
    home: join(dir, 'home'),
    results: 'strict',
    env: {},
    keySources: testKeySources(),
    talosconfig: () => ({ path: join(dir, 'talosconfig'), readOnly: false, source: 'flag', exists: false }),
    now: () => clock.now,
  });
  await vault.init({ keySource: 'passphrase' });
  await issuing.importCa({ name: 'prod', source: { kind: 'yaml', file: pathRef(BUNDLE.pathname) } });
  return { dir, vault, issuing, clock };
}

let s: Setup;
beforeEach(async () => {
  s = await setUp();
});

describe('issuing policy', () => {
  it('uses the vault default TTL of 7 days when none is asked for', async () => {
    const result = await s.issuing.issue({ ca: 'prod', roles: ['os:reader'], store: true });
    expect(Date.parse(result.notAfter) - s.clock.now.getTime()).toBe(7 * DAY * 1000);
  });

  it.each([
    [{ roles: ['os:reader'], ttlSeconds: 366 * DAY }, "above this vault's maximum of 365d"],
    [{ roles: ['os:reder'] }, 'unknown role os:reder'],
    [{ roles: ['os:admin'] }, 'os:admin can do anything'],
    [{ roles: ['os:reader', 'os:impersonator'] }, 'os:impersonator can do anything'],
  ])('refuses %j, writing neither the file nor a log entry', async (args, message) => {
    const path = join(s.dir, 'out.yaml');
    await expect(
      s.issuing.issue({ ca: 'prod', store: true, output: { file: savePathRef(path) }, ...args }),
    ).rejects.toThrow(message);
    expect(existsSync(path)).toBe(false);
    expect((await s.issuing.log({})).entries).toEqual([]);
    expect(await s.vault.list({})).toEqual([]);
  });

  it('issues os:admin once confirmed', async () => {
    const result = await s.issuing.issue({ ca: 'prod', roles: ['os:admin'], store: true, allowAdmin: true });
    expect(result.roles).toEqual(['os:admin']);
  });
});

describe('issued contexts', () => {
  it('names contexts as talosctl, never replaces one, and groups them under the CA', async () => {
    const first = await s.issuing.issue({
      ca: 'prod',
      roles: ['os:etcd:backup'],
      endpoints: ['10.0.0.1'],
      nodes: ['10.0.0.2'],
      store: true,
    });
    expect(first.storedAs).toBe('etcd:backup@prod');
    const second = await s.issuing.issue({ ca: 'prod', roles: ['os:etcd:backup'], store: true });
    expect(second.storedAs).toBe('etcd:backup@prod-1');
    // Endpoints and nodes come from the cluster's existing context.
    expect(second.endpoints).toEqual(['10.0.0.1']);
    expect(second.nodes).toEqual(['10.0.0.2']);
    const multi = await s.issuing.issue({ ca: 'prod', roles: ['os:reader', 'os:operator'], store: true });
    expect(multi.storedAs).toBe('prod');
    const items = await s.vault.list({});
    expect(items.map((item) => [item.name, item.cluster, item.source])).toEqual(
      expect.arrayContaining([['etcd:backup@prod-1', 'prod', 'issued by CA prod']]),
    );
    expect((await s.issuing.listCas({}))[0]?.contexts).toEqual([
      'etcd:backup@prod',
      'etcd:backup@prod-1',
      'prod',
    ]);
  });

  it('refuses to overwrite an output file unless told to', async () => {
    const path = join(s.dir, 'taken.yaml');
    await writeFile(path, 'keep me');
    await expect(
      s.issuing.issue({ ca: 'prod', roles: ['os:reader'], output: { file: savePathRef(path) } }),
    ).rejects.toThrow('already exists');
    expect(await readFile(path, 'utf8')).toBe('keep me');
    await s.issuing.issue({ ca: 'prod', roles: ['os:reader'], output: { file: savePathRef(path, true) } });
    const config = parse(await readFile(path, 'utf8')) as { context: string };
    expect(config.context).toBe('reader@prod');
  });

  it('needs a destination', async () => {
    await expect(s.issuing.issue({ ca: 'prod', roles: ['os:reader'] })).rejects.toMatchObject({
      code: 'output-missing',
    });
  });
});

describe('CAs and the log', () => {
  it('refuses a second name for a stored CA and a taken name', async () => {
    await expect(
      s.issuing.importCa({ name: 'again', source: { kind: 'yaml', file: pathRef(BUNDLE.pathname) } }),
    ).rejects.toThrow('already stored as "prod"');
    const other = await createTalosLikeCa('ecdsa');
    await writeFile(join(s.dir, 'ca.crt'), other.certPem);
    await writeFile(join(s.dir, 'ca.key'), other.keyPem);
    const pem = {
      kind: 'pem' as const,
      cert: pathRef(join(s.dir, 'ca.crt')),
      key: pathRef(join(s.dir, 'ca.key')),
    };
    await expect(s.issuing.importCa({ name: 'prod', source: pem })).rejects.toThrow('a CA named "prod"');
    expect((await s.issuing.importCa({ name: 'edge', source: pem })).keyType).toBe('ecdsa-p256');
  });

  it('keeps the revocation horizon at the latest unexpired certificate', async () => {
    const short = await s.issuing.issue({ ca: 'prod', roles: ['os:reader'], ttlSeconds: DAY, store: true });
    const long = await s.issuing.issue({
      ca: 'prod',
      roles: ['os:reader'],
      ttlSeconds: 30 * DAY,
      store: true,
    });
    let log = await s.issuing.log({ ca: 'prod' });
    expect(log.entries.map((entry) => entry.serial)).toEqual([short.serial, long.serial]);
    expect(log.horizons).toEqual([expect.objectContaining({ ca: 'prod', revocationHorizon: long.notAfter })]);
    s.clock.now = new Date(Date.parse(long.notAfter) + 1000);
    log = await s.issuing.log({});
    expect(log.horizons[0]?.revocationHorizon).toBeNull();
  });

  it('removes a CA but keeps its log entries', async () => {
    await s.issuing.issue({ ca: 'prod', roles: ['os:reader'], store: true });
    await s.issuing.removeCa({ name: 'prod' });
    expect(await s.issuing.listCas({})).toEqual([]);
    expect((await s.issuing.log({})).entries).toHaveLength(1);
    expect((await s.vault.list({}))[0]?.cluster).toBeNull();
  });
});

describe('requests', () => {
  it('signs a request with narrowed roles and accepts the certificate into the pending context', async () => {
    const csrPath = join(s.dir, 'req.csr');
    const certPath = join(s.dir, 'cert.pem');
    await s.issuing.issue({ ca: 'prod', roles: ['os:reader'], endpoints: ['10.9.9.9'], store: true });
    await s.issuing.createRequest({
      name: 'mine',
      roles: ['os:reader', 'os:etcd:backup'],
      output: savePathRef(csrPath),
    });
    expect(await s.issuing.readRequest({ csr: pathRef(csrPath) })).toMatchObject({
      roles: ['os:etcd:backup', 'os:reader'],
    });
    const signed = await s.issuing.sign({
      ca: 'prod',
      csr: pathRef(csrPath),
      roles: ['os:reader'],
      output: savePathRef(certPath),
    });
    expect(signed.roles).toEqual(['os:reader']);
    expect(signed.notes.join()).toContain('not granted: os:etcd:backup');
    const accepted = await s.issuing.accept({ cert: pathRef(certPath) });
    expect(accepted.storedAs).toBe('mine');
    expect(accepted.item).toMatchObject({ cluster: 'prod', endpoints: ['10.9.9.9'] });
    expect(accepted.item.cert?.roles).toEqual(['os:reader']);
    expect(accepted.item.findings.filter((f) => f.severity === 'error')).toEqual([]);
    // The pending key is used up: the same certificate cannot be accepted twice.
    await expect(s.issuing.accept({ cert: pathRef(certPath) })).rejects.toThrow('no pending request');
  });

  it('refuses to grant a role that was not asked for', async () => {
    const csrPath = join(s.dir, 'req.csr');
    await s.issuing.createRequest({ name: 'mine', roles: ['os:reader'], output: savePathRef(csrPath) });
    await expect(
      s.issuing.sign({
        ca: 'prod',
        csr: pathRef(csrPath),
        roles: ['os:operator'],
        output: savePathRef(join(s.dir, 'c.pem')),
      }),
    ).rejects.toThrow('cannot be granted os:operator');
    expect(existsSync(join(s.dir, 'c.pem'))).toBe(false);
    expect((await s.issuing.log({})).entries).toEqual([]);
  });
});
