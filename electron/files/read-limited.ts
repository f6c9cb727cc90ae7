import { constants } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { describeFileError, FileError } from './file-error.js';
import { notRegularFile } from './file-kind.js';

const CHUNK = 256 * 1024;

/**
 * Reads a whole file, refusing one larger than `maxBytes` without loading it: a mistaken or hostile path
 * (a disk image, /dev/zero, a FIFO) must not fill memory. Counts bytes as it reads, because special
 * files report size 0.
 */
export async function readFileLimited(path: string, maxBytes: number): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw describeFileError(path, error, 'read');
  }
  try {
    if ((await handle.stat()).isDirectory()) {
      throw new FileError('file-read-failed', `${path}: is a folder, not a file`);
    }
    return await readAll(path, handle, maxBytes);
  } finally {
    await handle.close();
  }
}

/**
 * A file that must be a regular file (or a link to one) or missing (null), such as talosctl's config.
 * Opened without blocking and checked on the open handle, so a FIFO is refused at once instead of waited
 * on, and nothing can be swapped in between the check and the read.
 */
export async function readRegularFileOrMissing(path: string, maxBytes: number): Promise<Buffer | null> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    // A socket cannot be opened at all (ENXIO): say what it is rather than the errno.
    const info = await stat(path).catch(() => null);
    if (info !== null && !info.isFile()) throw notRegularFile(path, info, 'read');
    throw describeFileError(path, error, 'read');
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw notRegularFile(path, info, 'read');
    return await readAll(path, handle, maxBytes);
  } finally {
    await handle.close();
  }
}

async function readAll(path: string, handle: FileHandle, maxBytes: number): Promise<Buffer> {
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(CHUNK);
      const { bytesRead } = await handle.read(chunk, 0, CHUNK, null);
      if (bytesRead === 0) return Buffer.concat(chunks, total);
      total += bytesRead;
      if (total > maxBytes) {
        throw new FileError(
          'file-too-large',
          `${path}: larger than ${sizeText(maxBytes)}, far more than a file of this kind holds; check the path`,
        );
      }
      chunks.push(chunk.subarray(0, bytesRead));
    }
  } catch (error) {
    if (error instanceof FileError) throw error;
    throw describeFileError(path, error, 'read');
  }
}

/** Limits range from a 64 KiB request to a 16 MiB talosconfig: say each in the unit that reads whole. */
function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MiB` : `${Math.round(bytes / 1024)} KiB`;
}
