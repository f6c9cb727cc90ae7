import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LogResult } from '../../../shared/contract/issuing-contract.js';
import type { Renewal, RenewDueResult } from '../../../shared/contract/lifecycle-contract.js';
import type { ContextItem } from '../../../shared/contract/vault-contract.js';
import { serializeTalosconfig } from '../../../shared/talosconfig/serialize.js';
import { pemOf, readConfig, useIssuingVault, type Run } from '../../support/issuing-cli.js';
import {
  createTestCa,
  createTestLeaf,
  mtlsContext,
  type TestCertificate,
  type TestKeyAlgorithm,
  type TestLeafOptions,
} from '../../support/test-pki.js';

// `talcred renew` through the real binary, its results checked with the real openssl.
const vault = useIssuingVault({ importBundles: false });
const { talcred, json, tool } = vault;

const day = 86_400_000;
const ago = (ms: number) => new Date(Date.now() - ms);
const ahead = (ms: number) => new Date(Date.now() + ms);
const talosconfig = () => join(vault.dir, 'talosctl-config');

let fileCount = 0;
async function writePem(text: string): Promise<string> {
  const path = join(vault.dir, `pem-${++fileCount}.pem`);
  await writeFile(path, text);
  return path;
}

/** Storing CAs and importing contexts, through one vault's binary. */
function vaultSteps(run: (...args: string[]) => Promise<Run>) {
  return {
    /** A CA stored in the vault as `name` (or, with `store: false`, one that lives elsewhere). */
    ca: async (name: string, algorithm: TestKeyAlgorithm, store = true): Promise<TestCertificate> => {
      const ca = await createTestCa({ algorithm, notBefore: ago(400 * day), notAfter: ahead(3000 * day) });
      if (store) {
        const crt = await writePem(ca.certPem);
        const imported = await run(
          'ca',
          'import',
          '--name',
          name,
          '--crt',
          crt,
          '--key',
          await writePem(ca.keyPem),
        );
        expect(imported.code, imported.stderr).toBe(0);
      }
      return ca;
    },
    /** A context signed by `ca`, imported with endpoints, nodes and a label. */
    context: async (name: string, ca: TestCertificate, leaf: TestLeafOptions): Promise<TestCertificate> => {
      const cert = await createTestLeaf(ca, leaf);
      const context = mtlsContext(
        name,
        { ca: ca.certPem, crt: cert.certPem, key: cert.keyPem },
        { endpoints: ['10.5.0.2', '10.5.0.3'], nodes: ['10.5.0.9'] },
      );
      const path = join(vault.dir, `${name}.yaml`);
      await writeFile(path, serializeTalosconfig({ context: name, contexts: [context], extra: [] }));
      expect((await run('import', path)).code).toBe(0);
      expect((await run('label', name, 'team=platform')).code).toBe(0);
      return cert;
    },
  };
}

const steps = vaultSteps(talcred);
const clusterCa = steps.ca;
const importContext = steps.context;

async function certificateOf(name: string): Promise<string> {
  const out = join(vault.dir, `${name}-export.yaml`);
  expect((await talcred('export', name, '-o', out, '--force')).code).toBe(0);
  const context = (await readConfig(out)).contexts[0];
  return pemOf(context?.crt ?? '');
}

/** openssl's own reading of a certificate, and whether the CA verifies it. */
async function openssl(certPem: string, ca: TestCertificate) {
  const cert = await writePem(certPem);
  const caFile = await writePem(ca.certPem);
  const text = tool('openssl', ['x509', '-in', cert, '-noout', '-text', '-nameopt', 'RFC2253']);
  const verify = tool('openssl', ['verify', '-CAfile', caFile, '-purpose', 'sslclient', cert]);
  const dates = tool('openssl', [
    'x509',
    '-in',
    cert,
    '-noout',
    '-startdate',
    '-enddate',
    '-dateopt',
    'iso_8601',
  ]);
  const [start = '', end = ''] = dates.output
    .trim()
    .split('\n')
    .map((line) => line.replace(/^not(Before|After)=/, ''));
  return { text: text.output, verified: verify.ok, lifetimeMs: Date.parse(end) - Date.parse(start) };
}

