import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  clearKeychainEntry,
  folderBytes,
  keychainEntry,
  requireBuiltCli,
  requireSecretService,
  runTalcred,
  vaultIdOf,
} from '../../support/talcred-cli.js';
import {
  bad,
  initVault,
  json,
  names,
  ok,
  sandboxTracker,
  type Item,
} from '../../support/talcred-cli-steps.js';
import { ADMIN, FUTURE } from '../../support/talos-fixtures.js';

const sandboxFor = sandboxTracker();
beforeAll(requireBuiltCli);
afterEach(sandboxFor.cleanup);

describe('talcred and the vault key', () => {
  it('refuses a wrong or empty passphrase with exit 2 and changes nothing', async () => {
    const sandbox = await sandboxFor('passphrase');
    await initVault(sandbox, 'passphrase', ADMIN);
    const before = await folderBytes(sandbox.home);
    const wrong = { TALCRED_PASSPHRASE: 'not it' };
    for (const args of [['list'], ['import', FUTURE], ['use', 'no-roles'], ['rekey', '--keychain']])
      expect(await bad(sandbox, args, wrong)).toMatch(/wrong passphrase; nothing was changed/);
    expect(await bad(sandbox, ['list'], { TALCRED_PASSPHRASE: '' })).toMatch(/passphrase is empty/);
    expect(await bad(sandbox, ['list'], { TALCRED_PASSPHRASE: undefined })).toMatch(/set TALCRED_PASSPHRASE/);
    expect(await folderBytes(sandbox.home)).toEqual(before);
    expect(await folderBytes(dirname(sandbox.talosconfig))).toEqual(new Map());
  });

  it('rekeys passphrase -> keychain -> passphrase with every context intact', async () => {
    requireSecretService();
    const sandbox = await sandboxFor('passphrase');
    await initVault(sandbox, 'passphrase', ADMIN, FUTURE);
    await ok(sandbox, ['label', 'future-role', 'env=dev']);
    const before = await json<Item[]>(sandbox, ['list']);
    await ok(sandbox, ['rekey', '--keychain']);
    const keychainId = await vaultIdOf(sandbox.vaultPath);
    expect(keychainEntry(keychainId)).not.toBeNull();
    const noPassphrase = { TALCRED_PASSPHRASE: undefined };
    const inKeychain = await sandbox.run(['list', '--json'], { env: noPassphrase });
    expect(JSON.parse(inKeychain.stdout)).toEqual(before);
    expect((await json<{ keySource: string }>(sandbox, ['status'])).keySource).toBe('keychain');

    const fresh = { TALCRED_PASSPHRASE: 'a new passphrase' };
    const toPassphrase = { TALCRED_PASSPHRASE: undefined, TALCRED_NEW_PASSPHRASE: 'a new passphrase' };
    expect((await sandbox.run(['rekey', '--passphrase'], { env: toPassphrase })).code).toBe(0);
    expect(keychainEntry(keychainId)).toBeNull();
    expect(await bad(sandbox, ['list'])).toMatch(/wrong passphrase/);
    const back = await sandbox.run(['list', '--json'], { env: fresh });
    expect(JSON.parse(back.stdout)).toEqual(before);

    // Passphrase to passphrase: the new one comes from TALCRED_NEW_PASSPHRASE, never the old one reused.
    expect(await bad(sandbox, ['rekey'], fresh)).toMatch(/TALCRED_NEW_PASSPHRASE/);
    const again = { ...fresh, TALCRED_NEW_PASSPHRASE: 'a third passphrase' };
    expect((await sandbox.run(['rekey'], { env: again })).code).toBe(0);
    expect(await bad(sandbox, ['list'], fresh)).toMatch(/wrong passphrase/);
    const third = await sandbox.run(['list', '--json'], {
      env: { TALCRED_PASSPHRASE: 'a third passphrase' },
    });
    expect(JSON.parse(third.stdout)).toEqual(before);
  });

  it('a missing keychain entry is named, exit 2, and no new key is ever made', async () => {
    requireSecretService();
    const sandbox = await sandboxFor('keychain');
    await initVault(sandbox, 'keychain', ADMIN);
    await ok(sandbox, ['use', 'no-roles']);
    const id = await vaultIdOf(sandbox.vaultPath);
    clearKeychainEntry(id);
    expect(keychainEntry(id)).toBeNull();
    const before = await folderBytes(sandbox.home);
    const file = await readFile(sandbox.talosconfig);
    for (const args of [
      ['list'],
      ['import', FUTURE],
      ['use', '--off'],
      ['rekey', '--passphrase'],
      ['status'],
    ]) {
      const line = await bad(sandbox, args, { TALCRED_PASSPHRASE: 'anything' });
      expect(line).toMatch(/its key is not in the Secret Service keyring/);
      expect(line).toContain(id);
      expect(line).toMatch(/a new key is never made for an existing vault/);
    }
    expect(await bad(sandbox, ['init'])).toMatch(/already exists/);
    expect(keychainEntry(id)).toBeNull();
    expect(await folderBytes(sandbox.home)).toEqual(before);
    expect(await readFile(sandbox.talosconfig)).toEqual(file);
  });

  it('without a Secret Service, a keychain vault says so in plain words', async () => {
    requireSecretService();
    const sandbox = await sandboxFor('keychain');
    await initVault(sandbox, 'keychain', ADMIN);
    const before = await folderBytes(sandbox.home);
    const noBus = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' };
    // The vault exists: `init --passphrase` would only refuse, so the way on is to start the service.
    for (const args of [['list'], ['use', 'no-roles'], ['import', FUTURE]]) {
      const line = await bad(sandbox, args, noBus);
      expect(line).toMatch(
        /no Secret Service on this desktop \(is gnome-keyring or KeePassXC running\?\); start it and try again/,
      );
      expect(line).not.toContain('init --passphrase');
    }
    expect(await folderBytes(sandbox.home)).toEqual(before);
    // No vault yet: a passphrase vault is the way on.
    const other = await sandboxFor('keychain');
    expect(await bad(other, ['init'], noBus)).toMatch(
      /no Secret Service on this desktop .*`talcred init --passphrase`/,
    );
    expect((await folderBytes(other.home)).size).toBe(0);
  });
});

