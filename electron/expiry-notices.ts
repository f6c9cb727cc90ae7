import type { ContextItem } from '../shared/contract/vault-contract.js';
import { relativeTime } from '../shared/relative-time.js';
import type { ServiceSet } from './service/create-services.js';
import { UserError } from '../shared/user-error.js';

export interface ExpiryNotice {
  /** One notice per certificate: a renewed context (new serial) may warn again when its turn comes. */
  key: string;
  context: string;
  title: string;
  body: string;
}

function stateOf(item: ContextItem): 'expired' | 'soon' | null {
  if (item.findings.some((finding) => finding.code === 'cert-expired')) return 'expired';
  if (item.findings.some((finding) => finding.code === 'cert-expiring-soon')) return 'soon';
  return null;
}

/**
 * The notices to show now: contexts inside their warning window (or expired) not yet told of. At start-up
 * `told` is empty, so every one already in its window is told once; after that only those entering it.
 * Elevations end on their own and are never announced.
 */
export function expiryNotices(
  items: readonly ContextItem[],
  told: ReadonlySet<string>,
  now: Date,
): ExpiryNotice[] {
  return items.flatMap((item) => {
    const state = stateOf(item);
    if (state === null || item.cert === null || item.elevation !== null) return [];
    const key = `${item.name}\u0000${item.cert.serial}`;
    if (told.has(key)) return [];
    const when = relativeTime(new Date(item.cert.notAfter), now);
    const what = item.renewable
      ? 'Open Talos Credential Manager to renew it (same roles, one click).'
      : 'Its CA is not in the vault: open Talos Credential Manager to request a renewal.';
    return [
      {
        key,
        context: item.name,
        title: state === 'expired' ? `${item.name} has expired` : `${item.name} expires ${when}`,
        body: state === 'expired' ? `Its client certificate expired ${when}. ${what}` : what,
      },
    ];
  });
}

/**
 * Checks the list while the vault is unlocked and hands each new notice to `notify` (the OS notification
 * in the app). Never asks for a key: a locked vault is skipped until it is unlocked.
 */
export function startExpiryNotifier(
  services: Pick<ServiceSet, 'vault' | 'events'>,
  notify: (notice: ExpiryNotice) => void,
  options: { intervalMs?: number; now?: () => Date } = {},
): { check: () => Promise<void>; stop: () => void } {
  const told = new Set<string>();
  const now = options.now ?? (() => new Date());
  const check = async (): Promise<void> => {
    try {
      const status = await services.vault.status({ brief: true });
      if (!status.exists || status.locked) return;
      for (const notice of expiryNotices(await services.vault.list({}), told, now())) {
        told.add(notice.key);
        notify(notice);
      }
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
    }
  };
  const timer = setInterval(() => void check(), options.intervalMs ?? 60_000);
  const unsubscribe = services.events.subscribe('sessionChanged', ({ locked }) => {
    if (!locked) void check();
  });
  return {
    check,
    stop() {
      clearInterval(timer);
      unsubscribe();
    },
  };
}
