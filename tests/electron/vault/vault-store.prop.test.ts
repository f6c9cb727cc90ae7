import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openVault, parseVault } from '../../../electron/vault/envelope.js';
import { deriveKey } from '../../../electron/vault/passphrase.js';
import { createKeychainKeySource } from '../../../electron/vault/keychain.js';
import { createPassphraseKeySource } from '../../../electron/vault/passphrase.js';
import { isVaultError } from '../../../electron/vault/vault-error.js';
import { openVaultStore } from '../../../electron/vault/vault-store.js';
import {
  emptyVaultDocument,
  type VaultContext,
  type VaultDocument,
} from '../../../shared/vault/vault-document.js';
import type { UnknownField } from '../../../shared/talosconfig/model.js';
import {
  allFileBytes,
  requireSecretService,
  TEST_PASSPHRASE,
  TEST_SCRYPT_COST,
  tempDir,
  testKeySources,
  vaultContext,
} from './helpers.js';
import { keychainAccounts, openWithOneKey } from './one-key.js';

let root: string;
beforeAll(async () => {
  root = await tempDir();
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const isoTime = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString());
const text = fc.string({ unit: 'grapheme', maxLength: 40 });
const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/);

const contextArb = (name: string): fc.Arbitrary<VaultContext> =>
  fc.record({
    context: fc.record({
      name: fc.constant(name),
      endpoints: fc.array(text, { maxLength: 3 }),
      nodes: fc.array(text, { maxLength: 3 }),
      ca: fc.base64String({ maxLength: 80 }),
      crt: fc.base64String({ maxLength: 80 }),
      key: fc.base64String({ maxLength: 80 }),
      extra: fc.array(
        fc.record({
          key: text,
          after: text,
          // The vault document is JSON, and JSON has no -0: a value is what JSON can carry.
          value: fc
            .jsonValue({ maxDepth: 2 })
            .map((value) => JSON.parse(JSON.stringify(value)) as UnknownField['value']),
        }),
        {
          maxLength: 2,
        },
      ),
    }),
    meta: fc.record({
      source: text,
      importedAt: isoTime,
      lastUsed: fc.option(isoTime, { nil: null }),
      labels: fc.dictionary(
        text.filter((key) => key !== '' && key !== '__proto__'),
        text,
        { maxKeys: 3 },
      ),
      note: text,
    }),
  });

const documentArb: fc.Arbitrary<VaultDocument> = fc
  .uniqueArray(fc.string({ minLength: 1, maxLength: 20 }), { maxLength: 5 })
  .chain((names) =>
    fc.record({
      format: fc.constant(1 as const),
      contexts: names.length === 0 ? fc.constant([]) : fc.tuple(...names.map(contextArb)),
      current: names.length === 0 ? fc.constant('') : fc.constantFrom('', ...names),
      settings: fc.record({
        targetMode: fc.constantFrom('active' as const, 'all' as const),
        foreignContexts: fc.constantFrom('import' as const, 'backup' as const),
        expiryWarningDays: fc.integer({ min: 0, max: 60 }),
        defaultTtlSeconds: fc.integer({ min: 1, max: 1000 }),
        maxTtlSeconds: fc.integer({ min: 1000, max: 10_000_000 }),
        autoRenew: fc.boolean(),
        elevateMaxTtlSeconds: fc.integer({ min: 60, max: 86_400 }),
        autoLockSeconds: fc.integer({ min: 0, max: 86_400 }),
        clearTalosconfigOnLock: fc.boolean(),
        theme: fc.constantFrom('system' as const, 'light' as const, 'dark' as const),
      }),
      cas: fc.array(
        fc.record({
          name: fc.string({ minLength: 1 }),
          fingerprintSha256: hex64,
          certPem: text,
          keyPem: text,
          source: text,
          importedAt: isoTime,
        }),
        { maxLength: 2 },
      ),
      issued: fc.array(
        fc.record({
          serial: fc.stringMatching(/^[0-9a-f]{1,40}$/),
          fingerprintSha256: hex64,
          caFingerprintSha256: hex64,
          caName: text,
          roles: fc.array(text, { maxLength: 3 }),
          notBefore: isoTime,
          notAfter: isoTime,
          identity: fc.option(text, { nil: null }),
          context: fc.option(text, { nil: null }),
          issuedAt: isoTime,
          exportedTo: fc.array(text, { maxLength: 2 }),
          renews: fc.option(fc.stringMatching(/^[0-9a-f]{1,40}$/), { nil: null }),
          elevatedFrom: fc.option(text, { nil: null }),
          reason: fc.option(text, { nil: null }),
        }),
        { maxLength: 2 },
      ),
      pending: fc.array(
        fc.record({
          name: fc.string({ minLength: 1 }),
          roles: fc.array(text),
          keyPem: text,
          csrPem: text,
          createdAt: isoTime,
          renews: fc.option(fc.string({ minLength: 1 }), { nil: null }),
        }),
        { maxLength: 2 },
      ),
      elevations: fc.array(
        fc.record({
          context: fc.string({ minLength: 1 }),
          from: fc.string({ minLength: 1 }),
          roles: fc.array(text, { maxLength: 3 }),
          reason: text,
          notAfter: isoTime,
          serial: fc.stringMatching(/^[0-9a-f]{1,40}$/),
        }),
        { maxLength: 2 },
      ),
      talosconfigWritten: fc.option(fc.record({ path: text, sha256: hex64 }), { nil: null }),
    }),
  );

