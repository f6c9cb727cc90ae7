import { open } from 'node:fs/promises';
import { describeFileError, FileError } from './file-error.js';

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
  } finally {
    await handle.close();
  }
}

/** Limits range from a 64 KiB request to a 16 MiB talosconfig: say each in the unit that reads whole. */
function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MiB` : `${Math.round(bytes / 1024)} KiB`;
}
