import { readFile, writeFile } from 'node:fs/promises';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { requireBuiltCli } from '../../support/talcred-cli.js';
import { bad, configAt, initVault, json, ok, sandboxTracker } from '../../support/talcred-cli-steps.js';

const fixtures = 'tests/fixtures/talos';
const admin = `${fixtures}/talosconfig-admin-2021.yaml`;
const futureRole = `${fixtures}/talosconfig-futurerole-2021.yaml`;
const bundle = `${fixtures}/secrets-talos-generate-testdata.yaml`;

interface Settings {
  targetMode: string;
  foreignContexts: string;
  expiryWarningDays: number;
  defaultTtlSeconds: number;
  maxTtlSeconds: number;
  autoLockSeconds: number;
  clearTalosconfigOnLock: boolean;
  theme: string;
}

describe('talcred settings', () => {
  const sandbox = sandboxTracker();
  beforeAll(requireBuiltCli);
  afterEach(() => sandbox.cleanup());

  it('shows the defaults of a new vault', async () => {
    const box = await sandbox('passphrase');
    await initVault(box, 'passphrase');
    expect(await json<Settings>(box, ['settings'])).toEqual({
      targetMode: 'active',
      foreignContexts: 'import',
      expiryWarningDays: 14,
      defaultTtlSeconds: 7 * 86_400,
      maxTtlSeconds: 365 * 86_400,
      autoRenew: false,
      elevateMaxTtlSeconds: 3_600,
      autoLockSeconds: 15 * 60,
      clearTalosconfigOnLock: true,
      theme: 'system',
    });
  });

  it("auto-lock, clear-on-lock and theme (the app's) change only what they name", async () => {
    const box = await sandbox('passphrase');
    await initVault(box, 'passphrase');
    await ok(box, ['settings', 'auto-lock=2m', 'theme=dark']);
    await ok(box, ['settings', 'clear-on-lock=off']);
    expect(await json<Settings>(box, ['settings'])).toMatchObject({
      autoLockSeconds: 120,
      clearTalosconfigOnLock: false,
      theme: 'dark',
      defaultTtlSeconds: 7 * 86_400,
    });
    await ok(box, ['settings', 'auto-lock=off']);
    expect((await ok(box, ['settings'])).stdout).toMatch(/^auto-lock +off$/m);
    expect(await bad(box, ['settings', 'theme=blue'])).toMatch(/theme must be/);
    expect(await bad(box, ['settings', 'clear-on-lock=yes'])).toMatch(/clear-on-lock must be/);
  });

  it("mode=all rewrites talosctl's file with every context at once, and mode=active back to one", async () => {
    const box = await sandbox('passphrase');
    await initVault(box, 'passphrase', admin, futureRole);
    await ok(box, ['use', 'no-roles']);
    expect((await configAt(box.talosconfig)).contexts.map((c) => c.name)).toEqual(['no-roles']);

    await ok(box, ['settings', 'mode=all']);
    const all = await configAt(box.talosconfig);
    expect(all.contexts.map((c) => c.name)).toEqual(['future-role', 'no-roles']);
    expect(all.context).toBe('no-roles');

    await ok(box, ['settings', 'mode=active']);
    expect((await configAt(box.talosconfig)).contexts.map((c) => c.name)).toEqual(['no-roles']);
  });

  it('foreign=backup keeps a copy of a file holding contexts the vault lacks instead of importing them', async () => {
    const box = await sandbox('passphrase');
    await initVault(box, 'passphrase', admin);
    await ok(box, ['settings', 'foreign=backup']);
    await ok(box, ['use', 'no-roles']);
    // talosctl adds a context behind the vault's back.
    const foreign = await readFile(futureRole, 'utf8');
    await writeFile(box.talosconfig, foreign);
    const result = await ok(box, ['use', 'no-roles']);
    const backup = /backed up .* to (\S+)/.exec(result.stderr)?.[1];
    expect(backup).toBeDefined();
    expect(await readFile(backup ?? '', 'utf8')).toBe(foreign);
    expect((await json<{ name: string }[]>(box, ['list'])).map((item) => item.name)).toEqual(['no-roles']);
  });

  it('the maximum TTL it sets is the one issue enforces, and the default TTL is used without --ttl', async () => {
    const box = await sandbox('passphrase');
    await initVault(box, 'passphrase');
    await ok(box, ['ca', 'import', '--name', 'prod', '--secrets', bundle]);
    await ok(box, ['settings', 'max-ttl=30d', 'default-ttl=2d']);

    const refused = await bad(box, [
      'issue',
      '--ca',
      'prod',
      '--roles',
      'os:reader',
      '--ttl',
      '31d',
      '--store',
    ]);
    expect(refused).toMatch(/30d|30 days|maximum/i);

    await ok(box, ['issue', '--ca', 'prod', '--roles', 'os:reader', '--store']);
    const [item] = await json<{ cert: { notBefore: string; notAfter: string } }[]>(box, ['list']);
    const lifetime = Date.parse(item?.cert.notAfter ?? '') - Date.parse(item?.cert.notBefore ?? '');
    // NotBefore is backdated by 5 minutes for clock skew (DESIGN.md "Issuing").
    expect(lifetime).toBe(2 * 86_400_000 + 5 * 60_000);
  });

  it('refuses bad values in one line and changes nothing', async () => {
    const box = await sandbox('passphrase');
    await initVault(box, 'passphrase');
    expect(await bad(box, ['settings', 'mode=bogus'])).toContain('mode must be');
    expect(await bad(box, ['settings', 'default-ttl=400d'])).toContain('default TTL is above the maximum');
    expect(await bad(box, ['settings', 'colour=blue'])).toContain('is not KEY=VALUE');
    expect((await json<Settings>(box, ['settings'])).defaultTtlSeconds).toBe(7 * 86_400);
  });
});
