import type { Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { describeFileError, FileError } from './file-error.js';

/** What a path is, in the words a message uses. */
export function describeKind(info: Stats): string {
  if (info.isFile()) return 'a regular file';
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

/**
 * A FIFO hangs a reader; a rename over a FIFO, device or socket replaces the node (as root, `/dev/stdin`
 * itself): files we read whole or replace are regular files or nothing, and anything else is refused.
 */
export function notRegularFile(path: string, info: Stats, doing: 'read' | 'write'): FileError {
  if (info.isDirectory()) return describeFileError(path, { code: 'EISDIR' }, doing);
  return new FileError(
    'file-not-regular',
    `${path}: is ${describeKind(info)}, not a regular file; it was left as it is: move it away or choose another file`,
  );
}

/** A regular file (through any symbolic links) or missing (null); anything else is refused. */
export async function statRegularOrMissing(path: string, doing: 'read' | 'write'): Promise<Stats | null> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch {
    return null; // missing (or a link to nothing), or unreadable: the read or write itself says which
  }
  if (!info.isFile()) throw notRegularFile(path, info, doing);
  return info;
}
