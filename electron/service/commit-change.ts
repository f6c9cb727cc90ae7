import type { VaultDocument } from '../../shared/vault/vault-document.js';
import type { ServiceDeps } from './service-deps.js';
import { syncTalosconfig } from './switch-context.js';
import { viewedByTalosctl } from './talosctl-current.js';

export type Change = (document: VaultDocument) => VaultDocument;

/** Whether talosctl's file holds any of these contexts: the current one, or every one in `all` mode. */
export function fileHoldsAny(document: VaultDocument, names: readonly string[]): boolean {
  return (
    document.current !== '' && (document.settings.targetMode === 'all' || names.includes(document.current))
  );
}

/**
 * Commits a change to the vault, and rewrites talosctl's file too when the change alters what it holds
 * (the current context, or any context in `all` mode), so talosctl never runs on a stale credential.
 * Returns the document after, and whether the file was rewritten.
 */
export async function commitChange(
  deps: ServiceDeps,
  touches: readonly string[],
  change: Change,
): Promise<{ document: VaultDocument; talosconfigRewritten: boolean }> {
  const before = await viewedByTalosctl(deps);
  const talosconfigRewritten = fileHoldsAny(before, touches);
  if (talosconfigRewritten) await syncTalosconfig(deps, change);
  else await deps.store.update(change);
  return { document: await deps.store.read(), talosconfigRewritten };
}
