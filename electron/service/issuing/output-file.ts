import { existsSync } from 'node:fs';
import { FileError } from '../../files/file-error.js';
import type { VaultDocument } from '../../../shared/vault/vault-document.js';
import { prepareAtomicWrite, type PreparedWrite } from '../../files/atomic-write.js';
import type { ServiceDeps } from '../service-deps.js';
import { syncTalosconfig } from '../switch-context.js';
import { viewedByTalosctl } from '../talosctl-current.js';

/** Refuses to replace a file the user did not say may be replaced (a save dialog asks; the CLI's `--force`). */
export function refuseOverwrite(path: string, overwrite: boolean): void {
  if (!overwrite && existsSync(path)) {
    throw new FileError('output-exists', `${path} already exists; it was left as it is`);
  }
}

/**
 * Writes the output beside its target first and commits the vault change, and only then puts the file in
 * place: a failure at any step leaves neither a stray file nor a log entry for something never handed out.
 */
export async function writeWithVaultChange(
  deps: ServiceDeps,
  output: { path: string; bytes: string | Uint8Array } | null,
  change: (document: VaultDocument) => VaultDocument,
  addsContext: boolean,
): Promise<VaultDocument> {
  const prepared: PreparedWrite | null =
    output === null ? null : await prepareAtomicWrite(output.path, output.bytes, { mode: 0o600 });
  try {
    const before = await viewedByTalosctl(deps);
    // In `all` mode talosctl's file mirrors every vault context, so a new one must reach it too.
    if (addsContext && before.current !== '' && before.settings.targetMode === 'all') {
      await syncTalosconfig(deps, change);
    } else {
      await deps.store.update(change);
    }
  } catch (error) {
    await prepared?.discard();
    throw error;
  }
  await prepared?.commit();
  return deps.store.read();
}
