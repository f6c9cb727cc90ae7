import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  caFacts,
  certificateFacts,
  isSignedBy,
  readCertificates,
} from '../../../electron/pki/certificate-facts.js';
import { encodePem } from '../../../electron/pki/pem.js';
import { PkiError } from '../../../electron/pki/pki-error.js';
import { createTestCa, createTestLeaf, oids, type TestKeyAlgorithm } from '../../support/test-pki.js';

function openssl(args: string[], input: string): string {
  return execFileSync('openssl', args, { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}

describe('certificateFacts', () => {
  it.each<[TestKeyAlgorithm, string]>([
    ['ed25519', 'ed25519'],
    ['ecdsa-p256', 'ecdsa-p256'],
    ['rsa-2048', 'rsa-2048'],
  ])('describes a Talos-style %s client certificate', async (algorithm, keyType) => {
    const ca = await createTestCa({ algorithm });
    const notBefore = new Date('2026-01-02T03:04:05Z');
    const leaf = await createTestLeaf(ca, {
      roles: ['os:reader', 'os:etcd:backup'],
      notBefore,
      notAfter: new Date('2026-01-09T03:04:05Z'),
    });
    expect(certificateFacts(leaf.cert)).toMatchObject({
      subject: 'O=os:reader+O=os:etcd:backup',
      issuer: 'O=talos',
      roles: ['os:etcd:backup', 'os:reader'],
      unknownRoles: [],
      notBefore: '2026-01-02T03:04:05Z',
      notAfter: '2026-01-09T03:04:05Z',
      keyType,
      extKeyUsage: ['clientAuth'],
    });
    expect(caFacts(ca.cert)).toMatchObject({ subject: 'O=talos', keyType });
  });

  it('shows serial and fingerprint as openssl does, in lowercase', async () => {
    const ca = await createTestCa();
    for (const cert of [ca, await createTestLeaf(ca)]) {
      const facts = certificateFacts(cert.cert);
      const shown = openssl(['x509', '-noout', '-serial', '-fingerprint', '-sha256'], cert.certPem);
      const serial = /serial=([0-9A-F]+)/.exec(shown)?.[1];
      const fingerprint = /Fingerprint=([0-9A-F:]+)/.exec(shown)?.[1];
      expect(facts.serial).toBe(serial?.toLowerCase());
      expect(facts.fingerprintSha256).toBe(fingerprint?.replaceAll(':', '').toLowerCase());
    }
  });

  it('reads every O value whether Go put them in one multi-valued RDN or in separate RDNs', async () => {
    const ca = await createTestCa();
    const roles = ['os:operator', 'os:admin', 'os:meta:writer'];
    const multi = certificateFacts((await createTestLeaf(ca, { roles, rolesAs: 'multi-valued-rdn' })).cert);
    const separate = certificateFacts((await createTestLeaf(ca, { roles, rolesAs: 'separate-rdns' })).cert);
    expect(multi.roles).toEqual(['os:admin', 'os:meta:writer', 'os:operator']);
    expect(separate.roles).toEqual(multi.roles);
    expect(multi.subject).toBe('O=os:operator+O=os:admin+O=os:meta:writer');
    expect(separate.subject).not.toBe(multi.subject);
  });

  it('trims roles, skips empty O values and keeps unknown ones (TALOS.md "Roles")', async () => {
    const ca = await createTestCa();
    const leaf = await createTestLeaf(ca, { roles: [' os:reader ', ' ', 'os:custom', 'os:reader'] });
    expect(certificateFacts(leaf.cert)).toMatchObject({
      roles: ['os:custom', 'os:reader'],
      unknownRoles: ['os:custom'],
    });
  });

  it('gives an empty subject as "" and names extended key usages, dotted OIDs where unnamed', async () => {
    const ca = await createTestCa();
    const leaf = await createTestLeaf(ca, {
      roles: [],
      extKeyUsage: [oids.serverAuth, oids.clientAuth, '1.2.3.4.5'],
    });
    expect(certificateFacts(leaf.cert)).toMatchObject({
      subject: '',
      roles: [],
      extKeyUsage: ['serverAuth', 'clientAuth', '1.2.3.4.5'],
    });
    const noEku = await createTestLeaf(ca, { extKeyUsage: [] });
    expect(certificateFacts(noEku.cert).extKeyUsage).toEqual([]);
  });
});

describe('readCertificates', () => {
  it('reads every CERTIFICATE block of a CA bundle, in order', async () => {
    const first = await createTestCa({ algorithm: 'ed25519' });
    const second = await createTestCa({
      algorithm: 'ecdsa-p256',
      subject: [{ O: ['talos'] }, { CN: ['next'] }],
    });
    const certs = readCertificates(first.certPem + second.certPem);
    expect(certs.map((cert) => caFacts(cert).keyType)).toEqual(['ed25519', 'ecdsa-p256']);
    expect(caFacts(certs[1] ?? first.cert).subject).toBe('O=talos, CN=next');
  });

  it('refuses a key pasted where certificates belong, without echoing it', async () => {
    const ca = await createTestCa();
    const error = catchPki(() => readCertificates(ca.certPem + ca.keyPem, 'contexts.prod.ca'));
    expect(error.code).toBe('invalid-pem');
    expect(error.message).toMatch(/^contexts\.prod\.ca: holds a "ED25519 PRIVATE KEY" block/);
    expect(error.message).not.toContain(ca.keyPem.split('\n')[1]);
  });

  it('refuses a CERTIFICATE block that is not a certificate', () => {
    const error = catchPki(() => readCertificates(encodePem('CERTIFICATE', Buffer.from('nope'))));
    expect(error.code).toBe('invalid-pem');
  });
});

describe('isSignedBy', () => {
  it('accepts the issuing CA and refuses another CA with the same name', async () => {
    const ca = await createTestCa();
    const other = await createTestCa();
    const leaf = await createTestLeaf(ca);
    expect(isSignedBy(leaf.cert, ca.cert)).toBe(true);
    expect(isSignedBy(leaf.cert, other.cert)).toBe(false);
  });
});

function catchPki(action: () => unknown): PkiError {
  try {
    action();
  } catch (error) {
    if (error instanceof PkiError) return error;
    throw error;
  }
  throw new Error('expected a PkiError');
}
