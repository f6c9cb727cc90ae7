import { describe, expect, it } from 'vitest';
import { diagnoseContext } from '../../../electron/pki/diagnose-context.js';
import type { FindingCode } from '../../../shared/findings.js';
import type { TalosContext } from '../../../shared/talosconfig/model.js';
import {
  base64,
  createTestCa,
  createTestLeaf,
  generateTestKey,
  mtlsContext,
  oids,
  type TestCertificate,
  type TestKeyAlgorithm,
} from '../../support/test-pki.js';

const now = new Date('2026-11-24T12:00:00Z');
const day = 86_400_000;
const inDays = (days: number): Date => new Date(now.getTime() + days * day);

function diagnose(context: TalosContext, expiryWarningDays?: number) {
  return diagnoseContext(context, {
    now,
    current: false,
    ...(expiryWarningDays === undefined ? {} : { expiryWarningDays }),
  });
}

function codes(context: TalosContext): FindingCode[] {
  return diagnose(context).findings.map((finding) => finding.code);
}

function messageOf(context: TalosContext, code: FindingCode): string {
  return diagnose(context).findings.find((finding) => finding.code === code)?.message ?? '';
}

async function credentials(
  ca: TestCertificate,
  leafOptions: Parameters<typeof createTestLeaf>[1] = {},
): Promise<TalosContext> {
  const leaf = await createTestLeaf(ca, { notBefore: inDays(-1), notAfter: inDays(30), ...leafOptions });
  return mtlsContext('prod', { ca: ca.certPem, crt: leaf.certPem, key: leaf.keyPem });
}

const caValidity = { notBefore: inDays(-10), notAfter: inDays(3000) };

