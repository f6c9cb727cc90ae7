import { describe, expect, it } from 'vitest';
import { diagnoseContext, type DiagnoseOptions } from '../../../electron/pki/diagnose-context.js';
import type { TalosContext } from '../../../shared/talosconfig/model.js';
import { createTestCa, createTestLeaf, mtlsContext, type TestCertificate } from '../../support/test-pki.js';

// A fake clock: the certificates are dated around it, and only `now` decides what warns.
const now = new Date('2026-12-01T12:00:00Z');
const hour = 3_600_000;
const day = 24 * hour;
const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);

async function contextLiving(ca: TestCertificate, lifetime: number, left: number): Promise<TalosContext> {
  const leaf = await createTestLeaf(ca, {
    roles: ['os:reader'],
    notBefore: at(left - lifetime),
    notAfter: at(left),
  });
  return mtlsContext('prod', { ca: ca.certPem, crt: leaf.certPem, key: leaf.keyPem });
}

function expiring(context: TalosContext, options: Partial<DiagnoseOptions> = {}) {
  return diagnoseContext(context, { now, current: false, ...options }).findings.find(
    (finding) => finding.code === 'cert-expiring-soon',
  );
}

describe('cert-expiring-soon follows the certificate lifetime', () => {
  it('stays quiet on a fresh 8-hour certificate and warns with 2 hours left, in words', async () => {
    const ca = await createTestCa({ notBefore: at(-day), notAfter: at(3650 * day) });
    expect(expiring(await contextLiving(ca, 8 * hour, 8 * hour - 5 * 60_000))).toBeUndefined();
    const finding = expiring(await contextLiving(ca, 8 * hour, 2 * hour));
    expect(finding?.message).toContain('(in 2 hours)');
  });

  it('warns a 30-day certificate with 3 days left, and a 400-day one only inside warn-days', async () => {
    const ca = await createTestCa({ notBefore: at(-day), notAfter: at(3650 * day) });
    expect(expiring(await contextLiving(ca, 30 * day, 3 * day))?.message).toContain('in 3 days');
    expect(expiring(await contextLiving(ca, 30 * day, 11 * day))).toBeUndefined();
    expect(expiring(await contextLiving(ca, 400 * day, 20 * day))).toBeUndefined();
    expect(expiring(await contextLiving(ca, 400 * day, 13 * day))).toBeDefined();
    expect(expiring(await contextLiving(ca, 400 * day, 13 * day), { expiryWarningDays: 7 })).toBeUndefined();
  });

  it('says what to do: renew here when a stored CA signed it, else how to get it renewed', async () => {
    const ca = await createTestCa({ notBefore: at(-day), notAfter: at(3650 * day) });
    const context = await contextLiving(ca, 30 * day, 2 * day);
    expect(expiring(context, { renewal: 'renewable' })?.message).toContain('talcred renew "prod"');
    expect(expiring(context, { renewal: 'ca-elsewhere' })?.message).toContain(
      'talcred renew "prod" --request -o renew.csr',
    );
    expect(expiring(context)?.message).toContain('issue a new talosconfig');
  });

  it('warns of a CA by its own lifetime: a 10-year CA inside warn-days, not a third of ten years', async () => {
    const ca = await createTestCa({ notBefore: at(-3650 * day + 13 * day), notAfter: at(13 * day) });
    const leaf = await createTestLeaf(ca, {
      roles: ['os:reader'],
      notBefore: at(-day),
      notAfter: at(5 * day),
    });
    const context = mtlsContext('prod', { ca: ca.certPem, crt: leaf.certPem, key: leaf.keyPem });
    const codes = diagnoseContext(context, { now, current: false }).findings.map((finding) => finding.code);
    expect(codes).toContain('ca-expiring-soon');
  });
});
