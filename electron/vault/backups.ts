import { basename } from 'node:path';
import { openVault, parseVault } from './envelope.js';
import { openVaultBytes, type KeyFor, type OpenedVault } from './vault-codec.js';
import { isVaultError } from './vault-error.js';
import {
  linkOver,
  modifiedAt,
  moveAside,
  readVaultFile,
  renameFile,
  type VaultPaths,
} from './vault-files.js';

export interface BackupInfo {
  /** `vault.bak1` (newest) … `vault.bak3`: what `restore(name)` takes. */
  name: string;
  path: string;
  savedAt: Date | null;
  /** Decrypted and its document passed the schema. */
  readable: boolean;
  /** Why not, in words (a VaultError message), when not readable. */
  problem: string | null;
}

/** A backup with its decrypted content when it could be opened. */
export interface InspectedBackup extends BackupInfo {
  opened: OpenedVault | null;
}

/** Every existing backup, newest first, each tried with the key its own header names. */
export async function inspectBackups(paths: VaultPaths, keyFor: KeyFor): Promise<InspectedBackup[]> {
  const found: InspectedBackup[] = [];
  for (const path of paths.backups) {
    const bytes = await readVaultFile(path, paths.maxBytes).catch(() => null);
    if (bytes === null) continue;
    const info = { name: basename(path), path, savedAt: await modifiedAt(path) };
    try {
      const opened = await openVaultBytes(path, bytes, keyFor);
      found.push({ ...info, readable: true, problem: null, opened });
    } catch (error) {
      if (!isVaultError(error)) throw error;
      found.push({ ...info, readable: false, problem: error.message, opened: null });
    }
  }
  return found;
}

/**
 * Shifts the generations so that `vault.bak1` holds the vault as it is now (`current`), before the caller
 * commits the new vault. Each existing backup is first proven to decrypt with the current key; only then
 * may the oldest one be dropped. A backup that does not decrypt (damaged, or from another vault) is kept
 * as `vault.bakN.damaged-<time>` rather than deleted. Call under the vault lock.
 */
export async function rotateBackups(paths: VaultPaths, current: OpenedVault, now: Date): Promise<void> {
  const good: number[] = [];
  for (const [slot, path] of paths.backups.entries()) {
    const bytes = await readVaultFile(path, paths.maxBytes).catch(() => null);
    if (bytes === null) continue;
    if (decryptsWithCurrentKey(bytes, current, path)) good.push(slot);
    else await moveAside(path, now);
  }
  // Close the gaps left by missing or damaged backups, keeping their order.
  for (const [index, slot] of good.entries()) {
    if (slot !== index) await renameFile(slotPath(paths, slot), slotPath(paths, index));
  }
  // Shift by one, oldest first; renaming onto the last slot drops the oldest generation.
  for (let slot = Math.min(good.length, paths.backups.length - 1) - 1; slot >= 0; slot -= 1) {
    await renameFile(slotPath(paths, slot), slotPath(paths, slot + 1));
  }
  await linkOver(paths.main, slotPath(paths, 0));
}

function decryptsWithCurrentKey(bytes: Buffer, current: OpenedVault, path: string): boolean {
  return plaintextUnderKey(bytes, current, path) !== null;
}

/** The content of a backup of `current`'s vault that opens with its key; null for any other file. */
export function plaintextUnderKey(bytes: Buffer, current: OpenedVault, path: string): Buffer | null {
  try {
    const sealed = parseVault(bytes, path);
    if (sealed.header.vaultId !== current.sealed.header.vaultId) return null;
    return openVault(sealed, current.key, path);
  } catch {
    return null;
  }
}

function slotPath(paths: VaultPaths, slot: number): string {
  const path = paths.backups[slot];
  if (path === undefined) throw new RangeError(`no backup slot ${slot}`);
  return path;
}
