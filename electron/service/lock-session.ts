import { UserError } from '../../shared/user-error.js';
import { clearTalosconfig } from './clear-talosconfig.js';
import type { ServiceDeps } from './service-deps.js';

/**
 * The app's lock (a click, idle, screen lock, sleep: DESIGN.md "The app session"). The settings are read
 * while the key is still held, the key is forgotten at once, and only then is talosctl's file emptied —
 * which needs no key — so a slow or failing disk never keeps the vault open.
 */
export async function lockSession(deps: ServiceDeps) {
  // Locking a session that is not open changes nothing: the file was dealt with when it locked, or holds
  // what the CLI wrote since, which is the CLI's to clear (`talcred lock`).
  const wasOpen = deps.store.isUnlocked();
  // A vault that cannot be read now (damaged, rekeyed elsewhere) still locks, with the safe default.
  const clearOnLock =
    wasOpen &&
    (await deps.store.read().then(
      (document) => document.settings.clearTalosconfigOnLock,
      () => true,
    ));
  deps.store.lock();
  // What an import preview read (keys among it) is forgotten with the key.
  deps.stagedImports.clear();
  deps.events.emit('sessionChanged', { locked: true });
  if (!clearOnLock) return { locked: true as const, talosconfig: null, clearFailed: null };
  try {
    return { locked: true as const, talosconfig: await clearTalosconfig(deps), clearFailed: null };
  } catch (error) {
    // Only a user's failure (read-only file, no vault yet) is said in words; anything else stays internal.
    const message = error instanceof UserError ? error.message : 'talosctl’s file could not be emptied';
    return { locked: true as const, talosconfig: null, clearFailed: message };
  }
}
