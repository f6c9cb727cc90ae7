import { spawn } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openVaultStore } from '../../../electron/vault/vault-store.js';
import { VaultError } from '../../../electron/vault/vault-error.js';
import { documentWith, jsonLines, run, testKeySources, useDriverWorkspace } from './helpers.js';

const workspace = useDriverWorkspace();
const { env } = workspace;

describe('several processes changing the vault at once', () => {
  it('lose none of each other’s changes', async () => {
    const dir = join(workspace.root, 'together');
    await openVaultStore({ dir, keySources: testKeySources() }).create(documentWith(), 'passphrase');
    const writers = ['a', 'b', 'c', 'd'].map((prefix) =>
      run(process.execPath, [workspace.driverPath, 'add', dir, prefix, '12'], env),
    );
    const results = await Promise.all(writers);
    for (const result of results) expect(jsonLines(result.stdout), result.stderr).toEqual([{ added: 12 }]);
    const document = await openVaultStore({ dir, keySources: testKeySources() }).read();
    const names = document.contexts.map((entry) => entry.context.name).sort();
    const expected = ['a', 'b', 'c', 'd']
      .flatMap((prefix) => Array.from({ length: 12 }, (_, index) => `${prefix}-${index}`))
      .sort();
    expect(names).toEqual(expected);
    expect((await readdir(dir)).sort()).toEqual(['vault', 'vault.bak1', 'vault.bak2', 'vault.bak3']);
  }, 120_000);
});

describe('the vault lock', () => {
  it('is taken over from a holder that died', async () => {
    const dir = join(workspace.root, 'stale');
    const store = openVaultStore({ dir, keySources: testKeySources() });
    await store.create(documentWith('a'), 'passphrase');
    const dead = await run(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    await writeFile(
      join(dir, 'vault.lock'),
      JSON.stringify({
        pid: Number(dead.stdout),
        host: (await import('node:os')).hostname(),
        since: '2024-01-01T00:00:00.000Z',
        token: 'dead',
      }),
    );
    await store.update((document) => ({ ...document, current: 'a' }));
    expect((await store.read()).current).toBe('a');
    expect(await readdir(dir)).not.toContain('vault.lock');
  });

  it('held by a live process makes a writer wait, then give up naming the holder', async () => {
    const dir = join(workspace.root, 'busy');
    const store = openVaultStore({ dir, keySources: testKeySources(), lockTimeoutMs: 300 });
    await store.create(documentWith('a'), 'passphrase');
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      const { hostname } = await import('node:os');
      await writeFile(
        join(dir, 'vault.lock'),
        JSON.stringify({
          pid: holder.pid,
          host: hostname(),
          since: '2024-01-01T00:00:00.000Z',
          token: 'live',
        }),
      );
      const error = await store
        .update((document) => document)
        .then(
          () => undefined,
          (reason: unknown) => reason,
        );
      expect(error).toBeInstanceOf(VaultError);
      expect((error as VaultError).code).toBe('vault-busy');
      expect((error as VaultError).message).toContain(`process ${String(holder.pid)}`);
      expect((error as VaultError).message).toContain(join(dir, 'vault.lock'));
    } finally {
      holder.kill('SIGKILL');
    }
  });
});
