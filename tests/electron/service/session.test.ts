import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createServices, type ServiceSet } from '../../../electron/service/create-services.js';
import { createKeychainKeySource } from '../../../electron/vault/keychain.js';
import { createPassphraseKeySource } from '../../../electron/vault/passphrase.js';
import { openVaultStore } from '../../../electron/vault/vault-store.js';
import type { EventPayload } from '../../../shared/contract/events.js';
import { requireSecretService, tempDir, TEST_SCRYPT_COST, testKeySources } from '../vault/helpers.js';
import { talosconfigText, context } from './service-harness.js';

const PASSPHRASE = 'a long and private passphrase';

/** The services as the app builds them: no prompt behind the passphrase source, the key held until locked. */
function appServices(home: string): ServiceSet {
  return createServices({
    home,
    env: {},
    results: 'strict',
    session: 'app',
    keySources: {
      keychain: createKeychainKeySource(),
      passphrase: createPassphraseKeySource({ cost: TEST_SCRYPT_COST }),
    },
    talosconfig: () => ({ path: join(home, 'talosconfig'), readOnly: false, source: 'flag', exists: false }),
  });
}

const opened: ServiceSet[] = [];
afterEach(() => {
  for (const services of opened.splice(0)) services.close();
});

async function freshApp(): Promise<{ home: string; app: ServiceSet }> {
  const home = join(await tempDir('talcred-session-'), 'home');
  const app = appServices(home);
  opened.push(app);
  return { home, app };
}

const oneContext = {
  sources: [{ kind: 'text' as const, text: talosconfigText([context('prod')]), label: 'test' }],
};

describe('the app session with a passphrase vault', () => {
  it('holds the key from init until lockVault, then answers vault-locked until unlocked again', async () => {
    const { home, app } = await freshApp();
    const session: EventPayload<'sessionChanged'>[] = [];
    const unsubscribe = app.events.subscribe('sessionChanged', (payload) => session.push(payload));

    await expect(app.vault.init({ keySource: 'passphrase' })).rejects.toMatchObject({
      code: 'passphrase-needed',
    });
    await app.vault.init({ keySource: 'passphrase', passphrase: PASSPHRASE });
    await app.vault.importContexts(oneContext);
    expect((await app.vault.list({})).map((item) => item.name)).toEqual(['prod']);

    await app.vault.lockVault({});
    for (const attempt of [() => app.vault.list({}), () => app.vault.show({ name: 'prod' })]) {
      await expect(attempt()).rejects.toMatchObject({ code: 'vault-locked', remedy: 'unlock' });
    }
    await expect(app.vault.importContexts(oneContext)).rejects.toMatchObject({ code: 'vault-locked' });
    // The unlock screen still learns where the vault is and how it opens.
    expect(await app.vault.status({})).toMatchObject({ exists: true, locked: true, keySource: 'passphrase' });
    expect(await app.vault.status({ brief: true })).toMatchObject({ locked: true, contexts: 0 });

    await expect(app.vault.unlock({})).rejects.toMatchObject({ code: 'vault-locked' });
    await expect(app.vault.unlock({ passphrase: 'not it' })).rejects.toMatchObject({
      code: 'wrong-passphrase',
      remedy: 'retry-passphrase',
    });
    expect(await app.vault.unlock({ passphrase: PASSPHRASE })).toEqual({ keySource: 'passphrase' });
    expect((await app.vault.list({})).map((item) => item.name)).toEqual(['prod']);
    expect(session).toEqual([{ locked: true }, { locked: false }]);
    unsubscribe();

    // Another process (the CLI) with the passphrase sees the same vault.
    const cli = openVaultStore({ dir: home, keySources: testKeySources(PASSPHRASE) });
    expect((await cli.read()).contexts.map((entry) => entry.context.name)).toEqual(['prod']);
  });

  it('rekeys to a new passphrase given as an argument; the old one no longer opens it', async () => {
    const { home, app } = await freshApp();
    await app.vault.init({ keySource: 'passphrase', passphrase: PASSPHRASE });
    await expect(app.vault.rekey({ keySource: 'passphrase' })).rejects.toMatchObject({
      code: 'passphrase-needed',
    });
    await app.vault.rekey({ keySource: 'passphrase', passphrase: 'the new one' });
    await app.vault.lockVault({});
    await expect(app.vault.unlock({ passphrase: PASSPHRASE })).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
    await app.vault.unlock({ passphrase: 'the new one' });
    const other = openVaultStore({ dir: home, keySources: testKeySources('the new one') });
    expect((await other.read()).contexts).toEqual([]);
  });

  it('must be unlocked again after another process rekeyed the vault', async () => {
    const { home, app } = await freshApp();
    await app.vault.init({ keySource: 'passphrase', passphrase: PASSPHRASE });
    const cli = openVaultStore({ dir: home, keySources: testKeySources(PASSPHRASE) });
    await cli.rekey('passphrase', 'rotated by the CLI');
    await expect(app.vault.list({})).rejects.toMatchObject({ code: 'vault-locked' });
    await app.vault.unlock({ passphrase: 'rotated by the CLI' });
    expect(await app.vault.list({})).toEqual([]);
  });
});

describe('the app session with a keychain vault', () => {
  it('unlocks with one call and no passphrase, and locks again', async () => {
    requireSecretService();
    const { app } = await freshApp();
    await app.vault.init({ keySource: 'keychain' });
    await app.vault.lockVault({});
    await expect(app.vault.list({})).rejects.toMatchObject({ code: 'vault-locked' });
    expect(await app.vault.unlock({})).toEqual({ keySource: 'keychain' });
    expect(await app.vault.list({})).toEqual([]);
    // The app never leaves a vault key behind in the keychain it did not make: move to a passphrase.
    await app.vault.rekey({ keySource: 'passphrase', passphrase: PASSPHRASE });
    expect((await app.vault.status({})).keySource).toBe('passphrase');
  });
});