/** Decrypts a backup file with the passphrase, independently of the store. */
async function decryptFile(path: string): Promise<VaultDocument> {
  const sealed = parseVault(await readFile(path), path);
  if (sealed.header.kdf === null) throw new Error('expected a passphrase vault');
  const key = await deriveKey(TEST_PASSPHRASE, sealed.header.kdf);
  return JSON.parse(openVault(sealed, key, path).toString('utf8')) as VaultDocument;
}

describe('vault store (properties)', () => {
  it('returns every random document exactly as written', async () => {
    const store = openVaultStore({ dir: join(root, 'roundtrip'), keySources: testKeySources() });
    await store.create(emptyVaultDocument(), 'passphrase');
    await fc.assert(
      fc.asyncProperty(documentArb, async (document) => {
        await store.update(() => document);
        expect(await store.read()).toEqual(document);
      }),
      { numRuns: 60 },
    );
  });

  it('after any sequence of updates keeps exactly the last three generations, each decrypting', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('add', 'drop', 'note'), { minLength: 1, maxLength: 7 }),
        async (steps) => {
          run += 1;
          const dir = join(root, `seq-${run}`);
          const store = openVaultStore({ dir, keySources: testKeySources() });
          const states: VaultDocument[] = [emptyVaultDocument()];
          await store.create(emptyVaultDocument(), 'passphrase');
          for (const [index, step] of steps.entries()) {
            const next = await store.update((document) => {
              if (step === 'add')
                return { ...document, contexts: [...document.contexts, vaultContext(`c${index}`)] };
              if (step === 'drop') return { ...document, contexts: document.contexts.slice(1) };
              return {
                ...document,
                contexts: document.contexts.map((entry) => ({
                  ...entry,
                  meta: { ...entry.meta, note: `n${index}` },
                })),
              };
            });
            states.push(next);
          }
          const files = (await readdir(dir)).filter((name) => name.startsWith('vault.bak')).sort();
          const expected = states.slice(0, -1).reverse().slice(0, 3);
          expect(files).toEqual(expected.map((_, index) => `vault.bak${index + 1}`));
          for (const [index, state] of expected.entries()) {
            expect(await decryptFile(join(dir, `vault.bak${index + 1}`))).toEqual(state);
          }
          expect(await store.read()).toEqual(states.at(-1));
        },
      ),
      { numRuns: 25 },
    );
  });
});

type KeyOp =
  | { kind: 'update'; failAt: number | null }
  | { kind: 'rekey'; to: 'keychain' | 'passphrase'; failAt: number | null };

const failAt = fc.option(fc.nat({ max: 12 }), { nil: null, freq: 2 });
const keyOp: fc.Arbitrary<KeyOp> = fc.oneof(
  fc.record({ kind: fc.constant('update' as const), failAt }),
  fc.record({
    kind: fc.constant('rekey' as const),
    to: fc.constantFrom('keychain' as const, 'passphrase' as const),
    failAt,
  }),
);

/** What a full disk looks like to Node. */
function noSpace(): NodeJS.ErrnoException {
  return Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
}

describe('vault store with rekeys and failing writes (properties)', () => {
  it('one key opens the vault and every backup after any sequence; a failed change changes nothing', async () => {
    requireSecretService();
    const tag = randomBytes(4).toString('hex');
    let run = 0;
    let failures = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(keyOp, { minLength: 1, maxLength: 6 }), async (ops) => {
        run += 1;
        const dir = join(root, `rekey-${run}`);
        // A keychain service of this run's own, so that every key it leaves behind can be listed.
        const service = `talcred-prop-${tag}-${run}`;
        const keySources = {
          keychain: createKeychainKeySource({ service }),
          passphrase: createPassphraseKeySource({
            getPassphrase: () => Promise.resolve(TEST_PASSPHRASE),
            cost: TEST_SCRYPT_COST,
          }),
        };
        let failing: number | null = null;
        let steps = 0;
        const store = openVaultStore({
          dir,
          keySources,
          onWriteStep: () => {
            if (failing !== null && steps++ === failing) throw noSpace();
          },
        });
        const states: VaultDocument[] = [emptyVaultDocument()];
        await store.create(emptyVaultDocument(), 'passphrase');
        for (const [index, op] of ops.entries()) {
          const before = await allFileBytes(dir);
          failing = op.failAt;
          steps = 0;
          let failed = false;
          try {
            if (op.kind === 'rekey') await store.rekey(op.to);
            else {
              states.push(
                await store.update((document) => ({
                  ...document,
                  contexts: [...document.contexts, vaultContext(`c${index}`)],
                })),
              );
            }
          } catch (error) {
            if (!isVaultError(error, 'vault-write-failed')) throw error;
            expect(error.message).toMatch(/cannot write: the disk is full/);
            failed = true;
            failures += 1;
          }
          failing = null;
          if (failed) expect(await allFileBytes(dir)).toEqual(before);
          // Through a fresh store, as the next command would see it.
          const next = openVaultStore({ dir, keySources });
          await next.listBackups();
          const generations = await openWithOneKey(dir, keySources);
          expect(generations.map((g) => g.document)).toEqual(
            [states.at(-1), ...states.slice(0, -1).reverse()].slice(0, generations.length),
          );
          expect(generations.map((g) => g.name)).toEqual(
            ['vault', 'vault.bak1', 'vault.bak2', 'vault.bak3'].slice(0, Math.min(states.length, 4)),
          );
          // The vault's own key is in the keychain, and no other key this test made is left there.
          const main = generations[0];
          expect(keychainAccounts(service)).toEqual(main?.keySource === 'keychain' ? [main.vaultId] : []);
        }
      }),
      { numRuns: 30 },
    );
    expect(failures).toBeGreaterThan(0);
  }, 180_000);
});
