import { describe, expect, it } from 'vitest';
import { expiryNotices } from '../../../electron/expiry-notices.js';
import type { ContextItem } from '../../../shared/contract/vault-contract.js';
import { NOW, contextItem } from '../../support/context-items.js';

const soonFinding = { code: 'cert-expiring-soon' as const, severity: 'warning' as const, message: 'soon' };
const expiredFinding = { code: 'cert-expired' as const, severity: 'error' as const, message: 'expired' };
const inDays = (days: number) => new Date(NOW.getTime() + days * 86_400_000).toISOString();

const soon = contextItem('soon@prod', { renewable: true, notAfter: inDays(2), findings: [soonFinding] });
const gone = contextItem('gone', { notAfter: inDays(-1), findings: [expiredFinding] });
const fine = contextItem('fine@prod', { renewable: true });
const elevated: ContextItem = {
  ...contextItem('x-elevated', { notAfter: inDays(0.001), findings: [soonFinding] }),
  elevation: { from: 'x', roles: ['os:admin'], reason: 'r', notAfter: inDays(0.001) },
};

describe('expiry notices', () => {
  it('tells of each context in its window once, with what to do; never of an elevation', () => {
    const notices = expiryNotices([soon, gone, fine, elevated], new Set(), NOW);
    expect(notices.map(({ title, body }) => ({ title, body }))).toEqual([
      {
        title: 'soon@prod expires in 2 days',
        body: 'Open Talos Credential Manager to renew it (same roles, one click).',
      },
      {
        title: 'gone has expired',
        body: 'Its client certificate expired 1 day ago. Its CA is not in the vault: open Talos Credential Manager to request a renewal.',
      },
    ]);
    const told = new Set(notices.map((notice) => notice.key));
    expect(expiryNotices([soon, gone, fine], told, NOW)).toEqual([]);
  });

  it('tells again of a renewed context when its new certificate enters its window', () => {
    const told = new Set(expiryNotices([soon], new Set(), NOW).map((notice) => notice.key));
    const renewedLater: ContextItem = {
      ...soon,
      cert: soon.cert === null ? null : { ...soon.cert, serial: '02' },
    };
    expect(expiryNotices([renewedLater], told, NOW)).toHaveLength(1);
  });
});
