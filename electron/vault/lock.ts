import { randomBytes } from 'node:crypto';
import { link, readdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describeFileError } from '../files/file-error.js';
import { hostTag, processIsGone } from './process-tag.js';
import { VaultError } from './vault-error.js';

export interface FileLockOptions {
  /** How long to wait for another writer before giving up. */
  timeoutMs?: number;
  now?: () => Date;
}

interface Holder {
  pid: number;
  host: string;
  since: string;
  token: string;
}

const DEFAULT_TIMEOUT_MS = 10_000;
/**
 * A breaker holds `vault.lock.break` for one read and one unlink, milliseconds. A break file older than
 * this was left by a breaker that died, and the pid it names may since belong to another program.
 */
const STALE_BREAK_MS = 3_000;

/**
 * Runs `work` while holding an inter-process lock file, so the app and the CLI can change the vault at the
 * same time without losing each other's changes (DESIGN.md "The vault"). Not re-entrant: do not nest.
 * A lock left by a process that died (same host, pid gone) is broken; one held by a live process is waited
 * for with backoff until the timeout, and the error then names the holder.
 */
export async function withFileLock<T>(
  lockPath: string,
  work: () => Promise<T>,
  options: FileLockOptions = {},
): Promise<T> {
  const holder = await acquire(lockPath, options);
  try {
    return await work();
  } finally {
    await release(lockPath, holder);
  }
}

async function acquire(lockPath: string, options: FileLockOptions): Promise<Holder> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const started = performance.now();
  const mine: Holder = {
    pid: process.pid,
    host: hostname(),
    since: (options.now?.() ?? new Date()).toISOString(),
    token: randomBytes(8).toString('hex'),
  };
  let delay = 5;
  for (;;) {
    if (await tryCreate(lockPath, mine)) return mine;
    const holder = await readHolder(lockPath);
    // Checked on every pass, whatever else is in the way (a break file, a holder that keeps changing):
    // a wait for the lock always ends.
    if (performance.now() - started > timeoutMs) {
      const who = holder === null ? 'another process' : `process ${holder.pid} (since ${holder.since})`;
      throw new VaultError(
        'vault-busy',
        `${dirname(lockPath)}: the vault is busy: ${who} holds ${lockPath}. Wait for it to finish; if no ` +
          `talcred or Talos Credential Manager is running, delete ${lockPath}`,
      );
    }
    if (holder !== null && isDead(holder) && (await breakStaleLock(lockPath, holder))) continue;
    await sleep(delay + Math.random() * delay);
    delay = Math.min(delay * 2, 200);
  }
}

/**
 * The lock's content is written to a temp file first and linked into place: link fails if the lock exists,
 * and a crash can never leave an empty lock file whose holder is unknown.
 */
async function tryCreate(lockPath: string, holder: Holder): Promise<boolean> {
  // Host and pid in the name too: a writer killed before the content is on disk leaves an empty temp file,
  // and only its name can then say whose it was.
  const temp = join(
    dirname(lockPath),
    `.${basename(lockPath)}.${hostTag()}.${holder.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    await writeFile(temp, JSON.stringify(holder), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // A full disk fails the write after the open has made the (empty) file: it must not stay behind.
    await unlink(temp).catch(() => undefined);
    throw writeError(lockPath, error);
  }
  try {
    await link(temp, lockPath);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS')
      return await createExclusive(lockPath, holder);
    throw writeError(lockPath, error);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/** For file systems without hard links (FAT, some network shares). */
async function createExclusive(lockPath: string, holder: Holder): Promise<boolean> {
  try {
    await writeFile(lockPath, JSON.stringify(holder), { mode: 0o600, flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw writeError(lockPath, error);
  }
}

async function readHolder(lockPath: string): Promise<Holder | null> {
  try {
    const value = JSON.parse(await readFile(lockPath, 'utf8')) as Partial<Holder>;
    const { pid, host, since, token } = value;
    if (
      typeof pid !== 'number' ||
      typeof host !== 'string' ||
      typeof since !== 'string' ||
      typeof token !== 'string'
    ) {
      return null;
    }
    return { pid, host, since, token };
  } catch {
    return null;
  }
}

/**
 * A lock file whose holder is gone (killed after its work, before it let go). Harmless to writers, which
 * break it, but a reader that leaves it behind would leave the folder looking busy.
 */
export async function lockAbandoned(lockPath: string): Promise<boolean> {
  const holder = await readHolder(lockPath);
  return holder !== null && isDead(holder);
}

function isDead(holder: Holder): boolean {
  return processIsGone(holder.host, holder.pid);
}

/**
 * Two waiters may both find the same dead holder. Unlinking blindly could remove the fresh lock the other
 * one just took, so the break itself runs under a second lock and re-checks that the dead holder is still
 * the one in the file. The break lock is made like the lock (content linked into place), so a live breaker
 * never shows an empty one. True when something stale was removed: the caller tries again at once.
 */
async function breakStaleLock(lockPath: string, stale: Holder): Promise<boolean> {
  const breakerPath = `${lockPath}.break`;
  const breaker: Holder = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    token: randomBytes(8).toString('hex'),
  };
  if (!(await tryCreate(breakerPath, breaker))) return removeStaleBreak(breakerPath);
  try {
    const current = await readHolder(lockPath);
    if (current !== null && current.token === stale.token) await unlink(lockPath).catch(() => undefined);
    return true;
  } finally {
    await unlink(breakerPath).catch(() => undefined);
  }
}

/**
 * A break file is stale when it is empty or unreadable (its writer died between open and write), names a
 * dead process, or is older than a break takes (its pid may have been reused by a live program).
 */
async function removeStaleBreak(breakerPath: string): Promise<boolean> {
  const seen = await stat(breakerPath).catch(() => null);
  if (seen === null) return true;
  const holder = await readHolder(breakerPath);
  const stale = holder === null || isDead(holder) || Date.now() - seen.mtimeMs > STALE_BREAK_MS;
  if (!stale) return false;
  // Only the file judged stale: another waiter may have replaced it with a fresh one since.
  const now = await stat(breakerPath).catch(() => null);
  if (now?.ino === seen.ino && now.mtimeMs === seen.mtimeMs) await unlink(breakerPath).catch(() => undefined);
  return true;
}

/**
 * A waiter killed between writing its lock content and linking it leaves that temp file behind; remove the
 * ones whose writer is gone. Live waiters' files are left alone: they are about to use them.
 */
export async function removeDeadLockTemps(lockPath: string): Promise<void> {
  // The lock's and the break lock's temp files: `.vault.lock[.break].<host tag>.<pid>.<random>.tmp`.
  const prefix = `.${basename(lockPath)}.`;
  const folder = dirname(lockPath);
  const names = await readdir(folder).catch(() => []);
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const rest = name.slice(prefix.length);
    const [host, pid] = (rest.startsWith('break.') ? rest.slice('break.'.length) : rest).split('.');
    if (processIsGone(host ?? '', Number(pid), true)) await unlink(join(folder, name)).catch(() => undefined);
  }
}

async function release(lockPath: string, holder: Holder): Promise<void> {
  const current = await readHolder(lockPath);
  if (current?.token === holder.token) await unlink(lockPath).catch(() => undefined);
}

function writeError(lockPath: string, error: unknown): VaultError {
  return new VaultError(
    'vault-write-failed',
    `${describeFileError(dirname(lockPath), error, 'write').message}; nothing was changed`,
  );
}
