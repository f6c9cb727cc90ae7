import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openVaultStore } from '../../../electron/vault/vault-store.js';
import { CLI_PASSPHRASE, requireBuiltCli, talcredBin } from '../../support/talcred-cli.js';
import { initVault, ok, sandboxTracker } from '../../support/talcred-cli-steps.js';
import { ADMIN, FUTURE } from '../../support/talos-fixtures.js';
import { testKeySources } from '../vault/helpers.js';

// A full or read-only disk under talosctl's folder needs a private mount: an unprivileged user namespace.
const canUnshare = spawnSync('unshare', ['-Urm', 'true']).status === 0;

const make = sandboxTracker();
afterAll(() => make.cleanup());

const vaultCurrent = async (home: string) =>
  (await openVaultStore({ dir: home, keySources: testKeySources(CLI_PASSPHRASE) }).read()).current;

describe('`talcred use` changes the vault and talosctl file together, or neither', () => {
  it.skipIf(!canUnshare)(
    "on a full or read-only disk under talosctl's file: exit 2, the vault's current context as it was",
    async () => {
      requireBuiltCli();
      const sandbox = await make('passphrase');
      await initVault(sandbox, 'passphrase', ADMIN, FUTURE);
      const folder = dirname(sandbox.talosconfig);
      await mkdir(folder, { recursive: true });
      const talcred = `"${process.execPath}" "${talcredBin}" --home "${sandbox.home}"`;
      const script = [
        `mount -t tmpfs -o size=64k tmpfs "${folder}"`,
        `${talcred} use no-roles || exit 10`,
        // Full: nothing but the file itself fits any more.
        `head -c 10000000 /dev/zero > "${folder}/fill" 2>/dev/null || true`,
        `${talcred} use future-role; echo "full: $?"`,
        `rm "${folder}/fill"`,
        `mount -o remount,ro "${folder}"`,
        `${talcred} use future-role; echo "read-only: $?"`,
        `head -1 "${sandbox.talosconfig}"`,
      ].join('\n');
      const result = spawnSync('unshare', ['-Urm', 'sh', '-c', script], {
        env: sandbox.env,
        encoding: 'utf8',
      });
      expect(result.stdout, result.stderr).toContain('full: 2');
      expect(result.stdout).toContain('read-only: 2');
      // talosctl's file still names the old context, and so does the vault.
      expect(result.stdout).toContain('context: no-roles');
      expect(await vaultCurrent(sandbox.home)).toBe('no-roles');
      expect(result.stderr).toMatch(/the disk is full|no space/i);
      expect(result.stderr).toMatch(/read-only/);
    },
  );

  it('writes an empty talosctl file, which holds nothing to keep', async () => {
    requireBuiltCli();
    const sandbox = await make('passphrase');
    await initVault(sandbox, 'passphrase', ADMIN);
    await mkdir(dirname(sandbox.talosconfig), { recursive: true });
    await writeFile(sandbox.talosconfig, '');
    await ok(sandbox, ['use', 'no-roles']);
    expect(await readFile(sandbox.talosconfig, 'utf8')).toMatch(/^context: no-roles\n/);
    expect(await vaultCurrent(sandbox.home)).toBe('no-roles');
  });
});
