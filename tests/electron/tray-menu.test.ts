import { describe, expect, it } from 'vitest';
import { buildTrayMenu, RECENT_CONTEXTS, type TrayEntry } from '../../electron/tray-menu.js';
import { contextItem, NOW } from '../support/context-items.js';

const DAY = 86_400_000;
const inDays = (days: number) => new Date(NOW.getTime() + days * DAY).toISOString();

function used(name: string, daysAgo: number, facts: Parameters<typeof contextItem>[1] = {}) {
  return { ...contextItem(name, facts), lastUsed: new Date(NOW.getTime() - daysAgo * DAY).toISOString() };
}

const labels = (entries: readonly TrayEntry[]) =>
  entries.map((entry) => (entry.kind === 'separator' ? '---' : entry.label));

describe('buildTrayMenu', () => {
  it('says the vault is locked and offers only to open the window', () => {
    expect(buildTrayMenu({ items: null, now: NOW })).toEqual([
      { kind: 'item', label: 'Vault locked', enabled: false, action: null },
      { kind: 'separator' },
      { kind: 'item', label: 'Open Talos Credential Manager', enabled: true, action: { kind: 'open' } },
    ]);
  });

  it('shows the current context, the most recently used with their time left, the rest by cluster, Lock and Open', () => {
    const items = [
      used('reader@prod', 0, { cluster: 'prod', current: true, notAfter: inDays(30) }),
      used('admin@prod', 1, { cluster: 'prod', notAfter: inDays(300) }),
      used('ops@staging', 2, {
        cluster: 'staging',
        notAfter: new Date(NOW.getTime() + 3 * 3_600_000).toISOString(),
      }),
      used('backup@prod', 3, { cluster: 'prod', notAfter: inDays(2) }),
      used('old', 4, { cluster: null, notAfter: inDays(-1) }),
      used('laptop', 9, { cluster: null }),
      { ...contextItem('never-used', { cluster: 'staging' }), lastUsed: null },
    ];
    const menu = buildTrayMenu({ items, now: NOW });
    expect(labels(menu)).toEqual([
      'Current: reader@prod — 1 month left',
      '---',
      'admin@prod — 10 months left',
      'ops@staging — 3 hours left',
      'backup@prod — 2 days left',
      'old — expired',
      'More contexts',
      '---',
      'Lock',
      'Open Talos Credential Manager',
    ]);
    expect(menu.filter((entry) => entry.kind === 'item' && entry.action?.kind === 'switch')).toHaveLength(
      RECENT_CONTEXTS - 1,
    );
    const more = menu.find((entry) => entry.kind === 'submenu');
    expect(
      more?.kind === 'submenu' &&
        more.entries.map((entry) => entry.kind === 'submenu' && [entry.label, labels(entry.entries)]),
    ).toEqual([
      ['staging', ['never-used — 6 months left']],
      ['Other contexts', ['laptop — 6 months left']],
    ]);
    expect(menu[2]).toMatchObject({ enabled: true, action: { kind: 'switch', name: 'admin@prod' } });
    expect(menu.at(-2)).toMatchObject({ action: { kind: 'lock' } });
  });

  it('without a current context says so; a context without a certificate (Omni) says that instead of a time', () => {
    const omni = { ...contextItem('omni'), cert: null };
    expect(labels(buildTrayMenu({ items: [omni], now: NOW })).slice(0, 3)).toEqual([
      'No current context',
      '---',
      'omni — no certificate',
    ]);
  });
});
