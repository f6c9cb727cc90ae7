import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { diagnoseContext } from '../../../electron/pki/diagnose-context.js';
import type { TalosContext } from '../../../shared/talosconfig/model.js';

/**
 * The three 2021 talosconfigs from Talos's own tests (tests/fixtures/talos/README.md). Read with a plain YAML
 * load here on purpose: this test is about the PKI reading, not the talosconfig parser.
 */
interface RawContext {
  endpoints?: string[];
  nodes?: string[];
  ca?: string;
  crt?: string;
  key?: string;
}

function fixtureContext(file: string): TalosContext {
  const text = readFileSync(new URL(`../../fixtures/talos/${file}`, import.meta.url), 'utf8');
  const doc = parse(text) as { contexts: Record<string, RawContext> };
  const [name, raw] = Object.entries(doc.contexts)[0] ?? [];
  if (name === undefined || raw === undefined) throw new Error(`${file}: no context`);
  return {
    name,
    endpoints: raw.endpoints ?? [],
    nodes: raw.nodes ?? [],
    ca: raw.ca ?? '',
    crt: raw.crt ?? '',
    key: raw.key ?? '',
    extra: [],
  };
}

const admin = fixtureContext('talosconfig-admin-2021.yaml');
const noRoles = fixtureContext('talosconfig-noroles-2021.yaml');
const futureRole = fixtureContext('talosconfig-futurerole-2021.yaml');

const clock = new Date('2026-11-24T12:00:00Z');
const codes = (context: TalosContext, now = clock): string[] =>
  diagnoseContext(context, { now, current: true }).findings.map((finding) => finding.code);

describe('diagnoseContext on the real Talos 2021 talosconfigs', () => {
  it('reads the admin certificate as talosctl config info showed it', () => {
    const report = diagnoseContext(admin, { now: clock, current: true });
    expect(report).toMatchObject({
      name: 'no-roles',
      current: true,
      auth: 'mtls',
      endpoints: ['172.20.1.2', '172.20.1.3', '172.20.1.4'],
      nodes: ['172.20.1.2'],
    });
    expect(report.cert).toMatchObject({
      subject: 'O=os:admin',
      issuer: 'O=talos',
      roles: ['os:admin'],
      unknownRoles: [],
      keyType: 'ed25519',
      extKeyUsage: ['serverAuth', 'clientAuth'],
      serial: '2b8d30afc3b2c85de4ce37544dc63c52',
    });
    expect(report.cert?.notBefore.slice(0, 10)).toBe('2021-07-05');
    expect(report.cert?.notAfter.slice(0, 10)).toBe('2031-07-03');
    expect(report.cert?.fingerprintSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads the shared Ed25519 CA O=talos, 2021-07-05..2031-07-03', () => {
    for (const context of [admin, noRoles, futureRole]) {
      const { ca } = diagnoseContext(context, { now: clock, current: false });
      expect(ca).toEqual([
        {
          subject: 'O=talos',
          notBefore: '2021-07-05T11:18:33Z',
          notAfter: '2031-07-03T11:18:33Z',
          keyType: 'ed25519',
          fingerprintSha256: '5e1ad3308fe694d44f64414cbf7374953c089e2b0da46157ea3141a54fae3cb2',
        },
      ]);
    }
  });

  it('flags the serverAuth+clientAuth certificates Talos 1.12 refuses, and nothing about keys or chains', () => {
    for (const context of [admin, noRoles, futureRole]) {
      const found = codes(context);
      expect(found).toContain('eku-not-client-auth-only');
      expect(found).not.toContain('key-mismatch');
      expect(found).not.toContain('cert-not-signed-by-ca');
      expect(found.filter((code) => code.includes('expir'))).toEqual([]);
    }
    expect(codes(admin).sort()).toEqual(['admin-role', 'eku-not-client-auth-only']);
  });

  it('flags the pre-RBAC certificate with an empty subject: no roles, every call refused', () => {
    const report = diagnoseContext(noRoles, { now: clock, current: false });
    expect(report.cert).toMatchObject({ subject: '', roles: [], unknownRoles: [] });
    expect(report.findings.find((finding) => finding.code === 'no-roles')).toMatchObject({
      severity: 'error',
      message: expect.stringContaining('contexts.no-roles.crt') as unknown,
    });
  });

  it('keeps os:future as an unknown role and notes the missing endpoints', () => {
    const report = diagnoseContext(futureRole, { now: clock, current: true });
    expect(report.cert).toMatchObject({ roles: ['os:future'], unknownRoles: ['os:future'] });
    const unknown = report.findings.find((finding) => finding.code === 'unknown-role');
    expect(unknown).toMatchObject({ severity: 'warning' });
    expect(unknown?.message).toContain('os:future');
    expect(report.findings.find((finding) => finding.code === 'no-endpoints')).toMatchObject({
      severity: 'warning',
      message: expect.stringContaining('contexts.future-role.endpoints') as unknown,
    });
    expect(codes(futureRole)).not.toContain('no-roles');
  });

  it('warns 13 days before the certificates and the CA expire, not 15 days before', () => {
    const soon = new Date('2031-06-20T12:00:00Z');
    expect(codes(admin, soon)).toEqual(expect.arrayContaining(['cert-expiring-soon', 'ca-expiring-soon']));
    const notYet = new Date('2031-06-18T12:00:00Z');
    expect(codes(admin, notYet)).not.toContain('cert-expiring-soon');
    expect(codes(admin, notYet)).not.toContain('ca-expiring-soon');
    const wider = diagnoseContext(admin, { now: notYet, current: true, expiryWarningDays: 30 });
    expect(wider.findings.map((finding) => finding.code)).toContain('cert-expiring-soon');
  });

  it('reports the certificates and the CA expired after 2031-07-03, errors first', () => {
    const report = diagnoseContext(admin, { now: new Date('2031-07-04T00:00:00Z'), current: true });
    const found = report.findings.map((finding) => finding.code);
    expect(found).toEqual(expect.arrayContaining(['cert-expired', 'ca-expired']));
    expect(found).not.toContain('cert-expiring-soon');
    const severities = report.findings.map((finding) => finding.severity);
    expect(severities).toEqual([...severities].sort((a, b) => rank(a) - rank(b)));
  });

  it('reports a certificate used before it was issued (a clock set back)', () => {
    expect(codes(admin, new Date('2021-07-01T00:00:00Z'))).toContain('cert-not-yet-valid');
  });
});

function rank(severity: string): number {
  return ['error', 'warning', 'info'].indexOf(severity);
}
