import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createServices, type ServiceSet } from '../../../../electron/service/create-services.js';
import { pathRef, savePathRef } from '../../../../shared/contract/file-ref.js';
import { parseTalosconfig } from '../../../../shared/talosconfig/parse.js';
import { defaultVaultSettings, vaultSettingsSchema } from '../../../../shared/vault/vault-document.js';
import { tempDir, testKeySources } from '../../vault/helpers.js';

/* What the app's issuing screens need of the services: passphrase-encrypted issue, the log as CSV, and a
   lock that empties talosctl's file when the settings say so. */

const BUNDLE = new URL('../../../fixtures/talos/secrets-talos-stability-testdata.yaml', import.meta.url);

let dir: string;
let services: ServiceSet;

beforeEach(async () => {
  dir = await tempDir('talcred-app-issuing-');
  services = createServices({
    home: join(dir, 'home'),
    results: 'strict',
    env: {},
    session: 'app',
    keySources: testKeySources(),
    talosconfig: () => ({ path: join(dir, 'talosconfig'), readOnly: false, source: 'flag', exists: false }),
  });
  await services.vault.init({ keySource: 'passphrase' });
  await services.issuing.importCa({ name: 'prod', source: { kind: 'yaml', file: pathRef(BUNDLE.pathname) } });
});

describe('issue with an age passphrase', () => {
  it('writes an age file that opens with the passphrase, and says it is encrypted', async () => {
    const path = join(dir, 'reader.age');
    const result = await services.issuing.issue({
      ca: 'prod',
      roles: ['os:reader'],
      endpoints: ['10.0.0.1'],
      output: { file: savePathRef(path), agePassphrase: 'for the teammate' },
    });
    expect(result).toMatchObject({ path, encrypted: true, storedAs: null });
    expect((await readFile(path, 'utf8')).startsWith('age-encryption.org/v1\n')).toBe(true);
    const opened = await services.vault.inspectFile({
      source: { kind: 'file', file: pathRef(path), agePassphrase: 'for the teammate' },
    });
    expect(opened.contexts[0]?.cert?.roles).toEqual(['os:reader']);
  });

  it('refuses recipients and a passphrase together, writing nothing', async () => {
    const path = join(dir, 'both.age');
    await expect(
      services.issuing.issue({
        ca: 'prod',
        roles: ['os:reader'],
        output: {
          file: savePathRef(path),
          ageRecipients: ['age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p'],
          agePassphrase: 'x',
        },
      }),
    ).rejects.toMatchObject({ code: 'encryption-choice' });
    expect((await services.issuing.log({})).entries).toEqual([]);
  });
});

describe('exportLog', () => {
  it('writes the rows the search matches as CSV, with formula-looking fields defused', async () => {
    await services.issuing.issue({ ca: 'prod', roles: ['os:reader'], identity: '=cmd|calc', store: true });
    await services.issuing.issue({ ca: 'prod', roles: ['os:operator'], name: 'ops', store: true });
    const path = join(dir, 'log.csv');
    expect(await services.issuing.exportLog({ search: 'reader', output: savePathRef(path) })).toEqual({
      path,
      entries: 1,
    });
    const lines = (await readFile(path, 'utf8')).split('\r\n');
    expect(lines[0]).toBe(
      'issued_at,serial,ca,ca_fingerprint_sha256,roles,not_before,not_after,identity,context,exported_to,fingerprint_sha256',
    );
    expect(lines[1]).toContain(',os:reader,');
    expect(lines[1]).toContain(",'=cmd|calc,reader@prod,");
    expect(lines).toHaveLength(3); // header, one row, and the final line end

    await expect(services.issuing.exportLog({ output: savePathRef(path) })).rejects.toMatchObject({
      code: 'output-exists',
    });
    await services.issuing.exportLog({ output: savePathRef(path, true) });
    expect((await readFile(path, 'utf8')).split('\r\n')).toHaveLength(4);
  });
});

