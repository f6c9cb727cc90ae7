import { chmod, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openVaultStore, type VaultStore } from '../../../electron/vault/vault-store.js';
import { documentWith, tempDir, testKeySources, vaultContext } from './helpers.js';

let root: string;
beforeAll(async () => {
  root = await tempDir();
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

/** A vault with two backups, then the folder and every file loosened as a careless `chmod -R` would. */
async function loosenedVault(name: string): Promise<{ dir: string; store: VaultStore }> {
  const dir = join(root, name);
  const store = openVaultStore({ dir, keySources: testKeySources() });
  await store.create(documentWith('a'), 'passphrase');
  for (const next of ['b', 'c'])
    await store.update((document) => ({ ...document, contexts: [...document.contexts, vaultContext(next)] }));
  await chmod(dir, 0o755);
  for (const file of ['vault', 'vault.bak1', 'vault.bak2']) await chmod(join(dir, file), 0o644);
  return { dir, store };
}

async function expectTight(dir: string): Promise<void> {
  expect(await modeOf(dir)).toBe(0o700);
  for (const file of ['vault', 'vault.bak1', 'vault.bak2', 'vault.bak3'])
    expect({ file, mode: await modeOf(join(dir, file)) }).toEqual({ file, mode: 0o600 });
}

describe('file modes after a write', () => {
  it('an update leaves the folder 0700 and the vault and every backup 0600; the lock is 0600', async () => {
    const { dir, store } = await loosenedVault('update');
    let lockMode = 0;
    await store.update(async (document) => {
      lockMode = await modeOf(join(dir, 'vault.lock'));
      return { ...document, current: 'a' };
    });
    await expectTight(dir);
    expect(lockMode).toBe(0o600);
  });

  it('a rekey and a restore re-tighten them too', async () => {
    for (const [name, change] of [
      ['rekey', (store: VaultStore) => store.rekey('passphrase')],
      ['restore', (store: VaultStore) => store.restore()],
    ] as const) {
      const { dir, store } = await loosenedVault(name);
      await store.update((document) => document); // a third backup, so that every slot is checked
      await chmod(dir, 0o755);
      for (const file of ['vault', 'vault.bak1', 'vault.bak2', 'vault.bak3'])
        await chmod(join(dir, file), 0o644);
      await change(store);
      await expectTight(dir);
    }
  });
});
