import { existsSync } from 'node:fs';
import { AsyncEntry } from '@napi-rs/keyring';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseVault } from '../../../electron/vault/envelope.js';
import { KEYCHAIN_SERVICE } from '../../../electron/vault/keychain.js';
import { VaultError } from '../../../electron/vault/vault-error.js';
import { openVaultStore } from '../../../electron/vault/vault-store.js';
import {
  allFileBytes,
  bundleDriver,
  documentWith,
  jsonLines,
  requireSecretService,
  run,
  tempDir,
  testKeySources,
  vaultContext,
} from './helpers.js';

let root: string;
let driver: Awaited<ReturnType<typeof bundleDriver>>;
const created: string[] = [];

beforeAll(async () => {
  requireSecretService();
  root = await tempDir();
  driver = await bundleDriver();
});
afterAll(async () => {
  if (process.env.TALCRED_TEST_SECRET_SERVICE !== '1') return;
  for (const vaultId of created)
    await testKeySources()
      .keychain.forget(vaultId)
      .catch(() => undefined);
  await driver.cleanup();
  await rm(root, { recursive: true, force: true });
});

const entryFor = (vaultId: string) =>
  new AsyncEntry(KEYCHAIN_SERVICE, vaultId, { linux: { store: 'secret-service' } });

async function vaultIdOf(path: string): Promise<string> {
  return parseVault(await readFile(path), path).header.vaultId;
}

async function newKeychainVault(name: string): Promise<{ dir: string; path: string; vaultId: string }> {
  const dir = join(root, name);
  const store = openVaultStore({ dir, keySources: testKeySources() });
  await store.create(documentWith('prod'), 'keychain');
  const vaultId = await vaultIdOf(store.path);
  created.push(vaultId);
  return { dir, path: store.path, vaultId };
}

async function rejection(promise: Promise<unknown>): Promise<VaultError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(VaultError);
  return error as VaultError;
}

describe('keychain vaults on the real Secret Service', () => {
  it('keep 32 random bytes under talos-credential-manager / vault id, and open with them', async () => {
    const { dir, vaultId } = await newKeychainVault('stored');
    const stored = await entryFor(vaultId).getPassword();
    expect(Buffer.from(stored ?? '', 'base64')).toHaveLength(32);
    const fresh = openVaultStore({ dir, keySources: testKeySources() });
    expect((await fresh.read()).contexts.map((entry) => entry.context.name)).toEqual(['prod']);
  });

  it('stop with a plain message when the key entry is gone, and never make a new key', async () => {
    const { dir, vaultId } = await newKeychainVault('missing');
    await entryFor(vaultId).deleteCredential();
    const before = await allFileBytes(dir);
    const store = openVaultStore({ dir, keySources: testKeySources() });
    const error = await rejection(store.read());
    expect(error.code).toBe('keychain-entry-missing');
    expect(error.message).toMatch(/its key is not in the Secret Service keyring/);
    expect(error.message).toContain(vaultId);
    expect((await rejection(store.update((document) => document))).code).toBe('keychain-entry-missing');
    expect((await rejection(store.create(documentWith(), 'keychain'))).code).toBe('vault-exists');
    expect((await rejection(store.rekey('passphrase'))).code).toBe('keychain-entry-missing');
    expect(await entryFor(vaultId).getPassword()).toBeNull();
    expect(await allFileBytes(dir)).toEqual(before);
  });

  it('move to a passphrase and back, dropping each old key', async () => {
    const { dir, path, vaultId } = await newKeychainVault('rekey');
    const store = openVaultStore({ dir, keySources: testKeySources() });
    await store.update((document) => ({
      ...document,
      contexts: [...document.contexts, vaultContext('dev')],
    }));
    await store.rekey('passphrase');
    expect(await entryFor(vaultId).getPassword()).toBeNull();
    const byPassphrase = openVaultStore({ dir, keySources: testKeySources() });
    expect(await byPassphrase.keySourceKind()).toBe('passphrase');
    expect((await byPassphrase.listBackups()).map((backup) => backup.readable)).toEqual([true]);
    await byPassphrase.rekey('keychain');
    const newId = await vaultIdOf(path);
    created.push(newId);
    expect(newId).not.toBe(vaultId);
    const fresh = openVaultStore({ dir, keySources: testKeySources('not used') });
    expect((await fresh.read()).contexts.map((entry) => entry.context.name)).toEqual(['prod', 'dev']);
  });
});

