import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { certificateDerParts, subjectKeyIdentifier } from '../../support/der-walk.js';
import { CLOCK_SKEW_SECONDS, issueClientCertificate } from '../../../electron/pki/issue-certificate.js';
import { readOsCaFromYaml } from '../../../electron/pki/os-ca.js';
import { PkiError } from '../../../electron/pki/pki-error.js';
import type { KeyFamily } from '../../../electron/pki/signing-key.js';
import { expectTalosClientProfile } from './issued-profile.js';
import { openssl, verifyClientCert, withFiles } from './openssl.js';
import { createTalosLikeCa, generateTestKey, type TestCa } from './talos-like-ca.js';

const DAY = 86_400;

const families: { family: KeyFamily; keyType: string; label: string; signature: string }[] = [
  { family: 'ed25519', keyType: 'ed25519', label: 'ED25519 PRIVATE KEY', signature: 'ED25519' },
  { family: 'ecdsa', keyType: 'ecdsa-p256', label: 'EC PRIVATE KEY', signature: 'ecdsa-with-SHA256' },
  { family: 'rsa', keyType: 'rsa-4096', label: 'RSA PRIVATE KEY', signature: 'sha256WithRSAEncryption' },
];

/** OpenSSL refuses Talos's `ED25519 PRIVATE KEY` label; the body is PKCS#8 (TALOS.md "Keys and PEM labels"). */
function forOpenssl(keyPem: string): string {
  return keyPem.replaceAll('ED25519 PRIVATE KEY', 'PRIVATE KEY');
}

async function caught(promise: Promise<unknown>): Promise<PkiError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(PkiError);
  return error as PkiError;
}

describe.each(families)('a $family CA', ({ family, keyType, label, signature }) => {
  let ca: TestCa;
  beforeAll(async () => {
    ca = await createTalosLikeCa(family);
  });

  it('issues a client certificate OpenSSL accepts for TLS client auth, in exactly Talos profile', async () => {
    const now = new Date();
    const issued = await issueClientCertificate({
      caCertPem: ca.certPem,
      caKeyPem: ca.keyPem,
      roles: ['os:reader', 'os:etcd:backup'],
      ttlSeconds: 7 * DAY,
      now,
    });

    const verify = verifyClientCert(ca.certPem, issued.certPem);
    expect(verify.output).toContain('OK');
    expect(verify.ok).toBe(true);

    const text = expectTalosClientProfile(issued.certPem, ca.certPem, ca.subjectKeyIdHex, [
      'os:etcd:backup',
      'os:reader',
    ]);
    expect(text).toContain(`Signature Algorithm: ${signature}`);
    expect(text).toContain('Subject: O = os:reader + O = os:etcd:backup\n');
    expect(issued.keyType).toBe(keyType);

    const certificate = new X509Certificate(issued.certPem);
    const nowSeconds = Math.floor(now.getTime() / 1000);
    expect(Date.parse(certificate.validFrom) / 1000).toBe(nowSeconds - CLOCK_SKEW_SECONDS);
    expect(Date.parse(certificate.validTo) / 1000).toBe(nowSeconds + 7 * DAY);
    expect(issued.notBefore).toBe(
      new Date(Date.parse(certificate.validFrom)).toISOString().replace('.000', ''),
    );
    expect(issued.notAfter).toBe(new Date(Date.parse(certificate.validTo)).toISOString().replace('.000', ''));
    expect(issued.serialHex).toBe(certificate.serialNumber.toLowerCase());
    expect(issued.fingerprintSha256).toBe(certificate.fingerprint256.replaceAll(':', '').toLowerCase());

    // The key: Talos's label, readable by OpenSSL once relabelled, and the certificate's own key.
    const keyPem = issued.keyPem ?? '';
    expect(keyPem.split('\n')[0]).toBe(`-----BEGIN ${label}-----`);
    withFiles({ 'key.pem': forOpenssl(keyPem), 'cert.pem': issued.certPem }, (paths) => {
      const fromKey = openssl(['pkey', '-in', paths['key.pem'] ?? '', '-pubout']);
      const fromCert = openssl(['x509', '-in', paths['cert.pem'] ?? '', '-noout', '-pubkey']);
      expect(fromKey.ok, fromKey.output).toBe(true);
      expect(fromKey.output).toBe(fromCert.output);
    });
  });

  it('signs a given public key of another type without generating a key', async () => {
    const other = generateTestKey(family === 'ed25519' ? 'ecdsa' : 'ed25519');
    const issued = await issueClientCertificate({
      caCertPem: ca.certPem,
      caKeyPem: ca.keyPem,
      roles: ['os:reader'],
      ttlSeconds: DAY,
      now: new Date(),
      publicKey: other.publicKey,
    });
    expect(issued.keyPem).toBeUndefined();
    const certificate = new X509Certificate(issued.certPem);
    expect(certificate.publicKey.export({ type: 'spki', format: 'der' })).toEqual(
      other.publicKey.export({ type: 'spki', format: 'der' }),
    );
    expect(verifyClientCert(ca.certPem, issued.certPem).ok).toBe(true);
  });
});

describe('a P-384 CA', () => {
  it('gets a P-256 client key signed with ECDSA-SHA384, as Go picks the digest by curve', async () => {
    const ca = await createTalosLikeCa('ecdsa', { curve: 'P-384' });
    const issued = await issueClientCertificate({
      caCertPem: ca.certPem,
      caKeyPem: ca.keyPem,
      roles: ['os:reader'],
      ttlSeconds: DAY,
      now: new Date(),
    });
    expect(verifyClientCert(ca.certPem, issued.certPem).ok).toBe(true);
    const text = expectTalosClientProfile(issued.certPem, ca.certPem, ca.subjectKeyIdHex, ['os:reader']);
    expect(text).toContain('Signature Algorithm: ecdsa-with-SHA384');
    expect(issued.keyType).toBe('ecdsa-p256');
  });
});

