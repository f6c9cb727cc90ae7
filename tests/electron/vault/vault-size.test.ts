import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VaultError } from '../../../electron/vault/vault-error.js';
import { openVaultStore, type VaultStore } from '../../../electron/vault/vault-store.js';
import type { VaultDocument } from '../../../shared/vault/vault-document.js';
import { allFileBytes, documentWith, tempDir, testKeySources } from './helpers.js';

let dir: string;
let store: VaultStore;
// A small limit stands for the real one (256 MiB): the rule is the same, the test stays fast.
const maxBytes = 64 * 1024;

beforeEach(async () => {
  dir = join(await tempDir(), 'data');
  store = openVaultStore({ dir, keySources: testKeySources(), maxBytes });
});
afterEach(async () => {
  await rm(join(dir, '..'), { recursive: true, force: true });
});

function withNote(document: VaultDocument, length: number): VaultDocument {
  const [first, ...rest] = document.contexts;
  if (!first) throw new Error('no context');
  return {
    ...document,
    contexts: [{ ...first, meta: { ...first.meta, note: 'n'.repeat(length) } }, ...rest],
  };
}

describe('the vault is never written larger than it can be read', () => {
  it('refuses a change that would outgrow the read limit, naming the vault, and writes nothing', async () => {
    await store.create(documentWith('alpha'), 'passphrase');
    await store.update((document) => withNote(document, 1000)); // a backup exists too
    const before = await allFileBytes(dir);
    const error = await store.update((document) => withNote(document, maxBytes)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VaultError);
    expect(error).toMatchObject({ code: 'vault-too-large' });
    expect((error as Error).message).toMatch(
      new RegExp(`^${store.path}: .*larger than .*nothing was changed`),
    );
    expect(await allFileBytes(dir)).toEqual(before);
    // What was written before still opens: the limit is the reader's.
    expect((await store.read()).contexts[0]?.meta.note).toHaveLength(1000);
  });

  it('a change just under the limit is written and reads back', async () => {
    await store.create(documentWith('alpha'), 'passphrase');
    await store.update((document) => withNote(document, maxBytes / 2));
    const fresh = openVaultStore({ dir, keySources: testKeySources(), maxBytes });
    expect((await fresh.read()).contexts[0]?.meta.note).toHaveLength(maxBytes / 2);
  });
});
