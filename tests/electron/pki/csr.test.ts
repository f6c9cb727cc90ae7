import { createPublicKey, generateKeyPairSync, X509Certificate, type KeyObject } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCsr, readCsr } from '../../../electron/pki/csr.js';
import { parsePem, encodePem } from '../../../electron/pki/pem.js';
import { PkiError } from '../../../electron/pki/pki-error.js';
import { expectPkiError } from './expect-pki-error.js';
import { readPrivateKeyPem } from '../../../electron/pki/private-key.js';
import { signCsr } from '../../../electron/pki/sign-csr.js';
import { expectTalosClientProfile } from './issued-profile.js';
import { openssl, verifyClientCert, withFiles } from './openssl.js';
import { createTalosLikeCa, type TestCa } from './talos-like-ca.js';

const spki = (key: KeyObject): Buffer =>
  (key.type === 'public' ? key : createPublicKey(key)).export({ type: 'spki', format: 'der' });

/** `openssl req -new` with the subject syntax users type: one RDN per O value. */
function opensslCsr(keyPem: string, subject: string): string {
  return withFiles({ 'key.pem': keyPem }, (paths) => {
    const result = openssl(['req', '-new', '-key', paths['key.pem'] ?? '', '-subj', subject]);
    expect(result.ok, result.output).toBe(true);
    return result.output;
  });
}

describe('createCsr', () => {
  it.each(['ed25519', 'ecdsa', 'rsa'] as const)(
    'makes a %s request OpenSSL verifies and readCsr reads back',
    async (keyType) => {
      const { csrPem, keyPem } = await createCsr({ roles: ['os:reader', 'os:etcd:backup'], keyType });
      withFiles({ 'req.pem': csrPem }, (paths) => {
        const result = openssl(['req', '-in', paths['req.pem'] ?? '', '-verify', '-noout', '-subject']);
        expect(result.ok, result.output).toBe(true);
        expect(result.output).toContain('subject=O = os:reader + O = os:etcd:backup');
      });
      const read = readCsr(csrPem);
      expect(read.roles).toEqual(['os:etcd:backup', 'os:reader']);
      expect(read.signatureValid).toBe(true);
      expect(spki(read.publicKey)).toEqual(spki(readPrivateKeyPem(keyPem)));
    },
  );

  it('defaults to an Ed25519 key written with Talos label', async () => {
    const { keyPem } = await createCsr({ roles: ['os:reader'] });
    expect(keyPem.split('\n')[0]).toBe('-----BEGIN ED25519 PRIVATE KEY-----');
  });
});

describe('requests made by openssl req', () => {
  let ca: TestCa;
  beforeAll(async () => {
    ca = await createTalosLikeCa('ed25519');
  });

  it.each([
    ['ed25519', () => generateKeyPairSync('ed25519'), 'ed25519'],
    ['EC P-256', () => generateKeyPairSync('ec', { namedCurve: 'P-256' }), 'ecdsa-p256'],
  ])('an %s request is read with its roles and signed for its own key', async (_name, makeKey, keyType) => {
    const { privateKey } = makeKey();
    const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const csrPem = opensslCsr(keyPem, '/O=os:reader/O=os:etcd:backup');

    const read = readCsr(csrPem, 'req.pem');
    expect(read.roles).toEqual(['os:etcd:backup', 'os:reader']);
    expect(read.keyType).toBe(keyType);

    const signed = await signCsr({
      csrPem,
      caCertPem: ca.certPem,
      caKeyPem: ca.keyPem,
      ttlSeconds: 3_600,
      now: new Date(),
    });
    expect(signed.keyPem).toBeUndefined();
    expect(signed.roles).toEqual(['os:etcd:backup', 'os:reader']);
    const verify = verifyClientCert(ca.certPem, signed.certPem);
    expect(verify.ok, verify.output).toBe(true);
    expect(new X509Certificate(signed.certPem).publicKey.export({ type: 'spki', format: 'der' })).toEqual(
      spki(privateKey),
    );
    expectTalosClientProfile(signed.certPem, ca.certPem, ca.subjectKeyIdHex, ['os:etcd:backup', 'os:reader']);
    expect(signed.notes.some((note) => note.includes('ecdsa-p256'))).toBe(keyType !== 'ed25519');
  });

  it('narrows roles on request, and refuses roles the request did not ask for', async () => {
    const csrPem = opensslCsr(
      generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      '/O=os:reader/O=os:etcd:backup',
    );
    const base = { csrPem, caCertPem: ca.certPem, caKeyPem: ca.keyPem, ttlSeconds: 3_600, now: new Date() };
    const narrowed = await signCsr({ ...base, roles: ['os:reader'] });
    expectTalosClientProfile(narrowed.certPem, ca.certPem, ca.subjectKeyIdHex, ['os:reader']);
    expect(narrowed.notes).toContain('roles asked for but not granted: os:etcd:backup');

    const error = await signCsr({ ...base, roles: ['os:reader', 'os:admin'], source: 'alice.csr' }).then(
      () => undefined,
      (reason: unknown) => reason as PkiError,
    );
    expect(error?.code).toBe('role-not-requested');
    expect(error?.message).toContain('alice.csr');
    expect(error?.message).toContain('os:admin');
  });

  it('keeps the CN the request carries as the identity', async () => {
    const csrPem = opensslCsr(
      generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      '/O=os:reader/CN=alice',
    );
    const signed = await signCsr({
      csrPem,
      caCertPem: ca.certPem,
      caKeyPem: ca.keyPem,
      ttlSeconds: 3_600,
      now: new Date(),
    });
    expect(new X509Certificate(signed.certPem).subject).toBe('O=os:reader\nCN=alice');
  });
});

describe('readCsr refuses', () => {
  it('a request whose subject was altered after signing', async () => {
    const { csrPem } = await createCsr({ roles: ['os:reader'] });
    const [block] = parsePem(csrPem);
    const der = Buffer.from(block?.der ?? []);
    const at = der.indexOf(Buffer.from('os:reader'));
    der.write('os:writer', at, 'latin1'); // same length: only the signature can tell
    const tampered = encodePem('CERTIFICATE REQUEST', der);
    const error = expectPkiError(() => readCsr(tampered, 'tampered.csr'), 'csr-signature-invalid');
    expect(error.message).toContain('tampered.csr');
  });

  it('a request whose signature was damaged', async () => {
    const { csrPem } = await createCsr({ roles: ['os:reader'], keyType: 'ecdsa' });
    const der = Buffer.from(parsePem(csrPem)[0]?.der ?? []);
    der[der.length - 3] = (der[der.length - 3] ?? 0) ^ 0x01;
    expectPkiError(() => readCsr(encodePem('CERTIFICATE REQUEST', der)), 'csr-signature-invalid');
  });

  it('text that is not a request', () => {
    expectPkiError(
      () => readCsr('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'),
      'invalid-pem',
    );
  });
});