describe.each([
  'secrets-talos-generate-testdata.yaml',
  'secrets-talos-stability-testdata.yaml',
  'secrets-tf-provider-v1.2-aescbc.yaml',
])('the OS CA of the real bundle %s', (file) => {
  it('issues certificates OpenSSL verifies against it, in Talos profile', async () => {
    const now = new Date('2026-03-01T12:00:00Z');
    const text = readFileSync(join(import.meta.dirname, '../../fixtures/talos', file), 'utf8');
    const ca = readOsCaFromYaml(text, file, now);
    const issued = await issueClientCertificate({
      caCertPem: ca.certPem,
      caKeyPem: ca.keyPem,
      roles: ['os:operator'],
      ttlSeconds: DAY,
      now,
    });
    const verify = verifyClientCert(ca.certPem, issued.certPem, new Date(now.getTime() + 3_600_000));
    expect(verify.ok, verify.output).toBe(true);
    const caSki = subjectKeyIdentifier(certificateDerParts(new X509Certificate(ca.certPem).raw, file), file);
    expectTalosClientProfile(issued.certPem, ca.certPem, caSki?.toString('hex') ?? 'none', ['os:operator']);
    expect(issued.keyType).toBe('ed25519');
    // Outside its validity the same certificate is refused: the check above is not vacuous.
    expect(verifyClientCert(ca.certPem, issued.certPem, new Date(now.getTime() + 2 * DAY * 1000)).ok).toBe(
      false,
    );
  });
});

describe('issueClientCertificate', () => {
  let ca: TestCa;
  beforeAll(async () => {
    ca = await createTalosLikeCa('ed25519');
  });
  const base = (): { caCertPem: string; caKeyPem: string; ttlSeconds: number; now: Date } => ({
    caCertPem: ca.certPem,
    caKeyPem: ca.keyPem,
    ttlSeconds: DAY,
    now: new Date(),
  });

  it('reads roles as Talos does: trimmed, deduplicated, sorted, one RDN', async () => {
    const issued = await issueClientCertificate({
      ...base(),
      roles: [' os:reader', 'os:admin', 'os:reader '],
    });
    expectTalosClientProfile(issued.certPem, ca.certPem, ca.subjectKeyIdHex, ['os:admin', 'os:reader']);
  });

  it('adds CN = identity after the roles only when an identity is given', async () => {
    const issued = await issueClientCertificate({
      ...base(),
      roles: ['os:reader'],
      identity: 'alice@example.com',
    });
    expectTalosClientProfile(
      issued.certPem,
      ca.certPem,
      ca.subjectKeyIdHex,
      ['os:reader'],
      'alice@example.com',
    );
    expect(new X509Certificate(issued.certPem).subject).toBe('O=os:reader\nCN=alice@example.com');
  });

  it('gives every certificate a fresh serial and key', async () => {
    const first = await issueClientCertificate({ ...base(), roles: ['os:reader'] });
    const second = await issueClientCertificate({ ...base(), roles: ['os:reader'] });
    expect(first.serialHex).not.toBe(second.serialHex);
    expect(first.keyPem).not.toBe(second.keyPem);
  });

  it('refuses a certificate without roles', async () => {
    const error = await caught(issueClientCertificate({ ...base(), roles: [' ', ''] }));
    expect(error.code).toBe('no-roles');
  });

  it.each([0, -5, 1.5, Number.NaN])('refuses a lifetime of %d seconds', async (ttlSeconds) => {
    const error = await caught(issueClientCertificate({ ...base(), roles: ['os:reader'], ttlSeconds }));
    expect(error.code).toBe('invalid-ttl');
  });

  it('refuses a CA key that does not belong to the CA certificate', async () => {
    const other = await createTalosLikeCa('ed25519');
    const error = await caught(
      issueClientCertificate({ ...base(), caKeyPem: other.keyPem, roles: ['os:reader'] }),
    );
    expect(error.code).toBe('key-mismatch');
    expect(error.message).not.toContain('PRIVATE');
  });

  it('refuses a certificate that is not a CA', async () => {
    const leaf = await createTalosLikeCa('ed25519', { isCa: false });
    const error = await caught(
      issueClientCertificate({
        ...base(),
        caCertPem: leaf.certPem,
        caKeyPem: leaf.keyPem,
        roles: ['os:reader'],
      }),
    );
    expect(error.code).toBe('not-a-ca');
  });

  it('refuses to sign with an expired CA', async () => {
    const old = await createTalosLikeCa('ed25519', {
      notBefore: new Date('2015-01-01T00:00:00Z'),
      notAfter: new Date('2016-01-01T00:00:00Z'),
    });
    const error = await caught(
      issueClientCertificate({
        ...base(),
        caCertPem: old.certPem,
        caKeyPem: old.keyPem,
        roles: ['os:reader'],
      }),
    );
    expect(error.code).toBe('ca-expired');
  });

  it('refuses a public key Talos cannot use', async () => {
    const { publicKey } = generateKeyPairSync('ed448');
    const error = await caught(issueClientCertificate({ ...base(), roles: ['os:reader'], publicKey }));
    expect(error.code).toBe('unsupported-key');
  });
});
