import { maxTalosconfigBytes } from '../../shared/talosconfig/limits.js';
import { parseTalosconfig } from '../../shared/talosconfig/parse.js';
import type { VaultDocument } from '../../shared/vault/vault-document.js';
import { readRegularFileOrMissing } from '../files/read-limited.js';
import type { ServiceDeps } from './service-deps.js';

/**
 * The `context:` of talosctl's file: '' when there is no file, null when it cannot be read (or is not a
 * regular file: a FIFO there must never be opened, it would hang the reader).
 */
export async function readTalosctlContext(path: string): Promise<string | null> {
  try {
    const bytes = await readRegularFileOrMissing(path, maxTalosconfigBytes);
    return bytes === null || bytes.length === 0 ? '' : parseTalosconfig(bytes, path).context;
  } catch {
    return null;
  }
}

/**
 * What is current is what talosctl will use: its file's `context:` (DESIGN.md "The app session"), so a
 * `talosctl config context X` typed in a terminal shows at once and no second "current" drifts. No file:
 * nothing is current. A file that cannot be read: the vault's record, which is what was last written.
 */
export async function talosctlCurrent(deps: ServiceDeps, document: VaultDocument): Promise<string> {
  return (await readTalosctlContext(deps.talosconfig().path)) ?? document.current;
}

/**
 * The vault as talosctl sees it: its current context is the file's. Decisions about whether a change must
 * rewrite talosctl's file are made on this, so a file emptied by a keyless lock is never filled again by
 * an edit that trusted the vault's older record.
 */
export async function viewedByTalosctl(deps: ServiceDeps): Promise<VaultDocument> {
  const document = await deps.store.read();
  return { ...document, current: await talosctlCurrent(deps, document) };
}
