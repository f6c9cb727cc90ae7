import { createHash } from 'node:crypto';
import type { ContextItem } from '../../shared/contract/vault-contract.js';
import type { VaultDocument } from '../../shared/vault/vault-document.js';
import { toContextItem } from './context-item.js';
import type { CredentialFactsCache } from './credential-facts-cache.js';

/**
 * The app lists the vault on every change it hears of. Each item reads its credential facts from the
 * vault (credential-facts-cache.ts), so building one is cheap, but not free across 2,000 contexts. A
 * context whose content, current flag, elevation, cluster and warning window are unchanged keeps its item
 * for the minute: findings move with the clock no faster than that. Keyed by content, not by object, so a re-read after an unrelated write still hits; only the
 * contexts of the latest listing are kept.
 */
export interface ContextItemCache {
  itemsOf(document: VaultDocument, now: Date): ContextItem[];
}

export function createContextItemCache(credentials: CredentialFactsCache): ContextItemCache {
  let kept = new Map<string, ContextItem>();
  return {
    itemsOf(document, now) {
      const facts = credentials.batch(document);
      const shared = JSON.stringify([
        Math.floor(now.getTime() / 60_000),
        document.settings.expiryWarningDays,
        document.cas.map((ca) => [ca.name, ca.fingerprintSha256]),
      ]);
      const next = new Map<string, ContextItem>();
      const items = document.contexts.map((entry) => {
        const key = createHash('sha256')
          .update(shared)
          .update(
            JSON.stringify([
              entry.context,
              entry.meta,
              entry.context.name === document.current,
              document.elevations.find((elevation) => elevation.context === entry.context.name) ?? null,
            ]),
          )
          .digest('base64');
        const item = kept.get(key) ?? next.get(key) ?? toContextItem(entry, document, now, facts);
        next.set(key, item);
        return item;
      });
      kept = next;
      return items;
    },
  };
}