describe('diagnoseContext on generated certificates', () => {
  it.each<TestKeyAlgorithm>(['ed25519', 'ecdsa-p256', 'rsa-2048'])(
    'finds nothing wrong with a fresh %s reader certificate',
    async (algorithm) => {
      const ca = await createTestCa({ algorithm, ...caValidity });
      const context = await credentials(ca, { roles: ['os:reader'] });
      const report = diagnose(context);
      expect(report.findings).toEqual([]);
      expect(report.auth).toBe('mtls');
      expect(report.cert).toMatchObject({ roles: ['os:reader'], keyType: algorithm });
      expect(report.ca).toHaveLength(1);
    },
  );

  it('reads several roles in one multi-valued RDN and in separate RDNs alike', async () => {
    const ca = await createTestCa(caValidity);
    for (const rolesAs of ['multi-valued-rdn', 'separate-rdns'] as const) {
      const report = diagnose(await credentials(ca, { roles: ['os:reader', 'os:operator'], rolesAs }));
      expect(report.cert?.roles).toEqual(['os:operator', 'os:reader']);
      expect(report.findings).toEqual([]);
    }
  });

  it('reports expired, expiring and not-yet-valid certificates by their dates', async () => {
    const ca = await createTestCa(caValidity);
    const expired = await credentials(ca, { notBefore: inDays(-40), notAfter: inDays(-1) });
    expect(codes(expired)).toEqual(['cert-expired', 'admin-role']);
    expect(messageOf(expired, 'cert-expired')).toMatch(/^contexts\.prod\.crt: .*expired at \d{4}-\d\d-\d\dT/);

    // A year-long certificate: its warning window is the vault's 14 days, not a third of its lifetime.
    const soon = await credentials(ca, { notBefore: inDays(-352), notAfter: inDays(13) });
    expect(codes(soon)).toContain('cert-expiring-soon');
    expect(messageOf(soon, 'cert-expiring-soon')).toContain('in 13 days');
    expect(diagnose(soon, 7).findings.map((finding) => finding.code)).not.toContain('cert-expiring-soon');
    expect(codes(await credentials(ca, { notBefore: inDays(-350), notAfter: inDays(15) }))).not.toContain(
      'cert-expiring-soon',
    );

    const future = await credentials(ca, { notBefore: inDays(2), notAfter: inDays(30) });
    expect(codes(future)).toContain('cert-not-yet-valid');
    expect(codes(future)).not.toContain('cert-expired');
  });

  it('reports a key that does not belong to the certificate', async () => {
    const ca = await createTestCa(caValidity);
    const leaf = await createTestLeaf(ca, { notBefore: inDays(-1) });
    const context = mtlsContext('prod', {
      ca: ca.certPem,
      crt: leaf.certPem,
      key: (await createTestLeaf(ca)).keyPem,
    });
    expect(diagnose(context).findings[0]).toMatchObject({ code: 'key-mismatch', severity: 'error' });
    expect(messageOf(context, 'key-mismatch')).toMatch(
      /^contexts\.prod\.key: does not belong to .*contexts\.prod\.crt/,
    );
  });

  it("reports a certificate signed by another cluster's CA, and accepts any CA of a rotation bundle", async () => {
    const ca = await createTestCa(caValidity);
    const other = await createTestCa({ algorithm: 'ecdsa-p256', ...caValidity });
    const leaf = await createTestLeaf(ca, { notBefore: inDays(-1) });
    const wrong = mtlsContext('prod', { ca: other.certPem, crt: leaf.certPem, key: leaf.keyPem });
    expect(codes(wrong)).toContain('cert-not-signed-by-ca');

    const rotation = mtlsContext('prod', {
      ca: other.certPem + ca.certPem,
      crt: leaf.certPem,
      key: leaf.keyPem,
    });
    expect(codes(rotation)).not.toContain('cert-not-signed-by-ca');
    expect(diagnose(rotation).ca.map((facts) => facts.keyType)).toEqual(['ecdsa-p256', 'ed25519']);

    const systemRoots = mtlsContext('prod', { crt: leaf.certPem, key: leaf.keyPem });
    expect(codes(systemRoots)).not.toContain('cert-not-signed-by-ca');
  });

  it('flags serverAuth+clientAuth and missing EKU, which Talos 1.12+ refuses', async () => {
    const ca = await createTestCa(caValidity);
    const both = await credentials(ca, { extKeyUsage: [oids.serverAuth, oids.clientAuth] });
    expect(messageOf(both, 'eku-not-client-auth-only')).toContain('serverAuth, clientAuth');
    const none = await credentials(ca, { extKeyUsage: [] });
    expect(codes(none)).toContain('eku-not-client-auth-only');
  });

  it('grades roles: none is an error, unknown and impersonator warn, admin informs', async () => {
    const ca = await createTestCa(caValidity);
    expect(diagnose(await credentials(ca, { roles: [] })).findings).toEqual([
      expect.objectContaining({ code: 'no-roles', severity: 'error' }),
    ]);
    const mixed = await credentials(ca, { roles: ['os:impersonator', 'os:admin', 'os:future', 'os:later'] });
    expect(diagnose(mixed).findings.map(({ code, severity }) => [code, severity])).toEqual([
      ['unknown-role', 'warning'],
      ['impersonator-role', 'warning'],
      ['admin-role', 'info'],
    ]);
    expect(messageOf(mixed, 'unknown-role')).toContain('os:future, os:later');
  });

  it('reports an expired and an expiring CA certificate', async () => {
    const oldCa = await createTestCa({ notBefore: inDays(-400), notAfter: inDays(-5) });
    const ca = await createTestCa({ notBefore: inDays(-3000), notAfter: inDays(5) });
    const leaf = await createTestLeaf(ca, { notBefore: inDays(-300), notAfter: inDays(4) });
    const context = mtlsContext('prod', {
      ca: oldCa.certPem + ca.certPem,
      crt: leaf.certPem,
      key: leaf.keyPem,
    });
    const found = codes(context);
    expect(found).toEqual(expect.arrayContaining(['ca-expired', 'ca-expiring-soon', 'cert-expiring-soon']));
    expect(messageOf(context, 'ca-expired')).toContain('CA certificate 1 of 2');
  });

  it('reports a certificate without its key and a key without its certificate', async () => {
    const ca = await createTestCa(caValidity);
    const leaf = await createTestLeaf(ca, { notBefore: inDays(-1) });
    const noKey = mtlsContext('prod', { ca: ca.certPem, crt: leaf.certPem });
    expect(codes(noKey)).toContain('missing-key');
    expect(diagnose(noKey).cert?.roles).toEqual(['os:admin']);
    const noCrt = mtlsContext('prod', { ca: ca.certPem, key: leaf.keyPem });
    expect(codes(noCrt)).toEqual(['missing-crt']);
    expect(diagnose(noCrt).cert).toBeNull();
  });

  it('turns broken fields into findings, never exceptions, and never echoes key material', async () => {
    const ca = await createTestCa(caValidity);
    const leaf = await createTestLeaf(ca, { notBefore: inDays(-1) });
    const good = mtlsContext('prod', { ca: ca.certPem, crt: leaf.certPem, key: leaf.keyPem });
    const keyBody = leaf.keyPem.split('\n')[1] ?? '';

    const badBase64 = { ...good, crt: good.crt.slice(0, -3) + '!==' };
    expect(diagnose(badBase64).findings[0]).toMatchObject({
      code: 'invalid-base64',
      message: 'contexts.prod.crt: not valid base64 — re-export the talosconfig or re-import it',
    });
    expect(diagnose(badBase64).cert).toBeNull();

    const cutKey = { ...good, key: base64(leaf.keyPem.slice(0, 40)) };
    expect(codes(cutKey)).toContain('invalid-pem');
    expect(diagnose(cutKey).cert?.roles).toEqual(['os:admin']);

    const garbledCa = { ...good, ca: base64(ca.certPem.replace(/\n[A-Za-z0-9]{10}/, '\nAAAAAAAAAA')) };
    expect(() => diagnose(garbledCa)).not.toThrow();
    expect(codes(garbledCa)).toContain('invalid-pem');

    const encrypted = generateTestKey('ed25519').export({
      format: 'pem',
      type: 'pkcs8',
      cipher: 'aes-256-cbc',
      passphrase: 'secret',
    }) as string;
    const unsupported = { ...good, key: base64(encrypted) };
    expect(codes(unsupported)).toContain('unsupported-key');

    const keyInCrt = { ...good, crt: base64(leaf.keyPem) };
    expect(codes(keyInCrt)).toContain('invalid-pem');

    for (const context of [badBase64, cutKey, garbledCa, unsupported, keyInCrt]) {
      for (const finding of diagnose(context).findings) {
        expect(finding.message).not.toContain(keyBody.slice(0, 20));
        expect(finding.message).not.toContain(good.key.slice(30, 60));
        expect(finding.message).toMatch(/^contexts\.prod\.(ca|crt|key|endpoints): /);
      }
    }
  });
});

