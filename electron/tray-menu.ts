import type { ContextItem } from '../shared/contract/vault-contract.js';
import { relativeTime } from '../shared/relative-time.js';

/**
 * The tray (menu bar) menu as plain data, built from the vault's list by a pure function so it can be
 * tested (Playwright cannot see native menus); electron/tray.ts turns it into an Electron Menu.
 */
export type TrayEntry =
  | { kind: 'item'; label: string; enabled: boolean; action: TrayAction | null; checked?: boolean }
  | { kind: 'submenu'; label: string; entries: TrayEntry[] }
  | { kind: 'separator' };

export type TrayAction = { kind: 'switch'; name: string } | { kind: 'lock' } | { kind: 'open' };

/** How many contexts the menu shows at the top level: the current one and the most recently used. */
export const RECENT_CONTEXTS = 5;

export interface TrayState {
  /** null: the vault is locked (or missing): names and expiry are not known. */
  items: readonly ContextItem[] | null;
  now: Date;
}

function timeLeft(item: ContextItem, now: Date): string {
  if (item.cert === null) return 'no certificate';
  const notAfter = new Date(item.cert.notAfter);
  return notAfter <= now ? 'expired' : `${relativeTime(notAfter, now).replace(/^in /, '')} left`;
}

function switchEntry(item: ContextItem, now: Date): TrayEntry {
  return {
    kind: 'item',
    label: `${item.name} — ${timeLeft(item, now)}`,
    enabled: !item.current,
    checked: item.current,
    action: item.current ? null : { kind: 'switch', name: item.name },
  };
}

const byLastUse = (a: ContextItem, b: ContextItem) =>
  (b.lastUsed ?? '').localeCompare(a.lastUsed ?? '') || a.name.localeCompare(b.name);

/** The rest of the contexts, by cluster (contexts of no stored CA last), each cluster a submenu. */
function byCluster(items: readonly ContextItem[], now: Date): TrayEntry[] {
  const clusters = new Map<string, ContextItem[]>();
  for (const item of items) {
    const key = item.cluster ?? '';
    clusters.set(key, [...(clusters.get(key) ?? []), item]);
  }
  return [...clusters]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
    .map(([cluster, members]) => ({
      kind: 'submenu' as const,
      label: cluster === '' ? 'Other contexts' : cluster,
      entries: [...members]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((item) => switchEntry(item, now)),
    }));
}

export function buildTrayMenu({ items, now }: TrayState): TrayEntry[] {
  const open: TrayEntry = {
    kind: 'item',
    label: 'Open Talos Credential Manager',
    enabled: true,
    action: { kind: 'open' },
  };
  if (items === null) {
    return [
      { kind: 'item', label: 'Vault locked', enabled: false, action: null },
      { kind: 'separator' },
      open,
    ];
  }
  const current = items.find((item) => item.current);
  const recent = [...items]
    .filter((item) => !item.current)
    .sort(byLastUse)
    .slice(0, RECENT_CONTEXTS - 1);
  const shown = new Set([current?.name, ...recent.map((item) => item.name)]);
  const rest = items.filter((item) => !shown.has(item.name));
  return [
    {
      kind: 'item',
      label:
        current === undefined ? 'No current context' : `Current: ${current.name} — ${timeLeft(current, now)}`,
      enabled: false,
      action: null,
    },
    { kind: 'separator' },
    ...recent.map((item) => switchEntry(item, now)),
    ...(rest.length === 0
      ? []
      : [{ kind: 'submenu' as const, label: 'More contexts', entries: byCluster(rest, now) }]),
    { kind: 'separator' },
    { kind: 'item', label: 'Lock', enabled: true, action: { kind: 'lock' } },
    open,
  ];
}
