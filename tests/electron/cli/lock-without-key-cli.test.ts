import { appendFile, readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { requireBuiltCli } from '../../support/talcred-cli.js';
import { folderBytes } from '../../support/talcred-cli.js';
import { initVault, ok, sandboxTracker } from '../../support/talcred-cli-steps.js';
import { ADMIN, FUTURE } from '../../support/talos-fixtures.js';
import { requireSecretService } from '../vault/helpers.js';

const make = sandboxTracker();
afterAll(() => make.cleanup());

const EMPTY = 'context: ""\ncontexts: {}\n';

describe('`talcred lock` needs no vault key', () => {
  it('empties what talcred wrote, with a wrong passphrase, leaving no copy and the vault untouched', async () => {
    requireBuiltCli();
    const sandbox = await make('passphrase');
    await initVault(sandbox, 'passphrase', ADMIN, FUTURE);
    await ok(sandbox, ['use', 'no-roles']);
    const vault = await folderBytes(sandbox.home);
    const locked = await sandbox.run(['lock'], { env: { TALCRED_PASSPHRASE: 'not the passphrase' } });
    expect(locked.code, locked.stderr).toBe(0);
    expect(await readFile(sandbox.talosconfig, 'utf8')).toBe(EMPTY);
    expect(await readdir(dirname(sandbox.talosconfig))).toEqual(['config']);
    // The vault file and its backups are as they were (only the plaintext record of the file changed).
    const after = await folderBytes(sandbox.home);
    for (const name of ['vault', 'vault.bak1', 'vault.bak2'])
      expect(after.get(name)).toEqual(vault.get(name));
    // Nothing is current now, and the next edit does not fill the file again.
    expect((await sandbox.run(['status', '--json'])).stdout).toContain('"current": ""');
    await ok(sandbox, ['endpoints', 'no-roles', '10.9.9.9']);
    expect(await readFile(sandbox.talosconfig, 'utf8')).toBe(EMPTY);
  });

  it('keeps aside a file holding more than talcred wrote, then empties it', async () => {
    requireBuiltCli();
    const sandbox = await make('passphrase');
    await initVault(sandbox, 'passphrase', ADMIN);
    await ok(sandbox, ['use', 'no-roles']);
    await appendFile(sandbox.talosconfig, '# a note someone added\n');
    const held = await readFile(sandbox.talosconfig);
    const locked = await sandbox.run(['lock'], { env: { TALCRED_PASSPHRASE: 'wrong' } });
    expect(locked.code, locked.stderr).toBe(0);
    const kept = (await readdir(dirname(sandbox.talosconfig))).filter((name) =>
      name.startsWith('config.bak-'),
    );
    expect(kept).toHaveLength(1);
    expect(locked.stderr).toContain(`kept aside as ${join(dirname(sandbox.talosconfig), kept[0] ?? '')}`);
    expect(await readFile(join(dirname(sandbox.talosconfig), kept[0] ?? ''))).toEqual(held);
    expect(await readFile(sandbox.talosconfig, 'utf8')).toBe(EMPTY);
  });

  it('works with a keychain vault whose Secret Service is gone', async () => {
    requireSecretService();
    requireBuiltCli();
    const sandbox = await make('keychain');
    await initVault(sandbox, 'keychain', ADMIN);
    await ok(sandbox, ['use', 'no-roles']);
    const noBus = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' };
    const locked = await sandbox.run(['lock'], { env: noBus });
    expect(locked.code, locked.stderr).toBe(0);
    expect(await readFile(sandbox.talosconfig, 'utf8')).toBe(EMPTY);
  });
});
