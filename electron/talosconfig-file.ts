import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { maxTalosconfigBytes } from '../shared/talosconfig/limits.js';
import type { TalosConfig } from '../shared/talosconfig/model.js';
import { parseTalosconfig } from '../shared/talosconfig/parse.js';
import { serializeTalosconfig } from '../shared/talosconfig/serialize.js';
import { UsageError } from '../shared/user-error.js';
import { writeFileAtomic } from './files/atomic-write.js';
import { describeFileError, FileError } from './files/file-error.js';
import { readFileLimited, readRegularFileOrMissing } from './files/read-limited.js';
import { resolveTalosconfigPath, type ResolvedTalosconfigPath } from './talosconfig-path.js';

export const STDIN_SOURCE = 'standard input';

/** Where talosctl would look, from the `--talosconfig` flag and the environment (TALOS.md). */
export function locateTalosconfig(flag: string | undefined, env: NodeJS.ProcessEnv): ResolvedTalosconfigPath {
  const located = resolveTalosconfigPath({ flag, env, homeDir: env.HOME ?? homedir(), exists: existsSync });
  // Absolute, so the vault's record of the file it last wrote matches however the path was spelled.
  return { ...located, path: resolve(located.path) };
}

// The parser gets bytes, not a decoded string: Buffer#toString would turn invalid UTF-8 into U+FFFD and the
// parser's UTF-8 check would never see it (a mangled context name would then be written back).

export async function readTalosconfigFile(path: string): Promise<TalosConfig> {
  return parseTalosconfig(await readFileLimited(path, maxTalosconfigBytes), path);
}

/**
 * Reads talosctl's file (or another file talcred will replace), which may be missing: talosctl treats a
 * missing file as an empty config. Only a regular file, or a link to one: a FIFO would hang the read.
 */
export async function readTalosconfigOrEmpty(path: string): Promise<TalosConfig | undefined> {
  const bytes = await readRegularFileOrMissing(path, maxTalosconfigBytes);
  return bytes === null ? undefined : parseTalosconfig(bytes, path);
}

export async function readTalosconfigStream(stream: Readable & { isTTY?: boolean }): Promise<TalosConfig> {
  if (stream.isTTY) {
    throw new UsageError('reading a talosconfig from standard input, but it is a terminal; pipe a file in');
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.from(chunk as Uint8Array);
    total += buffer.length;
    if (total > maxTalosconfigBytes) {
      throw new FileError('file-too-large', `${STDIN_SOURCE}: too large; this is not a talosconfig`);
    }
    chunks.push(buffer);
  }
  return parseTalosconfig(Buffer.concat(chunks), STDIN_SOURCE);
}

/**
 * Writes a talosconfig the way talosctl expects to find it: mode 0600 in a 0700 folder (TALOS.md), but
 * atomically, so a crash never leaves talosctl a half-written file.
 */
export async function writeTalosconfigFile(path: string, config: TalosConfig): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  } catch (error) {
    throw describeFileError(dirname(path), error, 'write');
  }
  await writeFileAtomic(path, serializeTalosconfig(config), { mode: 0o600 });
}
