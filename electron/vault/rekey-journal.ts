import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, rmdir, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { syncFolder, type WriteStepHook } from '../files/atomic-write.js';
import { describeFileError } from '../files/file-error.js';
import { plaintextUnderKey } from './backups.js';
import { keySourceKinds, parseVault } from './envelope.js';
import type { KeySources } from './key-source.js';
import { hostTag, processIsGone } from './process-tag.js';
import type { OpenedVault } from './vault-codec.js';
import { VaultError } from './vault-error.js';
import { damagedName, fileExists, readVaultFile, type VaultPaths } from './vault-files.js';

/*
 * A rekey rewrites the vault AND its backups, and no single rename replaces four files. So the new
 * generation is written into a private staging folder first, and renaming that folder to `vault.rekey` is
 * the commit point. Before it the old files are untouched: a failure, or a kill found later, is rolled back
 * by removing the staging folder and forgetting the new key. After it, whoever next holds the vault lock
 * moves the journal's files over the old ones and only then forgets the old key. At every instant one key
 * opens the vault and every backup, reading the journal's files in place of those they replace.
 */

const JOURNAL = 'vault.rekey';
const PLAN = 'plan.json';
/** `.vault.rekey.<host tag>.<pid>.<random>`: its name says whose it is, so only a dead writer's is removed. */
const STAGING_PREFIX = '.vault.rekey.';

const identitySchema = z.object({ vaultId: z.string(), keySource: z.enum(keySourceKinds) });
export type KeyIdentity = z.infer<typeof identitySchema>;

const planSchema = z.object({
  from: identitySchema,
  to: identitySchema,
  /** New-key files in the journal, moved over the files of the same name; the vault comes last. */
  files: z.array(z.string()),
  /** Backups the old key did not open: kept under another name, since no one key opens them. */
  asides: z.array(z.string()),
});
type RekeyPlan = z.infer<typeof planSchema>;

/**
 * Stages the vault and every backup its key opens, sealed by `seal` under the new key. A backup it does not
 * open (damaged, another vault's, unreadable) is listed to be set aside: it must not stay under another key.
 */
export async function stageGeneration(
  staged: StagedRekey,
  paths: VaultPaths,
  current: OpenedVault,
  seal: (plaintext: Buffer) => Buffer,
): Promise<{ files: string[]; asides: string[] }> {
  const files: string[] = [];
  const asides: string[] = [];
  for (const path of paths.backups) {
    const bytes = await readVaultFile(path, paths.maxBytes).catch(() => undefined);
    if (bytes === null) continue;
    const plaintext = bytes === undefined ? null : plaintextUnderKey(bytes, current, path);
    if (plaintext === null) asides.push(basename(path));
    else {
      await staged.stage(basename(path), seal(plaintext));
      files.push(basename(path));
    }
  }
  await staged.stage(basename(paths.main), seal(current.plaintext));
  // The vault last: moved into place after every backup.
  return { files: [...files, basename(paths.main)], asides };
}

export interface StagedRekey {
  /** Writes one file of the new generation (a vault or backup name) into the staging folder. */
  stage(name: string, bytes: Buffer): Promise<void>;
  /** The commit point; then the caller finishes with `finishRekey` (or the next command does). */
  commit(plan: Omit<RekeyPlan, 'to'>): Promise<void>;
  /** Before the commit only: removes the staging folder. */
  abandon(): Promise<void>;
}

/**
 * Records the intent (which key is about to be made) before the key exists, so that a kill at any later
 * point leaves a record from which the next command can forget that key.
 */
export async function beginRekey(
  paths: VaultPaths,
  intent: { from: KeyIdentity; to: KeyIdentity },
  onStep?: WriteStepHook,
): Promise<StagedRekey> {
  const folder = join(
    paths.dir,
    `${STAGING_PREFIX}${hostTag()}.${process.pid}.${randomBytes(6).toString('hex')}`,
  );
  const failed = (error: unknown) =>
    new VaultError(
      'vault-write-failed',
      `${describeFileError(paths.main, error, 'write').message}; nothing was changed`,
    );
  const abandon = () => rm(folder, { recursive: true, force: true });
  const writePlan = async (plan: RekeyPlan) => {
    // Replaced whole, never rewritten in place: a kill must leave the old plan or the new one.
    await writeSynced(join(folder, `${PLAN}.tmp`), Buffer.from(JSON.stringify(plan)), onStep);
    await rename(join(folder, `${PLAN}.tmp`), join(folder, PLAN));
  };
  try {
    await mkdir(folder, { mode: 0o700 });
    await writePlan({ ...intent, files: [], asides: [] });
  } catch (error) {
    await abandon().catch(() => undefined);
    throw failed(error);
  }
  return {
    async stage(name, bytes) {
      await writeSynced(join(folder, name), bytes, onStep).catch((error: unknown) => {
        throw failed(error);
      });
    },
    async commit(plan) {
      try {
        await writePlan({ ...plan, to: intent.to });
        await syncFolder(folder);
        await onStep?.(`move ${JOURNAL}`);
        await rename(folder, join(paths.dir, JOURNAL));
      } catch (error) {
        throw failed(error);
      }
      await syncFolder(paths.dir);
    },
    abandon,
  };
}

