import { createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsr } from '../../../electron/pki/csr.js';
import { readPrivateKeyPem } from '../../../electron/pki/private-key.js';
import { signCsr } from '../../../electron/pki/sign-csr.js';
import { cliSandbox, removeSandbox, requireBuiltCli, type CliSandbox } from '../../support/talcred-cli.js';
import { expectTalosClientProfile } from './issued-profile.js';
import { openssl, verifyClientCert, withFiles } from './openssl.js';
import { createTalosLikeCa, type TestCa } from './talos-like-ca.js';

// A request written by Go as `talosctl gen key` + `talosctl gen csr --roles os:reader,os:etcd:backup
// --ip 10.5.0.2` write it (tests/fixtures/go-csr/README.md): both O values in one RDN, an extensionRequest
// with an IP SAN, an Ed25519 key labelled `ED25519 PRIVATE KEY`.
const csrPath = fileURLToPath(new URL('../../fixtures/go-csr/talosctl-style.csr', import.meta.url));
const keyPath = fileURLToPath(new URL('../../fixtures/go-csr/talosctl-style.key', import.meta.url));
const ROLES = ['os:etcd:backup', 'os:reader'];

const spki = (key: KeyObject): Buffer =>
  (key.type === 'public' ? key : createPublicKey(key)).export({ type: 'spki', format: 'der' });

let csrPem: string;
let keyPem: string;
let ca: TestCa;
beforeAll(async () => {
  csrPem = await readFile(csrPath, 'utf8');
  keyPem = await readFile(keyPath, 'utf8');
  ca = await createTalosLikeCa('ed25519');
});

describe('a certificate request written by talosctl gen csr (Go)', () => {
  it('is the Go shape this test is about, as OpenSSL reads it', () => {
    const text = withFiles({ 'req.csr': csrPem }, (paths) => {
      const result = openssl(['req', '-in', paths['req.csr'] ?? '', '-noout', '-text', '-verify']);
      expect(result.ok, result.output).toBe(true);
      return result.output;
    });
    expect(text).toContain('Subject: O = os:reader + O = os:etcd:backup');
    expect(text).toMatch(/Subject Alternative Name: \n\s+IP Address:10\.5\.0\.2/);
    expect(keyPem.split('\n')[0]).toBe('-----BEGIN ED25519 PRIVATE KEY-----');
  });

  it('is read with both roles, no CN, and the public key of its private key', () => {
    const read = readCsr(csrPem, 'talosctl-style.csr');
    expect(read.roles).toEqual(ROLES);
    expect(read.commonName).toBeUndefined();
    expect(read.keyType).toBe('ed25519');
    expect(read.signatureValid).toBe(true);
    expect(spki(read.publicKey)).toEqual(spki(readPrivateKeyPem(keyPem, 'talosctl-style.key')));
  });

  it('is signed into a Talos client certificate for its own key that OpenSSL verifies', async () => {
    const signed = await signCsr({
      csrPem,
      caCertPem: ca.certPem,
      caKeyPem: ca.keyPem,
      ttlSeconds: 3_600,
      now: new Date(),
      source: 'talosctl-style.csr',
    });
    expect(signed.roles).toEqual(ROLES);
    expect(signed.keyPem).toBeUndefined();
    const verified = verifyClientCert(ca.certPem, signed.certPem);
    expect(verified.ok, verified.output).toBe(true);
    expect(spki(new X509Certificate(signed.certPem).publicKey)).toEqual(spki(readCsr(csrPem).publicKey));
    // The requested IP SAN is not copied: Talos client certificates carry none.
    expectTalosClientProfile(signed.certPem, ca.certPem, ca.subjectKeyIdHex, ROLES);
  });
});

describe('talcred sign on the talosctl request', () => {
  let sandbox: CliSandbox;
  beforeAll(async () => {
    requireBuiltCli();
    sandbox = await cliSandbox('passphrase', 'talcred-go-csr-');
  });
  afterAll(async () => {
    await removeSandbox(sandbox);
  });

  it('writes a certificate for the request key that OpenSSL verifies', async () => {
    const file = (name: string) => join(sandbox.root, name);
    await writeFile(file('ca.crt'), ca.certPem);
    await writeFile(file('ca.key'), ca.keyPem, { mode: 0o600 });
    for (const args of [
      ['init', '--passphrase'],
      ['ca', 'import', '--name', 'lab', '--crt', file('ca.crt'), '--key', file('ca.key')],
    ]) {
      const run = await sandbox.run(args);
      expect(run.code, run.stderr).toBe(0);
    }
    const signed = await sandbox.run(['sign', '--ca', 'lab', csrPath, '-o', file('cert.pem')]);
    expect(signed.code, signed.stderr).toBe(0);
    expect(signed.stdout).toContain('request asks for: os:etcd:backup, os:reader');
    expect(signed.stdout).toContain('granted: os:etcd:backup, os:reader');
    const certPem = await readFile(file('cert.pem'), 'utf8');
    const verified = verifyClientCert(ca.certPem, certPem);
    expect(verified.ok, verified.output).toBe(true);
    expect(spki(new X509Certificate(certPem).publicKey)).toEqual(
      spki(readPrivateKeyPem(keyPem, 'talosctl-style.key')),
    );
  });
});