describe('diagnoseContext on contexts without a client certificate', () => {
  const omni: TalosContext = {
    name: 'omni-prod',
    endpoints: ['https://acme.omni.siderolabs.io'],
    nodes: [],
    ca: '',
    crt: '',
    key: '',
    auth: { siderov1: { identity: 'jane@example.com' } },
    cluster: 'prod',
    extra: [],
  };
  const basic: TalosContext = {
    ...omni,
    name: 'proxy',
    auth: { basic: { username: 'jane', password: 'hunter2' } },
    cluster: undefined,
  };

  it('lists an Omni siderov1 context with no certificate and no certificate findings', () => {
    const report = diagnoseContext(omni, { now, current: true });
    expect(report).toEqual({
      name: 'omni-prod',
      current: true,
      endpoints: ['https://acme.omni.siderolabs.io'],
      nodes: [],
      auth: 'siderov1',
      cert: null,
      ca: [],
      findings: [],
    });
  });

  it('lists a basic-auth context the same way and never shows its password', () => {
    const report = diagnoseContext({ ...basic, endpoints: [] }, { now, current: false });
    expect(report).toMatchObject({ auth: 'basic', cert: null, ca: [] });
    expect(report.findings.map((finding) => finding.code)).toEqual(['no-endpoints']);
    expect(JSON.stringify(report)).not.toContain('hunter2');
  });
});