/** Whether a rekey was interrupted here (committed, or staged by a process that is gone). Needs no lock. */
export async function rekeyInterrupted(paths: VaultPaths): Promise<boolean> {
  const names = await readdir(paths.dir).catch(() => []);
  return names.some((name) => name === JOURNAL || deadStaging(name));
}

/** Completes a committed rekey and rolls back staged ones whose writer died. Call under the vault lock. */
export async function recoverRekeys(
  paths: VaultPaths,
  keySources: KeySources,
  now: Date,
  onStep?: WriteStepHook,
): Promise<void> {
  await finishRekey(paths, keySources, now, onStep);
  for (const name of await readdir(paths.dir).catch(() => [])) {
    if (!deadStaging(name)) continue;
    const folder = join(paths.dir, name);
    const plan = await readPlan(folder).catch(() => null);
    // Never committed, so no file uses its key (checked against the vault all the same), and it is
    // forgotten before the record of it goes.
    if (plan !== null && plan.to.vaultId !== (await vaultIdOf(paths.main, paths.maxBytes))) {
      await keySources[plan.to.keySource].forget(plan.to.vaultId).catch(() => undefined);
    }
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * Moves a committed journal's files into place; then no file uses the old key and it is forgotten. Safe
 * to repeat after a kill at any point: each step checks what is left to do.
 */
export async function finishRekey(
  paths: VaultPaths,
  keySources: KeySources,
  now: Date,
  onStep?: WriteStepHook,
): Promise<void> {
  const journal = join(paths.dir, JOURNAL);
  const names = await readdir(journal).catch(() => null);
  if (names === null) return;
  if (!names.includes(PLAN)) {
    // Killed after the plan was removed, the last step before the folder itself.
    if (names.length > 0) throw journalDamaged(journal, 'its plan is missing');
    await rmdir(journal).catch(() => undefined);
    return;
  }
  const plan = await readPlan(journal).catch(() => {
    throw journalDamaged(journal, 'its plan cannot be read');
  });
  const generationNames = [paths.main, ...paths.backups].map((path) => basename(path));
  if (![...plan.files, ...plan.asides].every((name) => generationNames.includes(name)))
    throw journalDamaged(journal, 'its plan names files that are not the vault’s');
  try {
    for (const name of plan.asides) {
      const path = join(paths.dir, name);
      if (await fileExists(path)) await rename(path, damagedName(path, now));
    }
    for (const name of plan.files) {
      const staged = join(journal, name);
      if (!(await fileExists(staged))) continue;
      await onStep?.(`move ${name}`);
      await rename(staged, join(paths.dir, name));
    }
    await syncFolder(paths.dir);
  } catch (error) {
    throw new VaultError(
      'rekey-unfinished',
      `${paths.dir}: a change of the vault's key was interrupted and cannot be finished: ` +
        `${describeFileError(journal, error, 'write').message}. Fix that and try again`,
    );
  }
  if (plan.from.vaultId !== plan.to.vaultId) {
    // A failure leaves only an unused entry behind: never a vault without its key.
    await keySources[plan.from.keySource].forget(plan.from.vaultId).catch(() => undefined);
  }
  await unlink(join(journal, PLAN)).catch(() => undefined);
  await rm(journal, { recursive: true, force: true });
}

function deadStaging(name: string): boolean {
  if (!name.startsWith(STAGING_PREFIX)) return false;
  const [tag, pid] = name.slice(STAGING_PREFIX.length).split('.');
  return processIsGone(tag ?? '', Number(pid), true);
}

async function readPlan(folder: string): Promise<RekeyPlan> {
  return planSchema.parse(JSON.parse(await readFile(join(folder, PLAN), 'utf8')));
}

async function vaultIdOf(path: string, maxBytes: number): Promise<string | null> {
  try {
    const bytes = await readVaultFile(path, maxBytes);
    return bytes === null ? null : parseVault(bytes, path).header.vaultId;
  } catch {
    return null;
  }
}

function journalDamaged(journal: string, why: string): VaultError {
  return new VaultError(
    'rekey-journal-damaged',
    `${journal}: the record of an interrupted change of the vault's key is damaged (${why}); move it ` +
      'aside to use the vault as it is',
  );
}

/** A new file, private from the start, on disk before the call returns. */
async function writeSynced(path: string, bytes: Buffer, onStep?: WriteStepHook): Promise<void> {
  const handle = await open(path, 'wx', 0o600);
  try {
    await onStep?.(`write ${basename(path)}`);
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(path).catch(() => undefined);
    throw error;
  }
  await handle.close();
}
