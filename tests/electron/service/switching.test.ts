import { existsSync } from 'node:fs';
import { appendFile, mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { POD_SECRET_TALOSCONFIG } from '../../../electron/talosconfig-path.js';
import { UserError } from '../../../shared/user-error.js';
import {
  context,
  contextNames,
  serviceHarness,
  talosconfigText,
  textSource,
  vaultContext,
  type HarnessOptions,
  type ServiceHarness,
} from './service-harness.js';

const harnesses: ServiceHarness[] = [];
afterEach(async () => {
  for (const harness of harnesses.splice(0)) await harness.cleanup();
});

/** A vault holding prod and dev, talosctl's file not written yet. */
async function vaultWithProdAndDev(options: HarnessOptions = {}): Promise<ServiceHarness> {
  const harness = await serviceHarness(options);
  harnesses.push(harness);
  if (options.bare !== true) {
    await harness.service.importContexts({ sources: [textSource([context('prod'), context('dev')])] });
  }
  return harness;
}

async function writeByHand(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}

async function rejection(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe("switching never loses a context that only talosctl's file holds", () => {
  it('saves a context added by hand into the vault before overwriting the file', async () => {
    const { service, talosconfig, readVault, readTalosconfig } = await vaultWithProdAndDev();
    await service.use({ name: 'prod' });
    await writeByHand(talosconfig, talosconfigText([context('prod'), context('staging')], 'prod'));

    const result = await service.use({ name: 'dev' });
    expect(result.foreign).toEqual({ imported: [{ from: 'staging', to: 'staging' }], backupPath: null });
    const vault = await readVault();
    expect(contextNames(vault)).toEqual(['dev', 'prod', 'staging']);
    expect(vaultContext(vault, 'staging')).toEqual(context('staging'));
    expect(vault.contexts.find((entry) => entry.context.name === 'staging')?.meta.source).toBe(talosconfig);
    expect(await readTalosconfig()).toEqual({ context: 'dev', contexts: [context('dev')], extra: [] });
  });

  it('keeps a context `talosctl config merge` put under a taken name, and an endpoint edited there', async () => {
    const { service, talosconfig, readVault } = await vaultWithProdAndDev();
    await service.use({ name: 'prod' });
    // talosctl merged another cluster's "dev" into the file and then ran `talosctl config endpoint`.
    const edited = context('prod', 'prod', ['10.9.9.9']);
    await writeByHand(talosconfig, talosconfigText([edited, context('dev', 'other cluster')], 'prod'));

    const result = await service.use({ name: 'prod' });
    expect(result.foreign.imported).toEqual([
      { from: 'dev', to: 'dev-1' },
      { from: 'prod', to: 'prod-1' },
    ]);
    const vault = await readVault();
    expect(vaultContext(vault, 'dev-1')).toEqual(context('dev-1', 'other cluster'));
    expect(vaultContext(vault, 'prod-1')).toEqual({ ...edited, name: 'prod-1' });
    expect(vaultContext(vault, 'prod')).toEqual(context('prod'));
    expect(vault.current).toBe('prod');
  });

  it("in 'backup' mode copies the file to <file>.bak-<timestamp> (0600) instead, and says where", async () => {
    const { service, talosconfig, edit, readVault, readTalosconfig } = await vaultWithProdAndDev();
    await edit((document) => ({
      ...document,
      settings: { ...document.settings, foreignContexts: 'backup' },
    }));
    const original = talosconfigText([context('staging')], 'staging');
    await writeByHand(talosconfig, original);

    const result = await service.use({ name: 'prod' });
    const backupPath = `${talosconfig}.bak-20261124T101500Z`;
    expect(result.foreign).toEqual({ imported: [], backupPath });
    expect(await readFile(backupPath, 'utf8')).toBe(original);
    expect((await stat(backupPath)).mode & 0o777).toBe(0o600);
    expect(contextNames(await readVault())).toEqual(['dev', 'prod']);
    expect(await readTalosconfig()).toEqual({ context: 'prod', contexts: [context('prod')], extra: [] });

    // Another foreign file within the same second: a second backup beside the first, never over it.
    const again = talosconfigText([context('qa')], 'qa');
    await writeByHand(talosconfig, again);
    expect((await service.use({ name: 'dev' })).foreign.backupPath).toBe(`${backupPath}-1`);
    expect(await readFile(`${backupPath}-1`, 'utf8')).toBe(again);
    expect(await readFile(backupPath, 'utf8')).toBe(original);
  });

  it('treats a stale file it wrote itself as stale, not foreign, and an edited one as foreign', async () => {
    const { service, talosconfig, edit, readVault } = await vaultWithProdAndDev();
    await service.use({ name: 'prod' });
    // The vault's prod changes while the file keeps the old copy (another path wrote the file meanwhile).
    const moved = (endpoint: string) =>
      edit((document) => ({
        ...document,
        contexts: document.contexts.map((entry) =>
          entry.context.name === 'prod'
            ? { ...entry, context: { ...entry.context, endpoints: [endpoint] } }
            : entry,
        ),
      }));
    await moved('10.7.7.7');
    expect((await service.use({ name: 'dev' })).foreign.imported).toEqual([]);
    expect(contextNames(await readVault())).toEqual(['dev', 'prod']);

    // The same situation, but a program other than talcred has since touched the file.
    await service.use({ name: 'prod' });
    await moved('10.8.8.8');
    await appendFile(talosconfig, '# edited by hand\n');
    expect((await service.use({ name: 'dev' })).foreign.imported).toEqual([{ from: 'prod', to: 'prod-1' }]);
    expect(vaultContext(await readVault(), 'prod-1')?.endpoints).toEqual(['10.7.7.7']);
  });

  it('saves foreign contexts into a keychain vault too', async () => {
    if (process.env.TALCRED_TEST_SECRET_SERVICE !== '1') {
      throw new Error('needs the private Secret Service: run through `node scripts/run-tests.mjs`');
    }
    const { service, talosconfig, readVault } = await vaultWithProdAndDev({ keySource: 'keychain' });
    await writeByHand(talosconfig, talosconfigText([context('prod', 'elsewhere')], 'prod'));
    expect((await service.use({ name: 'prod' })).foreign.imported).toEqual([{ from: 'prod', to: 'prod-1' }]);
    expect(contextNames(await readVault())).toEqual(['dev', 'prod', 'prod-1']);
  });
});

describe("mode 'all'", () => {
  it('writes every context and rewrites the file after import, rename, edits and remove', async () => {
    const { service, talosconfig, edit, readVault, readTalosconfig } = await vaultWithProdAndDev();
    await edit((document) => ({ ...document, settings: { ...document.settings, targetMode: 'all' } }));
    const all = async () => (await readTalosconfig())?.contexts.map((c) => c.name);

    expect(await service.use({ name: 'prod' })).toMatchObject({ current: 'prod', mode: 'all' });
    expect(await readTalosconfig()).toEqual({
      context: 'prod',
      contexts: [context('dev'), context('prod')],
      extra: [],
    });
    await service.importContexts({ sources: [textSource([context('staging')])] });
    expect(await all()).toEqual(['dev', 'prod', 'staging']);
    await service.rename({ from: 'dev', to: 'qa' });
    expect(await all()).toEqual(['prod', 'qa', 'staging']);
    await service.setNodes({ name: 'qa', nodes: ['10.5.0.3'] });
    expect((await readTalosconfig())?.contexts.find((c) => c.name === 'qa')?.nodes).toEqual(['10.5.0.3']);
    await service.remove({ names: ['staging'] });
    expect(await all()).toEqual(['prod', 'qa']);

    // A file touched by another program still lists qa: removing qa must not bring it back from there.
    await appendFile(talosconfig, '# touched\n');
    expect(await service.remove({ names: ['qa'] })).toEqual({ removed: ['qa'] });
    expect(await all()).toEqual(['prod']);
    expect(contextNames(await readVault())).toEqual(['prod']);

    await service.use({ name: null });
    expect(await readTalosconfig()).toEqual({ context: '', contexts: [], extra: [] });
  });
});

describe('files talcred must not write', () => {
  it('never overwrites a talosctl file it cannot parse', async () => {
    const { service, talosconfig, readVault } = await vaultWithProdAndDev();
    await service.use({ name: 'prod' });
    const garbage = 'context: prod\ncontexts:\n    prod: [\n';
    await writeByHand(talosconfig, garbage);
    const before = await readVault();

    for (const attempt of [
      () => service.use({ name: 'dev' }),
      () => service.use({ name: null }),
      () => service.setEndpoints({ name: 'prod', endpoints: ['10.1.1.1'] }),
    ]) {
      const error = await rejection(attempt());
      expect(error.message).toContain(talosconfig);
      expect(error.message).toContain('the file was left as it is');
    }
    expect(await readFile(talosconfig, 'utf8')).toBe(garbage);
    expect(await readVault()).toEqual(before);
    expect((await readdir(dirname(talosconfig))).sort()).toEqual(['config']);

    // Locking must still take the credential off the disk: the file is kept aside, byte for byte, first.
    const locked = await service.clearTalosconfig({});
    expect(locked.backupPath).not.toBeNull();
    expect(await readFile(locked.backupPath ?? '', 'utf8')).toBe(garbage);
    expect(await readFile(talosconfig, 'utf8')).toBe('context: ""\ncontexts: {}\n');
  });

  it('refuses the read-only pod secret path', async () => {
    const { service, readVault } = await vaultWithProdAndDev({
      talosconfig: () => ({
        path: POD_SECRET_TALOSCONFIG,
        readOnly: true,
        source: 'pod-secret',
        exists: true,
      }),
    });
    for (const attempt of [() => service.use({ name: 'prod' }), () => service.clearTalosconfig({})]) {
      const error = await rejection(attempt());
      expect(error).toMatchObject({ code: 'talosconfig-read-only', remedy: 'choose-talosconfig' });
      expect(error.message).toMatch(/\/var\/run\/secrets\/talos\.dev\/config is read-only/);
    }
    expect((await readVault()).current).toBe('');
  });

  it('says there is no vault yet (create one), and creates nothing', async () => {
    const { service, home, talosconfig } = await vaultWithProdAndDev({ bare: true });
    for (const attempt of [() => service.use({ name: 'prod' }), () => service.clearTalosconfig({})]) {
      const error = await rejection(attempt());
      expect(error.code).toBe('vault-missing');
      expect(error.remedy).toBe('create-vault');
      expect(error.message).toMatch(/there is no vault yet/);
    }
    expect(existsSync(home)).toBe(false);
    expect(existsSync(talosconfig)).toBe(false);
  });
});