describe('without a usable Secret Service', () => {
  const plainUnavailable = /no Secret Service on this desktop \(is gnome-keyring or KeePassXC running\?\)/;

  it('says so in plain words when there is no D-Bus session at all, and writes nothing', async () => {
    const { dir, path } = await newKeychainVault('no-bus');
    const before = await allFileBytes(dir);
    const runtime = join(root, 'empty-runtime');
    await mkdir(runtime, { recursive: true });
    const env: NodeJS.ProcessEnv = { ...process.env, XDG_RUNTIME_DIR: runtime };
    delete env.DBUS_SESSION_BUS_ADDRESS;
    for (const bus of [undefined, 'unix:path=/nonexistent/talcred-test-bus']) {
      const childEnv = bus === undefined ? env : { ...env, DBUS_SESSION_BUS_ADDRESS: bus };
      const [read] = jsonLines((await run(process.execPath, [driver.path, 'read', dir], childEnv)).stdout);
      // The vault exists: the way on is to start the Secret Service, not to make a passphrase vault.
      expect(read).toMatchObject({
        error: {
          code: 'keychain-unavailable',
          message: expect.stringMatching(plainUnavailable) as unknown,
          remedy: 'start-keychain',
        },
      });
      expect((read?.error as { message: string }).message).toContain(path);
      const fresh = join(root, `no-bus-new-${bus === undefined ? 'unset' : 'nowhere'}`);
      const [create] = jsonLines(
        (await run(process.execPath, [driver.path, 'create', fresh, 'keychain'], childEnv)).stdout,
      );
      expect(create).toMatchObject({ error: { code: 'keychain-unavailable', remedy: 'use-passphrase' } });
      // Not even the vault folder is left behind.
      expect(existsSync(fresh)).toBe(false);
    }
    expect(await allFileBytes(dir)).toEqual(before);
  });

  it('says so when the D-Bus session has no Secret Service provider', async () => {
    const services = join(root, 'no-services');
    await mkdir(services, { recursive: true });
    const config = join(root, 'bus.conf');
    await writeFile(
      config,
      `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>session</type><listen>unix:tmpdir=${root}</listen><servicedir>${services}</servicedir>
<policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy>
</busconfig>`,
    );
    const result = await run('dbus-run-session', [
      `--config-file=${config}`,
      '--',
      process.execPath,
      driver.path,
      'create',
      join(root, 'no-provider'),
      'keychain',
    ]);
    expect(jsonLines(result.stdout)).toEqual([
      {
        error: {
          code: 'keychain-unavailable',
          message: expect.stringMatching(plainUnavailable) as unknown,
          remedy: 'use-passphrase',
        },
      },
    ]);
  });

  it('says the keyring is locked, changes nothing, and opens again once it is unlocked', async () => {
    // A private D-Bus session and keyring: locking the shared one would break tests running beside this one.
    const home = join(root, 'locked');
    const dir = join(home, 'vault-dir');
    for (const sub of ['data', 'run']) await mkdir(join(home, sub), { recursive: true, mode: 0o700 });
    const script = [
      'unlock() { printf %s "$KEYRING_PASSWORD" | gnome-keyring-daemon "$@" --unlock --components=secrets >/dev/null; }',
      'unlock',
      `node "$DRIVER" create "$DIR" keychain`,
      'cp "$DIR/vault" "$HOME_DIR/before"',
      'dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets ' +
        'org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null',
      'node "$DRIVER" read "$DIR"',
      'node "$DRIVER" add "$DIR" x 1',
      'cp "$DIR/vault" "$HOME_DIR/after"',
      'unlock --replace',
      'node "$DRIVER" read "$DIR"',
    ].join('\n');
    const result = await run('dbus-run-session', ['--', 'sh', '-c', script], {
      ...process.env,
      XDG_DATA_HOME: join(home, 'data'),
      XDG_RUNTIME_DIR: join(home, 'run'),
      KEYRING_PASSWORD: 'talcred-locked-test',
      DRIVER: driver.path,
      DIR: dir,
      HOME_DIR: home,
    });
    const lines = jsonLines(result.stdout);
    const locked = {
      error: {
        code: 'keychain-locked',
        message: expect.stringMatching(/is locked: unlock it/) as unknown,
        remedy: 'unlock-keychain',
      },
    };
    expect(lines, result.stderr).toEqual([{ created: true }, locked, locked, { contexts: [] }]);
    expect(await readFile(join(home, 'after'))).toEqual(await readFile(join(home, 'before')));
  });
});
