import { copyFile, mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { contextItemSchema, statusSchema } from '../../../shared/contract/vault-contract.js';
import {
  folderBytes,
  keychainEntry,
  requireBuiltCli,
  requireSecretService,
  vaultIdOf,
  type KeyMode,
} from '../../support/talcred-cli.js';
import {
  bad,
  configAt,
  fixtureContext,
  initVault,
  json,
  names,
  ok,
  sandboxTracker,
  type Item,
} from '../../support/talcred-cli-steps.js';
import { ADMIN, FUTURE, NOROLES } from '../../support/talos-fixtures.js';

const sandboxFor = sandboxTracker();
beforeAll(requireBuiltCli);
afterEach(sandboxFor.cleanup);

describe.each<KeyMode>(['passphrase', 'keychain'])('talcred with a %s vault', (mode) => {
  beforeAll(() => {
    if (mode === 'keychain') requireSecretService();
  });

  it('init makes the vault (0600 in a 0700 folder) and never makes another over it', async () => {
    const sandbox = await sandboxFor(mode);
    await initVault(sandbox, mode);
    expect((await stat(sandbox.vaultPath)).mode & 0o777).toBe(0o600);
    expect((await stat(sandbox.home)).mode & 0o777).toBe(0o700);
    const id = await vaultIdOf(sandbox.vaultPath);
    const entry = keychainEntry(id);
    if (mode === 'keychain') expect(Buffer.from(entry ?? '', 'base64')).toHaveLength(32);
    else expect(entry).toBeNull();
    const before = await folderBytes(sandbox.home);
    expect(await bad(sandbox, ['init'])).toMatch(/a vault already exists; it was left as it is/);
    expect(await bad(sandbox, ['init', '--passphrase'])).toMatch(/already exists/);
    expect(await folderBytes(sandbox.home)).toEqual(before);
    expect(keychainEntry(id)).toBe(entry);
  });

  it('init offers the existing talosconfig; --import takes it, a bad one leaves no vault', async () => {
    const flag = mode === 'passphrase' ? ['--passphrase'] : [];
    const sandbox = await sandboxFor(mode);
    await mkdir(dirname(sandbox.talosconfig), { recursive: true });
    await writeFile(sandbox.talosconfig, 'context: x\ncontexts:\n  x: [\n');
    expect(await bad(sandbox, ['init', ...flag, '--import'])).toContain(sandbox.talosconfig);
    expect(await folderBytes(sandbox.home)).toEqual(new Map());

    await copyFile(ADMIN, sandbox.talosconfig);
    const asked = await ok(sandbox, ['init', ...flag]);
    expect(asked.stdout).toContain(`import ${sandbox.talosconfig} later`);
    expect(await names(sandbox)).toEqual([]);

    const other = await sandboxFor(mode);
    await mkdir(dirname(other.talosconfig), { recursive: true });
    await copyFile(ADMIN, other.talosconfig);
    const created = await json<{ imported: { added: string[] } }>(other, ['init', ...flag, '--import']);
    expect(created.imported.added).toEqual(['no-roles']);
    const [item] = await json<Item[]>(other, ['list']);
    // Importing never switches, but talosctl's own file names no-roles as its context: that is current.
    expect(item).toMatchObject({ name: 'no-roles', source: other.talosconfig, current: true });
    expect(await readFile(other.talosconfig)).toEqual(await readFile(ADMIN));
  });

  it("imports the real fixtures with talosctl's renames, --dedupe, --replace and standard input", async () => {
    const sandbox = await sandboxFor(mode);
    await initVault(sandbox, mode);
    expect(await json(sandbox, ['import', ADMIN, FUTURE, NOROLES])).toEqual({
      added: ['no-roles', 'future-role'],
      renamed: [{ from: 'no-roles', to: 'no-roles-1' }],
      replaced: [],
      skipped: [],
      current: { from: '', to: '' },
      written: true,
    });
    const again = await ok(sandbox, ['import', NOROLES]);
    expect(again.stderr).toBe('renamed talosconfig context "no-roles" -> "no-roles-2"\n');

    const deduped = await json<Record<string, unknown>>(sandbox, ['import', '--dedupe', ADMIN, FUTURE]);
    expect(deduped).toMatchObject({ added: [], renamed: [], skipped: ['no-roles', 'future-role'] });
    expect(await names(sandbox)).toEqual(['future-role', 'no-roles', 'no-roles-1', 'no-roles-2']);

    await ok(sandbox, ['label', 'no-roles', 'env=prod']);
    const replaced = await json<Record<string, unknown>>(sandbox, ['import', '--replace', NOROLES]);
    expect(replaced).toMatchObject({ added: [], renamed: [], replaced: ['no-roles'] });
    const shown = await json<Item>(sandbox, ['show', 'no-roles']);
    const serialOf = async (file: string) =>
      (await json<{ contexts: Item[] }>(sandbox, ['inspect', file])).contexts[0]?.cert?.serial;
    expect(shown.cert?.serial).toBe(await serialOf(NOROLES));
    expect(shown).toMatchObject({ endpoints: ['172.20.1.2'], labels: { env: 'prod' }, source: NOROLES });

    const piped = await json<Record<string, unknown>>(
      sandbox,
      ['import', '-'],
      await readFile(FUTURE, 'utf8'),
    );
    expect(piped).toMatchObject({ renamed: [{ from: 'future-role', to: 'future-role-1' }] });
    expect(await json<Item>(sandbox, ['show', 'future-role-1'])).toMatchObject({ source: 'standard input' });
  });

  it('import --dry-run, a bad file and bad usage change nothing', async () => {
    const sandbox = await sandboxFor(mode);
    await initVault(sandbox, mode, ADMIN);
    const before = await folderBytes(sandbox.home);
    expect(await json(sandbox, ['import', '--dry-run', FUTURE, NOROLES])).toMatchObject({
      added: ['future-role'],
      renamed: [{ from: 'no-roles', to: 'no-roles-1' }],
      written: false,
    });
    const text = await ok(sandbox, ['import', '--dry-run', FUTURE]);
    expect(text.stdout).toBe('would add      future-role\ndry run: nothing was changed\n');
    const broken = join(sandbox.root, 'broken.yaml');
    await writeFile(broken, 'contexts:\n  a:\n    endpoints: {\n');
    expect(await bad(sandbox, ['import', FUTURE, broken])).toContain(broken);
    expect(await bad(sandbox, ['import', join(sandbox.root, 'missing.yaml')])).toMatch(/no such file/);
    expect(await bad(sandbox, ['import'])).toMatch(/import needs a file/);
    expect(await bad(sandbox, ['import', '--nope', FUTURE])).toMatch(/--nope/);
    expect(await folderBytes(sandbox.home)).toEqual(before);
  });

  it('list --json and show --json carry the inspect fields plus labels, lastUsed, note, source, importedAt', async () => {
    const sandbox = await sandboxFor(mode);
    const started = Date.now();
    await initVault(sandbox, mode, ADMIN, FUTURE);
    const inspected = (await json<{ contexts: Record<string, unknown>[] }>(sandbox, ['inspect', ADMIN]))
      .contexts[0];
    if (!inspected) throw new Error('inspect printed no context');
    const expectedKeys = Object.keys(contextItemSchema.shape).sort();
    expect(expectedKeys).toEqual(
      expect.arrayContaining([
        ...Object.keys(inspected),
        ...['labels', 'lastUsed', 'note', 'source', 'importedAt'],
      ]),
    );
    const items = await json<(Item & Record<string, unknown>)[]>(sandbox, ['list']);
    expect(items.map((item) => item.name)).toEqual(['future-role', 'no-roles']);
    for (const item of items) expect(Object.keys(item).sort()).toEqual(expectedKeys);
    const admin = items[1];
    expect(admin).toMatchObject({ ...inspected, current: false });
    expect(admin).toMatchObject({ labels: {}, lastUsed: null, note: '', source: ADMIN });
    expect(Date.parse(admin?.importedAt ?? '')).toBeGreaterThanOrEqual(started - 1000);
    expect(await json(sandbox, ['show', 'no-roles'])).toEqual(admin);

    await ok(sandbox, ['use', 'no-roles']);
    const used = await json<Item>(sandbox, ['show', 'no-roles']);
    expect(used.current).toBe(true);
    expect(Date.parse(used.lastUsed ?? '')).toBeGreaterThanOrEqual(Date.parse(admin?.importedAt ?? ''));
    expect(await bad(sandbox, ['show', 'nope'])).toMatch(/no context "nope" in the vault/);
  });

  it('use writes only that context, 0600 in a new 0700 folder, byte for byte as talosctl does', async () => {
    const sandbox = await sandboxFor(mode);
    await initVault(sandbox, mode, ADMIN, FUTURE);
    expect((await ok(sandbox, ['use', 'no-roles'])).stdout).toContain(sandbox.talosconfig);
    expect((await stat(sandbox.talosconfig)).mode & 0o777).toBe(0o600);
    expect((await stat(dirname(sandbox.talosconfig))).mode & 0o777).toBe(0o700);
    // The fixture is talosctl's own output for this very context.
    expect(await readFile(sandbox.talosconfig, 'utf8')).toBe(await readFile(ADMIN, 'utf8'));

    await ok(sandbox, ['use', 'future-role']);
    expect(await configAt(sandbox.talosconfig)).toEqual({
      context: 'future-role',
      contexts: [await fixtureContext(FUTURE)],
      extra: [],
    });
    expect((await json<{ current: string }>(sandbox, ['status'])).current).toBe('future-role');

    const elsewhere = join(sandbox.root, 'elsewhere', 'config');
    await ok(sandbox, ['--talosconfig', elsewhere, 'use', 'no-roles']);
    expect(await readFile(elsewhere, 'utf8')).toBe(await readFile(ADMIN, 'utf8'));
    expect((await configAt(sandbox.talosconfig)).context).toBe('future-role');

    await ok(sandbox, ['use', '--off']);
    expect(await readFile(sandbox.talosconfig, 'utf8')).toBe('context: ""\ncontexts: {}\n');
    const before = await folderBytes(dirname(sandbox.talosconfig));
    expect(await bad(sandbox, ['use', 'nope'])).toMatch(/no context "nope" in the vault/);
    expect(await bad(sandbox, ['use'])).toMatch(/one context name, or --off/);
    expect(await bad(sandbox, ['use', 'no-roles', '--off'])).toMatch(/one context name, or --off/);
    expect(await folderBytes(dirname(sandbox.talosconfig))).toEqual(before);
  });

  it('use saves the contexts only the talosctl file holds into the vault first, and says so', async () => {
    const sandbox = await sandboxFor(mode);
    await initVault(sandbox, mode, ADMIN);
    await mkdir(dirname(sandbox.talosconfig), { recursive: true });
    await copyFile(FUTURE, sandbox.talosconfig);
    const first = await ok(sandbox, ['use', 'no-roles']);
    expect(first.stderr).toBe(`saved context "future-role" from ${sandbox.talosconfig} into the vault\n`);
    // Same name, other credential (a `talosctl config merge` behind talcred's back): kept under a new name.
    await copyFile(NOROLES, sandbox.talosconfig);
    const second = await ok(sandbox, ['use', 'future-role']);
    expect(second.stderr).toBe(
      `saved context "no-roles" from ${sandbox.talosconfig} into the vault as "no-roles-1"\n`,
    );
    expect(await names(sandbox)).toEqual(['future-role', 'no-roles', 'no-roles-1']);
    expect(await json<Item>(sandbox, ['show', 'no-roles-1'])).toMatchObject({ source: sandbox.talosconfig });
    expect((await configAt(sandbox.talosconfig)).contexts.map((context) => context.name)).toEqual([
      'future-role',
    ]);
  });

  it('rename follows the current context into the file; remove asks and spares the current one', async () => {
    const sandbox = await sandboxFor(mode);
    await initVault(sandbox, mode, ADMIN, FUTURE, NOROLES);
    await ok(sandbox, ['use', 'no-roles']);
    await ok(sandbox, ['rename', 'no-roles', 'prod']);
    expect((await json<{ current: string }>(sandbox, ['status'])).current).toBe('prod');
    expect(await configAt(sandbox.talosconfig)).toEqual({
      context: 'prod',
      contexts: [{ ...(await fixtureContext(ADMIN)), name: 'prod' }],
      extra: [],
    });
    const file = await readFile(sandbox.talosconfig);
    expect(await bad(sandbox, ['rename', 'future-role', 'prod'])).toMatch(/"prod" already exists/);
    await ok(sandbox, ['rename', 'future-role', 'future']);
    expect(await readFile(sandbox.talosconfig)).toEqual(file);

    const before = await folderBytes(sandbox.home);
    expect(await bad(sandbox, ['remove', 'future'])).toMatch(/pass -y when not on a terminal/);
    expect(await bad(sandbox, ['remove', 'prod', '-y'])).toMatch(/"prod" is the current context/);
    expect(await bad(sandbox, ['remove', 'nope', '-y'])).toMatch(/no context "nope"/);
    expect(await folderBytes(sandbox.home)).toEqual(before);
    expect((await ok(sandbox, ['remove', 'future', 'no-roles-1', '-y'])).stdout).toBe(
      'removed "future"\nremoved "no-roles-1"\n',
    );
    expect(await names(sandbox)).toEqual(['prod']);
    expect(await readFile(sandbox.talosconfig)).toEqual(file);
  });

  it('endpoints and nodes of the current context rewrite the file; labels filter list', async () => {
    const sandbox = await sandboxFor(mode);
    await initVault(sandbox, mode, ADMIN, FUTURE);
    await ok(sandbox, ['use', 'no-roles']);
    await ok(sandbox, ['endpoints', 'no-roles', '10.0.0.1', '10.0.0.2']);
    await ok(sandbox, ['nodes', 'no-roles', '10.0.0.9']);
    let [written] = (await configAt(sandbox.talosconfig)).contexts;
    expect(written).toMatchObject({
      name: 'no-roles',
      endpoints: ['10.0.0.1', '10.0.0.2'],
      nodes: ['10.0.0.9'],
    });
    await ok(sandbox, ['nodes', 'no-roles']);
    [written] = (await configAt(sandbox.talosconfig)).contexts;
    expect(written?.nodes).toEqual([]);
    const file = await readFile(sandbox.talosconfig);
    await ok(sandbox, ['endpoints', 'future-role', '1.2.3.4']);
    expect(await readFile(sandbox.talosconfig)).toEqual(file);
    expect((await json<Item>(sandbox, ['show', 'future-role'])).endpoints).toEqual(['1.2.3.4']);
    expect(await bad(sandbox, ['endpoints', 'no-roles'])).toMatch(/at least one address/);

    const labelled = await json<Item>(sandbox, [
      'label',
      'no-roles',
      'env=prod',
      'team=x',
      'url=https://a/?b=c',
    ]);
    expect(labelled.labels).toEqual({ env: 'prod', team: 'x', url: 'https://a/?b=c' });
    expect((await json<Item>(sandbox, ['label', 'no-roles', 'team-'])).labels).toEqual({
      env: 'prod',
      url: 'https://a/?b=c',
    });
    const filtered = async (label: string) =>
      (await json<Item[]>(sandbox, ['list', '--label', label])).map((item) => item.name);
    expect(await filtered('env=prod')).toEqual(['no-roles']);
    expect(await filtered('url=https://a/?b=c')).toEqual(['no-roles']);
    expect(await bad(sandbox, ['list', '--label', 'url'])).toMatch(/expected KEY=VALUE/);
    expect(await filtered('env=dev')).toEqual([]);
    expect(await bad(sandbox, ['label', 'no-roles', 'oops'])).toMatch(/"oops" is not KEY=VALUE or KEY-/);
    expect(await readFile(sandbox.talosconfig)).toEqual(file);
  });

  it('export writes the chosen contexts to a 0600 file, never over one without --force; lock empties the file', async () => {
    const sandbox = await sandboxFor(mode);
    await initVault(sandbox, mode, ADMIN, FUTURE, NOROLES);
    const out = join(sandbox.root, 'for-alice.yaml');
    const exported = await ok(sandbox, ['export', 'future-role', 'no-roles', '-o', out]);
    expect(exported.stderr).toContain('holds private keys in plaintext');
    expect((await stat(out)).mode & 0o777).toBe(0o600);
    expect(await configAt(out)).toEqual({
      context: 'future-role',
      contexts: [await fixtureContext(FUTURE), await fixtureContext(ADMIN)],
      extra: [],
    });
    const bytes = await readFile(out);
    expect(await bad(sandbox, ['export', 'no-roles-1', '-o', out])).toMatch(/already exists.*--force/);
    expect(await readFile(out)).toEqual(bytes);
    await ok(sandbox, ['export', 'no-roles-1', '-o', out, '--force']);
    expect((await configAt(out)).contexts).toEqual([
      { ...(await fixtureContext(NOROLES)), name: 'no-roles-1' },
    ]);
    expect(await bad(sandbox, ['export', 'nope', '-o', join(sandbox.root, 'x.yaml')])).toMatch(/no context/);

    await ok(sandbox, ['use', 'no-roles']);
    expect((await ok(sandbox, ['lock'])).stdout).toMatch(/^locked: /);
    expect(await readFile(sandbox.talosconfig, 'utf8')).toBe('context: ""\ncontexts: {}\n');
    expect((await json<{ current: string }>(sandbox, ['status'])).current).toBe('');
  });

  it('status --json says where everything is', async () => {
    const sandbox = await sandboxFor(mode);
    const empty = await json<Record<string, unknown>>(sandbox, ['status']);
    expect(empty).toMatchObject({
      exists: false,
      keySource: null,
      contexts: 0,
      vaultPath: sandbox.vaultPath,
    });
    await initVault(sandbox, mode, ADMIN, FUTURE);
    await ok(sandbox, ['use', 'future-role']);
    const status = await json<Record<string, unknown>>(sandbox, ['status']);
    expect(Object.keys(status).sort()).toEqual(Object.keys(statusSchema.shape).sort());
    expect(status).toEqual({
      home: sandbox.home,
      vaultPath: sandbox.vaultPath,
      exists: true,
      keySource: mode,
      locked: false,
      contexts: 2,
      current: 'future-role',
      talosconfig: { path: sandbox.talosconfig, exists: true, readOnly: false, source: 'TALOSCONFIG' },
      targetMode: 'active',
      backups: ['vault.bak1', 'vault.bak2'].map((name) => ({
        name,
        savedAt: expect.any(String) as unknown,
        readable: true,
      })),
      expiringSoon: [],
      expired: [],
      elevations: [],
      warnings: [],
    });
  });

  it('a damaged vault names `talcred restore`, which brings back the previous generation', async () => {
    const sandbox = await sandboxFor(mode);
    await initVault(sandbox, mode, ADMIN);
    await ok(sandbox, ['import', FUTURE]);
    const bytes = await readFile(sandbox.vaultPath);
    bytes[bytes.length - 20] = (bytes[bytes.length - 20] ?? 0) ^ 0x01;
    await writeFile(sandbox.vaultPath, bytes);
    expect(await bad(sandbox, ['list'])).toMatch(/the vault is damaged.*run `talcred restore`/);
    expect(await bad(sandbox, ['use', 'no-roles'])).toMatch(/run `talcred restore`/);
    expect(await bad(sandbox, ['import', NOROLES])).toMatch(/run `talcred restore`/);
    expect(await folderBytes(dirname(sandbox.talosconfig))).toEqual(new Map());
    expect((await ok(sandbox, ['restore'])).stdout).toMatch(/^restored vault\.bak1/);
    expect(await names(sandbox)).toEqual(['no-roles']);
    expect((await readdir(sandbox.home)).some((name) => name.startsWith('vault.damaged-'))).toBe(true);
  });
});