describe('lockVault', () => {
  it("empties talosctl's file by default, after the key is gone", async () => {
    await services.issuing.issue({ ca: 'prod', roles: ['os:reader'], store: true });
    await services.vault.use({ name: 'reader@prod' });
    const talosconfig = join(dir, 'talosconfig');
    expect(parseTalosconfig(await readFile(talosconfig, 'utf8'), talosconfig).context).toBe('reader@prod');

    const result = await services.vault.lockVault({});
    expect(result).toEqual({
      locked: true,
      talosconfig: { path: talosconfig, cleared: true, backupPath: null },
      clearFailed: null,
    });
    expect(await readFile(talosconfig, 'utf8')).toBe('context: ""\ncontexts: {}\n');
    await expect(services.vault.list({})).rejects.toMatchObject({ code: 'vault-locked' });
  });

  it('leaves the file when the setting is off, and does nothing more when already locked', async () => {
    await services.issuing.issue({ ca: 'prod', roles: ['os:reader'], store: true });
    await services.vault.use({ name: 'reader@prod' });
    await services.vault.settings({ set: { clearTalosconfigOnLock: false } });
    const talosconfig = join(dir, 'talosconfig');
    const before = await readFile(talosconfig, 'utf8');
    expect(await services.vault.lockVault({})).toEqual({
      locked: true,
      talosconfig: null,
      clearFailed: null,
    });
    expect(await readFile(talosconfig, 'utf8')).toBe(before);
    expect(await services.vault.lockVault({})).toEqual({
      locked: true,
      talosconfig: null,
      clearFailed: null,
    });
  });

  it('still locks when the file cannot be emptied, and says why', async () => {
    await services.issuing.issue({ ca: 'prod', roles: ['os:reader'], store: true });
    await services.vault.use({ name: 'reader@prod' });
    // A folder where talosctl's file should be: it cannot be replaced.
    const talosconfig = join(dir, 'talosconfig');
    await rm(talosconfig);
    await mkdir(talosconfig);
    const result = await services.vault.lockVault({});
    expect(result.talosconfig).toBeNull();
    expect(result.clearFailed).toMatch(/talosconfig/);
    await expect(services.vault.list({})).rejects.toMatchObject({ code: 'vault-locked' });
  });
});

describe('settings of a vault written before the app settings existed', () => {
  it('read with their defaults, and a partial change keeps the others', async () => {
    const { autoLockSeconds, clearTalosconfigOnLock, theme, ...older } = defaultVaultSettings();
    expect(vaultSettingsSchema.parse(older)).toEqual({
      ...older,
      autoLockSeconds,
      clearTalosconfigOnLock,
      theme,
    });
    expect([autoLockSeconds, clearTalosconfigOnLock, theme]).toEqual([900, true, 'system']);
    await services.vault.settings({ set: { theme: 'dark' } });
    await services.vault.settings({ set: { autoLockSeconds: 60 } });
    expect(await services.vault.settings({ set: {} })).toMatchObject({ autoLockSeconds: 60, theme: 'dark' });
  });
});

describe('sign the request the app showed', () => {
  it('signs the PEM readRequest returned, and refuses one that is not a proved request', async () => {
    const csr = join(dir, 'me.csr');
    await services.issuing.createRequest({ name: 'me', roles: ['os:reader'], output: savePathRef(csr) });
    const shown = await services.issuing.readRequest({ csr: pathRef(csr) });
    expect(shown).toMatchObject({ roles: ['os:reader'], csrPem: await readFile(csr, 'latin1') });
    const crt = join(dir, 'me.crt');
    const signed = await services.issuing.sign({
      ca: 'prod',
      csr: { kind: 'pem', pem: shown.csrPem, source: 'me.csr' },
      output: savePathRef(crt),
    });
    expect(signed).toMatchObject({ roles: ['os:reader'], requestedRoles: ['os:reader'], path: crt });
    expect((await services.issuing.accept({ cert: pathRef(crt) })).storedAs).toBe('me');

    const damaged = shown.csrPem.replace(/[A-Za-z](?=[A-Za-z0-9+/]{20}\n)/, (c) => (c === 'A' ? 'B' : 'A'));
    const refused: unknown = await services.issuing
      .sign({
        ca: 'prod',
        csr: { kind: 'pem', pem: damaged, source: 'me.csr' },
        output: savePathRef(join(dir, 'bad.crt')),
      })
      .catch((error: unknown) => error);
    expect(['invalid-csr', 'csr-signature-invalid', 'invalid-der']).toContain(
      (refused as { code?: string }).code,
    );
    expect((refused as Error).message).toMatch(/^me\.csr: /);
  });
});
