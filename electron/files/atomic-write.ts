import { randomBytes } from 'node:crypto';
import { lstat, open, readlink, realpath, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { describeFileError } from './file-error.js';
import { statRegularOrMissing } from './file-kind.js';

/**
 * Called at each named step of a write that can fail for want of space or rights (`write vault` once the
 * temp file is open, before its bytes go in). Production passes none; tests throw from a chosen step to
 * play a full disk at exactly that point, one call at a time rather than through a global.
 */
export type WriteStepHook = (step: string) => void | Promise<void>;

export interface AtomicWriteOptions {
  /** File mode of the result; the default keeps credentials private to the user. */
  mode?: number;
  onStep?: WriteStepHook | undefined;
}

/** Temp files are hidden and named after their target, so an interrupted write is easy to spot and clean. */
export function isAtomicTempFileFor(target: string, candidate: string): boolean {
  return new RegExp(`^\\.${escapeRegExp(basename(target))}\\.[0-9a-f]{12}\\.tmp$`).test(candidate);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Replaces `path` so that readers and a crash see either the old or the new content, never a mix:
 * temp file in the same folder -> write -> fsync -> rename over the target -> fsync the folder (so the
 * rename itself survives a power cut). On any failure the temp file is removed and the target is untouched.
 * Errors are FileErrors naming `path` (full disk, read-only file system, permission denied).
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const prepared = await prepareAtomicWrite(path, data, options);
  await prepared.commit();
}

export interface PreparedWrite {
  /** Renames the written temp file over the target. */
  commit(): Promise<void>;
  /** Removes the temp file; the target stays as it was. */
  discard(): Promise<void>;
}

/**
 * The first half of `writeFileAtomic`: the new content is on disk (fsynced) beside the target, so the step
 * that can fail for lack of space is over before anything else is touched. Callers that must change other
 * files together with this one (the vault's backups) do so between `prepare` and `commit`.
 */
export async function prepareAtomicWrite(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<PreparedWrite> {
  const mode = options.mode ?? 0o600;
  // A folder, FIFO, device or socket at the target would be replaced by the rename (or fail it, after
  // callers have committed what goes with the file): refuse it before anything is written.
  const target = await resolveWriteTarget(path);
  const folder = dirname(target);
  const temp = join(folder, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const discard = () => unlink(temp).catch(() => undefined);
  let created = false;
  try {
    const handle = await open(temp, 'wx', mode);
    created = true;
    try {
      await options.onStep?.(`write ${basename(target)}`);
      await handle.writeFile(data);
      // The umask may have narrowed `mode` at open; set it exactly (it never widens 0600 by default).
      await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (created) await discard();
    throw describeFileError(path, error, 'write');
  }
  return {
    async commit() {
      try {
        await rename(temp, target);
      } catch (error) {
        await discard();
        throw describeFileError(path, error, 'write');
      }
      await syncFolder(folder);
    },
    discard,
  };
}

/**
 * A talosconfig is often a symlink into a dotfiles repository: write through it, as talosctl does,
 * instead of replacing the link with a plain file. A link to a file not made yet is followed by hand
 * (realpath needs the file), so that file is created and the link kept.
 */
async function resolveWriteTarget(path: string): Promise<string> {
  const info = await statRegularOrMissing(path, 'write');
  if (info !== null) return (await lstat(path)).isSymbolicLink() ? await realpath(path) : path;
  let current = path;
  for (let hop = 0; hop < MAX_LINK_HOPS; hop += 1) {
    try {
      current = resolve(dirname(current), await readlink(current));
    } catch {
      return current; // not a link (missing, the usual case): the file to create
    }
  }
  return current; // the write then fails with "a loop of symbolic links"
}

/** Linux's own limit (MAXSYMLINKS). */
const MAX_LINK_HOPS = 40;

/**
 * The rename has happened by now, so a failure here must not be reported as a failed write. Windows cannot
 * open a folder for fsync at all; there the rename is as durable as the platform makes it.
 */
export async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // See above: best effort once the new content is in place.
  }
}
