import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseVault } from '../../../electron/vault/envelope.js';
import { createPassphraseKeySource, DEFAULT_SCRYPT_COST } from '../../../electron/vault/passphrase.js';
import { VaultError } from '../../../electron/vault/vault-error.js';
import { openVaultStore, type VaultStore } from '../../../electron/vault/vault-store.js';
import { emptyVaultDocument } from '../../../shared/vault/vault-document.js';
import { allFileBytes, documentWith, tempDir, testKeySources, vaultContext } from './helpers.js';

let dir: string;
let store: VaultStore;

beforeEach(async () => {
  dir = join(await tempDir(), 'data');
  store = openVaultStore({ dir, keySources: testKeySources() });
});
afterEach(async () => {
  await rm(join(dir, '..'), { recursive: true, force: true });
});

async function rejection(promise: Promise<unknown>): Promise<VaultError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(VaultError);
  return error as VaultError;
}

const names = (document: { contexts: { context: { name: string } }[] }) =>
  document.contexts.map((entry) => entry.context.name);

describe('a passphrase vault', () => {
  it('is created private (folder 0700, file 0600) and reads back what was written', async () => {
    await store.create(documentWith('alpha'), 'passphrase');
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await stat(store.path)).mode & 0o777).toBe(0o600);
    expect(await store.keySourceKind()).toBe('passphrase');
    const fresh = openVaultStore({ dir, keySources: testKeySources() });
    expect(names(await fresh.read())).toEqual(['alpha']);
  });

  it('refuses to create a vault (and a key) over an existing one', async () => {
    await store.create(documentWith('alpha'), 'passphrase');
    const before = await allFileBytes(dir);
    const error = await rejection(store.create(documentWith('other'), 'passphrase'));
    expect(error.code).toBe('vault-exists');
    expect(await allFileBytes(dir)).toEqual(before);
  });

  it('refuses to create a new vault where only backups are left, and points to restore', async () => {
    await store.create(documentWith('a'), 'passphrase');
    await store.update((document) => ({ ...document, contexts: [...document.contexts, vaultContext('b')] }));
    await rm(store.path);
    expect(await rejection(store.read())).toMatchObject({ code: 'vault-missing', remedy: 'restore-backup' });
    const error = await rejection(store.create(emptyVaultDocument(), 'passphrase'));
    expect(error.code).toBe('vault-exists');
    expect(error.remedy).toBe('restore-backup');
    expect(error.message).toMatch(/backups of one exist/);
  });

  it('says how to start when there is no vault', async () => {
    const error = await rejection(store.read());
    expect(error.code).toBe('vault-missing');
    expect(error.remedy).toBe('create-vault');
    expect(error.message).toMatch(/there is no vault yet/);
  });

  it('keeps the last three generations as backups, newest first', async () => {
    await store.create(documentWith(), 'passphrase');
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      await store.update((document) => ({
        ...document,
        contexts: [...document.contexts, vaultContext(name)],
      }));
    }
    const backups = await store.listBackups();
    expect(backups.map((backup) => [backup.name, backup.readable])).toEqual([
      ['vault.bak1', true],
      ['vault.bak2', true],
      ['vault.bak3', true],
    ]);
    expect(names(await store.read())).toEqual(['a', 'b', 'c', 'd', 'e']);
    await store.restore('vault.bak3');
    expect(names(await store.read())).toEqual(['a', 'b']);
    for (const name of ['vault.bak1', 'vault.bak2', 'vault.bak3'])
      expect((await stat(join(dir, name))).mode & 0o777).toBe(0o600);
  });

  it('refuses a change the schema does not allow, and writes nothing', async () => {
    await store.create(documentWith('a'), 'passphrase');
    const before = await allFileBytes(dir);
    const error = await rejection(
      store.update((document) => ({ ...document, contexts: [...document.contexts, vaultContext('a')] })),
    );
    expect(error.code).toBe('document-invalid');
    expect(error.message).toMatch(/appears twice/);
    const badLabels = JSON.parse('{"__proto__": "x"}') as Record<string, string>;
    const labelled = vaultContext('b');
    labelled.meta.labels = badLabels;
    const labelError = await rejection(store.update((document) => ({ ...document, contexts: [labelled] })));
    expect(labelError.message).toMatch(/__proto__/);
    expect(await allFileBytes(dir)).toEqual(before);
  });

  it('reports a wrong passphrase and changes nothing', async () => {
    await store.create(documentWith('a'), 'passphrase');
    const before = await allFileBytes(dir);
    const wrong = openVaultStore({ dir, keySources: testKeySources('not the passphrase') });
    expect((await rejection(wrong.read())).code).toBe('wrong-passphrase');
    const error = await rejection(wrong.update((document) => document));
    expect(error.code).toBe('wrong-passphrase');
    expect(error.message).toContain(store.path);
    expect(await allFileBytes(dir)).toEqual(before);
  });

  it('refuses an empty passphrase', async () => {
    const empty = openVaultStore({ dir, keySources: testKeySources('') });
    expect((await rejection(empty.create(documentWith(), 'passphrase'))).code).toBe('passphrase-empty');
  });

  it('reports a truncated vault, names the intact backup, never overwrites it, and restores', async () => {
    await store.create(documentWith('a'), 'passphrase');
    await store.update((document) => ({ ...document, contexts: [...document.contexts, vaultContext('b')] }));
    const whole = await readFile(store.path);
    await writeFile(store.path, whole.subarray(0, whole.length - 7));
    const before = await allFileBytes(dir);
    const error = await rejection(store.read());
    expect(error.code).toBe('vault-damaged');
    expect(error.message).toContain(store.path);
    expect(error.message).toMatch(/Backup vault\.bak1 .* is intact/);
    expect(error.remedy).toBe('restore-backup');
    expect((await rejection(store.update((document) => document))).code).toBe('vault-damaged');
    expect(await allFileBytes(dir)).toEqual(before);

    const restored = await store.restore();
    expect(restored.name).toBe('vault.bak1');
    expect(names(await store.read())).toEqual(['a']);
    const kept = [...(await allFileBytes(dir)).entries()].filter(([name]) =>
      name.startsWith('vault.damaged-'),
    );
    expect(kept.map(([, bytes]) => bytes)).toEqual([whole.subarray(0, whole.length - 7)]);
  });

  it('reports a file that is not a vault as foreign', async () => {
    await store.create(documentWith('a'), 'passphrase');
    await writeFile(store.path, 'context: prod\ncontexts: {}\n');
    const before = await allFileBytes(dir);
    const error = await rejection(store.read());
    expect(error.code).toBe('vault-foreign');
    expect(error.message).toMatch(/not a Talos Credential Manager vault/);
    expect(await allFileBytes(dir)).toEqual(before);
  });

  it('reports a vault from a newer talcred', async () => {
    await store.create(documentWith('a'), 'passphrase');
    const text = (await readFile(store.path, 'latin1')).replace('"version":1', '"version":2');
    await writeFile(store.path, text, 'latin1');
    expect((await rejection(store.read())).code).toBe('vault-too-new');
  });

  it('rekeys to a new passphrase: the vault and every backup open with it, not with the old one', async () => {
    await store.create(documentWith('a'), 'passphrase');
    await store.update((document) => ({ ...document, contexts: [...document.contexts, vaultContext('b')] }));
    const oldId = parseVault(await readFile(store.path), store.path).header.vaultId;
    const rekeying = openVaultStore({
      dir,
      keySources: {
        ...testKeySources(),
        passphrase: createPassphraseKeySource({
          getPassphrase: (purpose) =>
            Promise.resolve(purpose === 'create' ? 'new passphrase' : 'correct horse battery staple'),
          cost: { N: 2 ** 10, r: 8, p: 1 },
        }),
      },
    });
    await rekeying.rekey('passphrase');
    expect(parseVault(await readFile(store.path), store.path).header.vaultId).not.toBe(oldId);
    const renewed = openVaultStore({ dir, keySources: testKeySources('new passphrase') });
    expect(names(await renewed.read())).toEqual(['a', 'b']);
    expect((await renewed.listBackups()).map((backup) => backup.readable)).toEqual([true]);
    expect((await rejection(openVaultStore({ dir, keySources: testKeySources() }).read())).code).toBe(
      'wrong-passphrase',
    );
  });

  it('derives the default-cost key from the parameters in the header', async () => {
    const defaults = openVaultStore({
      dir,
      keySources: {
        ...testKeySources(),
        passphrase: createPassphraseKeySource({ getPassphrase: () => Promise.resolve('pass') }),
      },
    });
    await defaults.create(documentWith('a'), 'passphrase');
    const { kdf } = parseVault(await readFile(store.path), store.path).header;
    expect(kdf).toMatchObject({ name: 'scrypt', N: DEFAULT_SCRYPT_COST.N, r: DEFAULT_SCRYPT_COST.r });
    const again = openVaultStore({ dir, keySources: testKeySources('pass') });
    expect(names(await again.read())).toEqual(['a']);
  });
});