describe('talcred run by several processes at once', () => {
  it('keeps every context of concurrent imports, renamed as talosctl would', async () => {
    const sandbox = await sandboxFor('passphrase');
    await initVault(sandbox, 'passphrase');
    const admin = await readFile(ADMIN, 'utf8');
    const files: string[] = [];
    for (const team of ['a', 'b', 'c', 'd']) {
      const path = join(sandbox.root, `team-${team}.yaml`);
      await writeFile(path, admin.replaceAll('no-roles', `team-${team}`));
      files.push(path);
    }
    const runs = await Promise.all([...files, files[0] ?? ''].map((file) => sandbox.run(['import', file])));
    for (const result of runs) expect(result.code, result.stderr).toBe(0);
    expect(await names(sandbox)).toEqual(['team-a', 'team-a-1', 'team-b', 'team-c', 'team-d']);
    const status = await json<{ backups: { readable: boolean }[] }>(sandbox, ['status']);
    expect(status.backups.map((backup) => backup.readable)).toEqual([true, true, true]);
  });

  it('TALCRED_HOME chooses the vault folder like --home', async () => {
    const sandbox = await sandboxFor('passphrase');
    await initVault(sandbox, 'passphrase', ADMIN);
    const viaEnv = await runTalcred(['list', '--json'], {
      env: { ...sandbox.env, TALCRED_HOME: sandbox.home },
    });
    expect(viaEnv.code, viaEnv.stderr).toBe(0);
    expect((JSON.parse(viaEnv.stdout) as Item[]).map((item) => item.name)).toEqual(['no-roles']);
  });
});
