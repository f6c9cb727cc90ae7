import type { VaultSettings } from '../../shared/vault/vault-document.js';
import type { ServiceDeps } from './service-deps.js';
import { syncTalosconfig } from './switch-context.js';
import { viewedByTalosctl } from './talosctl-current.js';

/**
 * Changes the vault settings (the schema checks them: default TTL <= maximum, sane ranges). A new target
 * mode takes effect at once: talosctl's file is rewritten to hold one context or all of them.
 */
/** Only the fields given change; an absent (or undefined) field stays as it is. */
export async function changeSettings(
  deps: ServiceDeps,
  set: { [Field in keyof VaultSettings]?: VaultSettings[Field] | undefined },
): Promise<VaultSettings> {
  const before = await viewedByTalosctl(deps);
  const given = Object.fromEntries(
    Object.entries(set as Record<string, unknown>).filter(([, value]) => value !== undefined),
  );
  if (Object.keys(given).length === 0) return before.settings;
  const change = (document: typeof before) => ({ ...document, settings: { ...document.settings, ...given } });
  const modeChanges = set.targetMode !== undefined && set.targetMode !== before.settings.targetMode;
  if (modeChanges && before.current !== '') await syncTalosconfig(deps, change);
  else await deps.store.update(change);
  return (await deps.store.read()).settings;
}
