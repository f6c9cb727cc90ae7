import fc from 'fast-check';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VaultError } from '../../../electron/vault/vault-error.js';
import { openVaultStore, type VaultStore } from '../../../electron/vault/vault-store.js';
import { documentWith, tempDir, testKeySources, vaultContext } from './helpers.js';

let dir: string;
let store: VaultStore;
let original: Buffer;

beforeAll(async () => {
  dir = await tempDir();
  store = openVaultStore({ dir, keySources: testKeySources() });
  await store.create(documentWith('first'), 'passphrase');
  await store.update((document) => ({
    ...document,
    contexts: [...document.contexts, vaultContext('second')],
  }));
  original = await readFile(store.path);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/**
 * Any of these is a detection; what must never happen is a document coming back. The key is right in these
 * tests, so "wrong passphrase" would be a misdiagnosis: an altered header must be named as damage.
 */
const detected = ['vault-damaged', 'vault-foreign', 'vault-too-new'];

async function readError(bytes: Buffer): Promise<unknown> {
  await writeFile(store.path, bytes);
  return store.read().then(
    () => undefined,
    (reason: unknown) => reason,
  );
}

describe('a vault file changed after it was written', () => {
  it('is refused whichever single byte changed (every position of a small vault)', async () => {
    expect(original.length).toBeLessThan(2000);
    const missed: number[] = [];
    for (let position = 0; position < original.length; position += 1) {
      const mask = 1 + ((position * 37) % 255);
      const changed = Buffer.from(original);
      changed[position] = (changed[position] ?? 0) ^ mask;
      const error = await readError(changed);
      if (!(error instanceof VaultError) || !detected.includes(error.code)) missed.push(position);
    }
    expect(missed).toEqual([]);
    await writeFile(store.path, original);
  });

  it('is refused for any flip pattern, truncation or appended bytes (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({
            kind: fc.constant('flip' as const),
            at: fc.nat({ max: original.length - 1 }),
            mask: fc.integer({ min: 1, max: 255 }),
          }),
          fc.record({
            kind: fc.constant('cut' as const),
            at: fc.nat({ max: original.length - 1 }),
            mask: fc.constant(0),
          }),
          fc.record({
            kind: fc.constant('append' as const),
            at: fc.integer({ min: 1, max: 64 }),
            mask: fc.constant(0),
          }),
        ),
        async ({ kind, at, mask }) => {
          let changed: Buffer;
          if (kind === 'flip') {
            changed = Buffer.from(original);
            changed[at] = (changed[at] ?? 0) ^ mask;
          } else if (kind === 'cut') {
            changed = original.subarray(0, at);
          } else {
            changed = Buffer.concat([original, Buffer.alloc(at, 0x41)]);
          }
          const error = await readError(changed);
          expect(error).toBeInstanceOf(VaultError);
          expect(detected).toContain((error as VaultError).code);
        },
      ),
      { numRuns: 300 },
    );
    await writeFile(store.path, original);
  });

  it('can be replaced by its backup, and the damaged file is kept aside', async () => {
    const changed = Buffer.from(original);
    changed[changed.length - 20] = (changed[changed.length - 20] ?? 0) ^ 0x80;
    const error = await readError(changed);
    expect((error as VaultError).message).toMatch(/Backup vault\.bak1 .* is intact/);
    expect((error as VaultError).remedy).toBe('restore-backup');
    await store.restore();
    const restored = await store.read();
    expect(restored.contexts.map((entry) => entry.context.name)).toEqual(['first']);
    const aside = (await readdir(dir)).filter((name) => name.startsWith('vault.damaged-'));
    expect(aside).toHaveLength(1);
    expect(await readFile(join(dir, aside[0] ?? ''))).toEqual(changed);
  });
});
