import { spawn } from 'node:child_process';
import { readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VaultError } from '../../../electron/vault/vault-error.js';
import { openVaultStore, type VaultStore } from '../../../electron/vault/vault-store.js';
import { documentWith, run, tempDir, testKeySources } from './helpers.js';

let root: string;
let deadPid: number;
beforeAll(async () => {
  root = await tempDir();
  deadPid = Number((await run(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'])).stdout);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function vaultWithDeadLock(
  name: string,
  lockTimeoutMs = 1500,
): Promise<{ dir: string; store: VaultStore }> {
  const dir = join(root, name);
  const store = openVaultStore({ dir, keySources: testKeySources(), lockTimeoutMs });
  await store.create(documentWith('a'), 'passphrase');
  await writeFile(
    join(dir, 'vault.lock'),
    JSON.stringify({ pid: deadPid, host: hostname(), since: '2024-01-01T00:00:00.000Z', token: 'dead' }),
  );
  return { dir, store };
}

/** The change, or the error it ended with, or 'hung' when it did not end within `ms`. */
async function outcome(work: Promise<unknown>, ms: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise((resolve) => {
    timer = setTimeout(() => {
      resolve('hung');
    }, ms);
  });
  try {
    return await Promise.race([
      work.then(
        () => 'done',
        (error: unknown) => error,
      ),
      hung,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

const select = (document: Parameters<Parameters<VaultStore['update']>[0]>[0]) => ({
  ...document,
  current: 'a',
});

describe('a lock-break file left behind', () => {
  it('empty (its writer was killed between open and write) does not stop the next writer', async () => {
    const { dir, store } = await vaultWithDeadLock('empty-break');
    await writeFile(join(dir, 'vault.lock.break'), '');
    expect(await outcome(store.update(select), 5000)).toBe('done');
    expect((await store.read()).current).toBe('a');
    expect(await readdir(dir)).not.toContain('vault.lock.break');
  });

  it('older than the stale age and naming a live (reused) pid does not stop the next writer', async () => {
    const { dir, store } = await vaultWithDeadLock('reused-pid');
    const breakFile = join(dir, 'vault.lock.break');
    // pid 1 is always alive: it stands for a pid the system has since given to another program.
    await writeFile(
      breakFile,
      JSON.stringify({ pid: 1, host: hostname(), since: '2024-01-01T00:00:00.000Z', token: 'reused' }),
    );
    const old = new Date(Date.now() - 60_000);
    await utimes(breakFile, old, old);
    expect(await outcome(store.update(select), 5000)).toBe('done');
    expect((await store.read()).current).toBe('a');
  });

  it('fresh and held by a live process: the wait ends at its timeout, naming the lock holder', async () => {
    const { dir, store } = await vaultWithDeadLock('live-breaker', 400);
    const breaker = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      await writeFile(
        join(dir, 'vault.lock.break'),
        JSON.stringify({
          pid: breaker.pid,
          host: hostname(),
          since: new Date().toISOString(),
          token: 'live',
        }),
      );
      const started = performance.now();
      const error = await outcome(store.update(select), 5000);
      expect(error).toBeInstanceOf(VaultError);
      expect((error as VaultError).code).toBe('vault-busy');
      expect((error as VaultError).message).toContain(`process ${String(deadPid)}`);
      expect(performance.now() - started).toBeLessThan(2000);
      expect((await store.read()).current).toBe('');
    } finally {
      breaker.kill('SIGKILL');
    }
  });
});