const keyAlgorithms: [TestKeyAlgorithm, RegExp][] = [
  ['ed25519', /Public Key Algorithm: ED25519/],
  ['ecdsa-p256', /Public Key Algorithm: id-ecPublicKey[\s\S]*NIST CURVE: P-256/],
  ['rsa-2048', /Public Key Algorithm: rsaEncryption[\s\S]*Public-Key: \(4096 bit\)/],
];

describe('talcred renew', () => {
  it.each(keyAlgorithms)(
    'renews a %s CA context: same roles, CN and lifetime, clientAuth only',
    async (algorithm, keyLine) => {
      const name = `renew-${algorithm}`;
      const ca = await clusterCa(`ca-${algorithm}`, algorithm);
      const old = await importContext(name, ca, {
        roles: ['os:reader', 'os:etcd:backup', 'os:future-role'],
        rolesAs: 'separate-rdns',
        commonName: 'alice',
        notBefore: ago(20 * day),
        notAfter: ahead(10 * day),
      });
      const result = await json<{ renewed: Renewal[] }>('renew', name);
      expect(result.renewed).toHaveLength(1);
      expect(result.renewed[0]).toMatchObject({
        context: name,
        roles: ['os:reader', 'os:etcd:backup', 'os:future-role'],
        identity: 'alice',
        replaces: { serial: old.cert.serialNumber.toLowerCase() },
        lifetimeSeconds: 30 * 86_400 - 300,
      });

      const renewed = await openssl(await certificateOf(name), ca);
      expect(renewed.verified).toBe(true);
      // The old subject byte for byte: every O value in its order (unknown ones too), then the CN.
      expect(renewed.text).toContain('Subject: CN=alice,O=os:future-role,O=os:etcd:backup,O=os:reader');
      expect(renewed.text).toMatch(/X509v3 Extended Key Usage: \n\s+TLS Web Client Authentication\n/);
      expect(renewed.text).toMatch(keyLine);
      // 30 days less the 5-minute clock-skew backdate, which the new certificate gets again.
      expect(renewed.lifetimeMs).toBe(30 * day);

      const item = await json<ContextItem>('show', name);
      expect(item).toMatchObject({
        endpoints: ['10.5.0.2', '10.5.0.3'],
        nodes: ['10.5.0.9'],
        labels: { team: 'platform' },
        renewable: true,
      });
      expect(item.cert?.serial).toBe(result.renewed[0]?.serial);
      const log = await json<LogResult>('log');
      expect(log.entries.find((entry) => entry.serial === item.cert?.serial)).toMatchObject({
        renews: old.cert.serialNumber.toLowerCase(),
        context: name,
      });
    },
  );

  it('renews an expired context: with the CA, an expired config is never a dead end', async () => {
    const ca = await clusterCa('ca-expired', 'ed25519');
    await importContext('expired', ca, {
      roles: ['os:operator'],
      notBefore: ago(31 * day),
      notAfter: ago(day),
    });
    expect((await json<ContextItem>('show', 'expired')).findings.map((f) => f.code)).toContain(
      'cert-expired',
    );
    const run = await talcred('renew', 'expired');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('renewed "expired" by CA ca-expired: os:operator, 29d23h55m');
    const after = await json<ContextItem>('show', 'expired');
    expect(after.findings.map((f) => f.code)).toEqual([]);
    expect((await openssl(await certificateOf('expired'), ca)).verified).toBe(true);
  });

  it("rewrites talosctl's file when it holds the renewed context", async () => {
    const ca = await clusterCa('ca-current', 'ed25519');
    await importContext('current', ca, { roles: ['os:reader'], notBefore: ago(day), notAfter: ahead(day) });
    expect((await talcred('--talosconfig', talosconfig(), 'use', 'current')).code).toBe(0);
    const before = (await readConfig(talosconfig())).contexts[0]?.crt;
    const run = await talcred('--talosconfig', talosconfig(), 'renew', 'current');
    expect(run.stdout).toContain("talosctl's file rewritten");
    const file = await readConfig(talosconfig());
    expect(file.context).toBe('current');
    expect(file.contexts[0]?.crt).not.toBe(before);
    expect(pemOf(file.contexts[0]?.crt ?? '')).toBe(await certificateOf('current'));
  });

  it('refuses without the CA, naming it and the two ways on, and changes nothing', async () => {
    const elsewhere = await clusterCa('not-stored', 'ed25519', false);
    const old = await importContext('foreign', elsewhere, { roles: ['os:reader'], notAfter: ahead(2 * day) });
    const run = await talcred('renew', 'foreign');
    expect(run.code).toBe(2);
    const fingerprint = elsewhere.cert.fingerprint256.replaceAll(':', '').toLowerCase();
    expect(run.stderr).toContain(
      `signed by CA "O=talos" (SHA-256 ${fingerprint}), which this vault does not hold`,
    );
    expect(run.stderr).toContain('`talcred ca import`');
    expect(run.stderr).toContain('`talcred renew foreign --request -o renew.csr`');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect((await json<ContextItem>('show', 'foreign')).cert?.serial).toBe(
      old.cert.serialNumber.toLowerCase(),
    );
  });

  it('renews by request where the CA is elsewhere, accepted in place', async () => {
    const elsewhere = await clusterCa('signer-elsewhere', 'ecdsa-p256', false);
    const old = await importContext('by-request', elsewhere, {
      roles: ['os:reader', 'os:etcd:backup'],
      commonName: 'bob',
      notAfter: ahead(2 * day),
    });
    const request = await talcred('renew', 'by-request', '--request', '-o', 'renew.csr');
    expect(request.code, request.stderr).toBe(0);
    const csr = tool('openssl', [
      'req',
      '-in',
      'renew.csr',
      '-noout',
      '-verify',
      '-text',
      '-nameopt',
      'RFC2253',
    ]);
    const oldSubject = /Subject: (.*)/.exec((await openssl(old.certPem, elsewhere)).text)?.[1];
    expect(oldSubject).toContain('CN=bob');
    expect(csr.output).toContain(`Subject: ${oldSubject ?? ''}\n`);

    // The CA's holder signs it with openssl, as Talos issues: clientAuth only.
    await writeFile(join(vault.dir, 'signer-ca.pem'), elsewhere.certPem);
    await writeFile(join(vault.dir, 'signer-ca.key'), elsewhere.keyPem);
    await writeFile(
      join(vault.dir, 'client.ext'),
      'keyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n',
    );
    const signed = tool('openssl', [
      'x509',
      '-req',
      '-in',
      'renew.csr',
      '-CA',
      'signer-ca.pem',
      '-CAkey',
      'signer-ca.key',
      '-days',
      '30',
      '-set_serial',
      '0x1234abcd',
      '-extfile',
      'client.ext',
      '-out',
      'renewed.pem',
    ]);
    expect(signed.ok, signed.output).toBe(true);

    const contextsBefore = (await json<ContextItem[]>('list')).length;
    const accept = await talcred('accept', 'renewed.pem');
    expect(accept.code, accept.stderr).toBe(0);
    expect(accept.stdout).toContain('renewed "by-request" in place');
    const item = await json<ContextItem>('show', 'by-request');
    expect(item.cert?.serial).toBe('1234abcd');
    expect(item.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(item.labels).toEqual({ team: 'platform' });
    expect((await json<ContextItem[]>('list')).length).toBe(contextsBefore);
  });

  it('--dry-run shows the renewal and changes nothing; admin needs --yes-admin', async () => {
    const ca = await clusterCa('ca-admin', 'ed25519');
    const old = await importContext('admin', ca, { roles: ['os:admin'], notAfter: ahead(5 * day) });
    const dry = await talcred('renew', 'admin', '--dry-run', '--yes-admin');
    expect(dry.stdout).toContain('would renew "admin" by CA ca-admin: os:admin');
    const refused = await talcred('renew', 'admin');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('os:admin');
    expect(refused.stderr).toContain('--yes-admin');
    expect((await json<ContextItem>('show', 'admin')).cert?.serial).toBe(old.cert.serialNumber.toLowerCase());
    expect((await talcred('renew', 'admin', '--yes-admin', '--ttl', '2h')).code).toBe(0);
    const renewed = await openssl(await certificateOf('admin'), ca);
    expect(renewed.lifetimeMs).toBe(2 * 3_600_000 + 5 * 60_000);
  });
});

describe('talcred renew --due', () => {
  it('renews what is due and renewable, lists the rest, and exits 1 for those', async () => {
    const fresh = await useFreshVault();
    const ca = await fresh.ca('due-ca', 'ed25519');
    const elsewhere = await createTestCa({ notBefore: ago(400 * day), notAfter: ahead(3000 * day) });
    await fresh.context('due-soon', ca, {
      roles: ['os:reader'],
      notBefore: ago(27 * day),
      notAfter: ahead(3 * day),
    });
    await fresh.context('due-expired', ca, {
      roles: ['os:reader'],
      notBefore: ago(9 * day),
      notAfter: ago(day),
    });
    await fresh.context('not-due', ca, {
      roles: ['os:reader'],
      notBefore: ago(380 * day),
      notAfter: ahead(20 * day),
    });
    await fresh.context('due-elsewhere', elsewhere, {
      roles: ['os:reader'],
      notBefore: ago(27 * day),
      notAfter: ahead(3 * day),
    });
    await fresh.context('due-admin', ca, {
      roles: ['os:admin'],
      notBefore: ago(27 * day),
      notAfter: ahead(3 * day),
    });

    const run = await fresh.talcred('renew', '--due', '--json');
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout) as RenewDueResult;
    expect(result.renewed.map((r) => r.context).sort()).toEqual(['due-expired', 'due-soon']);
    expect(result.notRenewable.map((r) => r.context)).toEqual(['due-elsewhere']);
    expect(result.notRenewable[0]?.issuer.fingerprintSha256).toBe(
      elsewhere.cert.fingerprint256.replaceAll(':', '').toLowerCase(),
    );
    expect(result.needsAdmin).toEqual([{ context: 'due-admin', roles: ['os:admin'] }]);

    // Run again: what was renewed is no longer due; the admin one goes with the confirmation.
    const again = await fresh.talcred('renew', '--due', '--yes-admin');
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('renewed "due-admin"');
    expect(again.stdout).toContain('not renewable here: "due-elsewhere"');
    expect(again.stdout).not.toContain('"due-soon"');
    expect(again.stdout).not.toContain('"not-due"');
  });

  it('exits 0 when nothing due is left unrenewed', async () => {
    const fresh = await useFreshVault();
    const ca = await fresh.ca('quiet-ca', 'ed25519');
    await fresh.context('fine', ca, {
      roles: ['os:reader'],
      notBefore: ago(day),
      notAfter: ahead(300 * day),
    });
    const run = await fresh.talcred('renew', '--due');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('nothing is due for renewal');
  });
});

/** Another vault in the same temp folder, so `--due` sees only the contexts its test made. */
async function useFreshVault() {
  const home = join(vault.dir, `home-${++fileCount}`);
  const run = (...args: string[]) => talcred('--home', home, ...args);
  expect((await run('init', '--passphrase')).code).toBe(0);
  return { talcred: run, ...vaultSteps(run) };
}
