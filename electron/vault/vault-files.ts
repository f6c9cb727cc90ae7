import { randomBytes } from 'node:crypto';
import { chmod, copyFile, link, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../../shared/user-error.js';
import { describeFileError } from '../files/file-error.js';
import { isAtomicTempFileFor } from '../files/atomic-write.js';
import { removeDeadLockTemps } from './lock.js';
import { VaultError } from './vault-error.js';

/** Oldest generations kept beside the vault (DESIGN.md "The vault"). */
export const BACKUP_COUNT = 3;
/**
 * Far above a 10,000-context vault; refuses a stray multi-gigabyte file before reading it. Writers keep to
 * the same bound (see vault-store's commit): a vault written larger could never be opened again.
 */
export const MAX_VAULT_BYTES = 256 * 1024 * 1024;

export interface VaultPaths {
  dir: string;
  /** The largest vault file read or written. */
  maxBytes: number;
  main: string;
  lock: string;
  /** Index 0 is `vault.bak1`, the newest. */
  backups: string[];
}

export function vaultPaths(dir: string, maxBytes = MAX_VAULT_BYTES): VaultPaths {
  return {
    dir,
    maxBytes,
    main: join(dir, 'vault'),
    lock: join(dir, 'vault.lock'),
    backups: Array.from({ length: BACKUP_COUNT }, (_, index) => join(dir, `vault.bak${index + 1}`)),
  };
}

export function backupName(slot: number): string {
  return `vault.bak${slot + 1}`;
}

/** The bytes of a vault file, or null when it does not exist. */
export async function readVaultFile(path: string, maxBytes: number): Promise<Buffer | null> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new VaultError('vault-foreign', `${path}: not a file; move it out of the way`);
    if (info.size > maxBytes) throw new VaultError('vault-foreign', `${path}: far too large to be a vault`);
    return await readFile(path);
  } catch (error) {
    if (error instanceof VaultError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new VaultError('vault-read-failed', describeFileError(path, error, 'read').message);
  }
}

export async function fileExists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

export async function modifiedAt(path: string): Promise<Date | null> {
  try {
    return (await stat(path)).mtime;
  } catch {
    return null;
  }
}

/** Keeps a file that cannot be read instead of deleting it: `vault.bak2` -> `vault.bak2.damaged-<time>`. */
export function damagedName(path: string, now: Date): string {
  return `${path}.damaged-${now.toISOString().replace(/[:.]/g, '-')}-${randomBytes(2).toString('hex')}`;
}

export async function moveAside(path: string, now: Date): Promise<void> {
  try {
    await rename(path, damagedName(path, now));
  } catch (error) {
    throw writeFailed(path, error);
  }
}

/**
 * Puts a second name on `from` at `to` (replacing `to`) without copying: the vault is then replaced by a
 * rename, so `to` keeps the old generation. Copies where the file system has no hard links.
 */
export async function linkOver(from: string, to: string): Promise<void> {
  const temp = join(dirname(to), `.${basename(to)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    try {
      await link(from, temp);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw error;
      await copyFile(from, temp);
    }
    // A link shares the vault's mode: a vault someone made 0644 must not pass that on to its backup.
    await chmod(temp, 0o600);
    await rename(temp, to);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw writeFailed(to, error);
  }
}

export async function renameFile(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    throw writeFailed(to, error);
  }
}

/**
 * Removes temp files that writers killed mid-write left behind. Only called under the vault lock, when no
 * other writer of these names can be in flight.
 */
export async function removeLeftoverTemps(paths: VaultPaths): Promise<void> {
  await removeDeadLockTemps(paths.lock);
  let names: string[];
  try {
    names = await readdir(paths.dir);
  } catch {
    return;
  }
  const targets = [paths.main, ...paths.backups];
  for (const name of names) {
    if (targets.some((target) => isAtomicTempFileFor(target, name))) {
      await unlink(join(paths.dir, name)).catch(() => undefined);
    }
  }
}

export function writeFailed(path: string, error: unknown): VaultError {
  if (error instanceof VaultError) return error;
  const message =
    error instanceof UserError ? error.message : describeFileError(path, error, 'write').message;
  return new VaultError('vault-write-failed', message);
}

/**
 * Modes carry over through links and renames, so one loosened file (a `chmod -R`, a copy made under another
 * umask) would spread to every generation: each write sets them again. Best effort: the write itself is
 * done, and a file we cannot chmod (another owner) is reported by the next read or write of it.
 */
export async function tightenModes(paths: VaultPaths): Promise<void> {
  await chmod(paths.dir, 0o700).catch(() => undefined);
  for (const path of [paths.main, ...paths.backups, paths.lock])
    await chmod(path, 0o600).catch(() => undefined);
}
