import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
  type Dirent,
} from 'node:fs';
import { join } from 'node:path';
import type { Skipped } from '../../shared/contract/sweep-contract.js';
import { UsageError } from '../../shared/user-error.js';
import { describeFileError } from '../files/file-error.js';
import { MAX_SWEPT_FILE_BYTES, mayHoldCredential, SNIFF_BYTES } from './classify-file.js';
import { isSkippedFolder } from './skip-rules.js';
import { unreadablePath } from './sweep-error.js';

/** A folder walked to `depth` levels (as `find -maxdepth` counts), or one file. Absolute, symlinks resolved. */
export interface WalkRoot {
  path: string;
  depth: number;
}

/** A regular file whose first bytes look like a credential, read whole. */
export interface WalkedFile {
  path: string;
  bytes: Buffer;
  mode: number;
  dev: number;
  ino: number;
}

export interface WalkCounts {
  folders: number;
  files: number;
  candidates: number;
}

export interface WalkOptions {
  /** Folders never entered besides the skip rules (the vault's own). */
  excluded: (path: string) => boolean;
  onCandidate: (file: WalkedFile) => void;
  signal: AbortSignal;
  /** The counts so far and the folder the walk is in (the last one entered, at the end). */
  progress: (counts: WalkCounts, folder: string) => void;
  /** How long one synchronous slice of the walk may hold the event loop. */
  sliceMs?: number;
}

// Not following a symbolic link swapped in after the listing; not blocking on a FIFO swapped in likewise.
// (Windows has neither flag.)
const posix: Partial<typeof constants> = constants;
const READ_FLAGS =
  constants.O_RDONLY | constants.O_NONBLOCK | (posix.O_NOFOLLOW ?? 0) | (posix.O_NOCTTY ?? 0);

const errnoOf = (error: unknown): string => (error as NodeJS.ErrnoException | undefined)?.code ?? '';

/**
 * Walks the roots without following symbolic links and hands every candidate file to `onCandidate`. Only
 * regular files up to 1 MiB are opened, and only their first 64 KiB read unless they look like a
 * credential. The walk runs synchronously in slices of a few milliseconds (the synchronous calls cost a
 * fraction of their promise versions, and a home folder holds a hundred thousand files), yielding to the
 * event loop between slices, so progress goes out and a cancellation is seen at once. An unreadable
 * subfolder or file is reported and passed over; an unreadable root is the caller's mistake.
 */
export async function walkTree(
  roots: readonly WalkRoot[],
  options: WalkOptions,
): Promise<{
  counts: WalkCounts;
  skipped: Skipped[];
}> {
  const counts: WalkCounts = { folders: 0, files: 0, candidates: 0 };
  const skipped: Skipped[] = [];
  const scratch = Buffer.allocUnsafe(SNIFF_BYTES);
  const sliceMs = options.sliceMs ?? 20;

  const readFile = (path: string, flags: number): void => {
    let fd: number;
    try {
      fd = openSync(path, flags);
    } catch (error) {
      // Gone since the listing, or a link or special file swapped in: nothing to report.
      if (['ENOENT', 'ELOOP', 'ENXIO', 'EMLINK'].includes(errnoOf(error))) return;
      skipped.push({
        path,
        reason: 'file-unreadable',
        message: describeFileError(path, error, 'read').message,
      });
      return;
    }
    try {
      const info = fstatSync(fd);
      if (!info.isFile() || info.size === 0 || info.size > MAX_SWEPT_FILE_BYTES) return;
      const headLength = readSync(fd, scratch, 0, Math.min(info.size, SNIFF_BYTES), 0);
      if (!mayHoldCredential(scratch.subarray(0, headLength))) return;
      // One byte more than the limit tells a file that grew since fstat from one that is whole.
      const bytes = Buffer.allocUnsafe(MAX_SWEPT_FILE_BYTES + 1);
      let length = 0;
      for (;;) {
        const read = readSync(fd, bytes, length, bytes.length - length, length);
        if (read === 0) break;
        length += read;
        if (length > MAX_SWEPT_FILE_BYTES) return;
      }
      counts.candidates++;
      options.onCandidate({
        path,
        bytes: Buffer.from(bytes.subarray(0, length)),
        mode: info.mode & 0o7777,
        dev: info.dev,
        ino: info.ino,
      });
    } catch (error) {
      skipped.push({
        path,
        reason: 'file-unreadable',
        message: describeFileError(path, error, 'read').message,
      });
    } finally {
      closeSync(fd);
    }
  };

  const stack: Array<{ path: string; level: number; depth: number }> = [];
  for (const root of roots) {
    const info = lstatOrThrow(root.path);
    if (info.isDirectory()) stack.push({ path: root.path, level: 0, depth: root.depth });
    else if (info.isFile()) {
      counts.files++;
      readFile(root.path, READ_FLAGS);
    }
  }
  stack.reverse();

  const entriesOf = (path: string, level: number): Dirent[] | null => {
    try {
      return readdirSync(path, { withFileTypes: true });
    } catch (error) {
      if (level === 0) throw unreadablePath(path, error);
      skipped.push({
        path,
        reason: 'folder-unreadable',
        message: describeFileError(path, error, 'read').message,
      });
      return null;
    }
  };

  let sliceStart = performance.now();
  let current = roots[0]?.path ?? '';
  while (stack.length > 0) {
    const folder = stack.pop();
    if (folder === undefined) break;
    const entries = entriesOf(folder.path, folder.level);
    if (entries === null) continue;
    counts.folders++;
    current = folder.path;
    const children: typeof stack = [];
    for (const entry of entries) {
      const path = join(folder.path, entry.name);
      let kind: 'folder' | 'file' | 'other' = entry.isDirectory()
        ? 'folder'
        : entry.isFile()
          ? 'file'
          : 'other';
      // Some file systems give no type in the listing: ask, still without following links.
      if (kind === 'other' && !entry.isSymbolicLink() && !entry.isFIFO() && !entry.isSocket()) {
        const info = lstatSafe(path);
        kind = info?.isDirectory() ? 'folder' : info?.isFile() ? 'file' : 'other';
      }
      if (kind === 'folder') {
        if (folder.level + 1 >= folder.depth || isSkippedFolder(folder.path, entry.name)) continue;
        if (options.excluded(path)) continue;
        children.push({ path, level: folder.level + 1, depth: folder.depth });
      } else if (kind === 'file') {
        counts.files++;
        readFile(path, READ_FLAGS);
      }
    }
    // Depth first in listing order, so the report reads like the tree.
    for (let index = children.length - 1; index >= 0; index--)
      stack.push(children[index] as (typeof stack)[0]);

    if (performance.now() - sliceStart >= sliceMs) {
      options.progress({ ...counts }, current);
      await new Promise((resolve) => setImmediate(resolve));
      if (options.signal.aborted) throw new UsageError('scan: cancelled', 'cancelled');
      sliceStart = performance.now();
    }
  }
  options.progress({ ...counts }, current);
  return { counts, skipped };
}

function lstatSafe(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

function lstatOrThrow(path: string) {
  try {
    return lstatSync(path);
  } catch (error) {
    throw unreadablePath(path, error);
  }
}
