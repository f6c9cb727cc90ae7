import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../files/atomic-write.js';

/**
 * What talcred last wrote to talosctl's file — its path and a SHA-256 of its bytes — kept beside the vault
 * in plaintext, outside the encrypted document: emptying that file must not need the vault's key (a wrong
 * passphrase or a locked keyring is when a user most wants the credential gone), yet must never drop a
 * context talcred did not write there. A hash of the file tells which, and says nothing about what it holds.
 */
const RECORD_FILE = 'talosconfig-written.json';

const recordSchema = z.object({ path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
export type TalosconfigRecord = z.infer<typeof recordSchema>;

export function sha256OfBytes(bytes: string | Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function readTalosconfigRecord(vaultDir: string): Promise<TalosconfigRecord | null> {
  try {
    const parsed = recordSchema.safeParse(JSON.parse(await readFile(join(vaultDir, RECORD_FILE), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // none yet (an older vault), or unreadable: the file is then kept aside, never dropped
  }
}

/** Best effort: without a record, the next keyless clear keeps the file aside, which loses nothing. */
export async function writeTalosconfigRecord(vaultDir: string, record: TalosconfigRecord): Promise<void> {
  await writeFileAtomic(join(vaultDir, RECORD_FILE), `${JSON.stringify(record)}\n`, { mode: 0o600 }).catch(
    () => undefined,
  );
}
