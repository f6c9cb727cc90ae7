import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/service/create-services.js';
import { createPickedFiles } from '../../../electron/service/file-access.js';
import { createPassphraseKeySource } from '../../../electron/vault/passphrase.js';
import { createKeychainKeySource } from '../../../electron/vault/keychain.js';
import { context, serviceHarness, talosconfigText, type ServiceHarness } from './service-harness.js';

let h: ServiceHarness;
let tree: string;
beforeEach(async () => {
  h = await serviceHarness();
  tree = join(h.root, 'tree');
  // Enough folders for the walk to take several slices (it yields between them).
  for (let folder = 0; folder < 300; folder++) {
    mkdirSync(join(tree, `f${folder}`, 'sub'), { recursive: true });
    writeFileSync(join(tree, `f${folder}`, 'sub', 'notes.txt'), 'nothing\n');
  }
  writeFileSync(join(tree, 'f7', 'talosconfig'), talosconfigText([context('prod')]), { mode: 0o600 });
});
afterEach(async () => {
  await h.cleanup();
});

const path = (p: string) => ({ kind: 'path' as const, path: p });

describe('sweep services', () => {
  it('reports progress, and a cancelled scan stops with cancelled', async () => {
    const reports: number[] = [];
    const folders: string[] = [];
    const result = await h.services.sweep.scan(
      { folders: [path(tree)] },
      {
        onProgress: (progress) => {
          reports.push(progress.files);
          folders.push(progress.folder);
        },
      },
    );
    expect(result.files.map((file) => file.path)).toEqual([join(tree, 'f7', 'talosconfig')]);
    expect(reports.at(-1)).toBe(301);
    // Each report names the folder the walk is in: always one inside the tree swept.
    expect(folders.every((folder) => folder.startsWith(tree))).toBe(true);
    expect(result.counts).toMatchObject({ folders: 601, files: 301 });

    const controller = new AbortController();
    const scanning = h.services.sweep.scan(
      { folders: [path(tree)] },
      {
        signal: controller.signal,
        onProgress: () => {
          controller.abort();
        },
      },
    );
    // The abort lands with a progress report; nothing runs after it (no git, no vault).
    await expect(scanning).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('counts depth as find -maxdepth does and never enters the vault folder', async () => {
    writeFileSync(join(h.home, 'talosconfig'), talosconfigText([context('in-vault-folder')]));
    const shallow = await h.services.sweep.scan({ folders: [path(tree)], depth: 1 });
    expect(shallow.files).toEqual([]);
    const deep = await h.services.sweep.scan({ folders: [path(tree), path(h.root)], depth: 3 });
    expect(deep.files.map((file) => file.path)).toEqual([join(tree, 'f7', 'talosconfig')]);
  });

  it('acts only on ids it handed out, imports only talosconfigs, and compares with the vault', async () => {
    writeFileSync(join(tree, 'secrets.yaml'), 'certs:\n  os:\n    crt: eA==\n    key: eA==\n');
    const first = await h.services.sweep.scan({ folders: [path(tree)] });
    const byKind = new Map(first.files.map((file) => [file.kind, file]));
    expect(byKind.get('talosconfig')?.contexts).toEqual([
      { name: 'prod', roles: [], notAfter: null, inVault: false },
    ]);
    await expect(h.services.sweep.importFound({ ids: ['made-up'] })).rejects.toMatchObject({
      code: 'finding-unknown',
    });
    await expect(
      h.services.sweep.importFound({ ids: [byKind.get('secrets-bundle')?.id ?? ''] }),
    ).rejects.toMatchObject({ code: 'finding-not-importable' });
    const imported = await h.services.sweep.importFound({ ids: [byKind.get('talosconfig')?.id ?? ''] });
    expect(imported.added).toEqual(['prod']);
    const again = await h.services.sweep.scan({ folders: [path(tree)] });
    expect(again.files.find((file) => file.kind === 'talosconfig')?.contexts[0]?.inVault).toBe(true);
    // The scan result carries facts: no byte of the files it found.
    expect(JSON.stringify(again)).not.toContain(Buffer.from('key of prod').toString('base64'));
  });

  it('keeps a file that changed since the scan', async () => {
    const file = join(tree, 'f7', 'talosconfig');
    const [found] = (await h.services.sweep.scan({ folders: [path(tree)] })).files;
    await h.services.sweep.importFound({ ids: [found?.id ?? ''] });
    writeFileSync(file, talosconfigText([context('prod'), context('other')]));
    const result = await h.services.sweep.removeFound({ ids: [found?.id ?? ''] });
    expect(result).toEqual({ removed: [], kept: [{ id: found?.id, path: file, reason: 'not-in-vault' }] });
  });
});

describe('folders picked in the app', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'talcred-sweep-picked-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('sweeps a folder by its single-use token, and no other purpose’s token', async () => {
    writeFileSync(join(root, 'talosconfig'), talosconfigText([context('prod')]));
    const picked = createPickedFiles();
    const services = createServices({
      home: join(root, 'vault-home'),
      env: { HOME: root },
      keySources: {
        keychain: createKeychainKeySource(),
        passphrase: createPassphraseKeySource({ getPassphrase: () => Promise.resolve('x') }),
      },
      session: 'app',
      pickedFiles: picked,
      results: 'strict',
    });
    const token = picked.grant(root, 'folder');
    const result = await services.sweep.scan({ folders: [{ kind: 'picked', token }] });
    expect(result.files.map((file) => file.path)).toEqual([join(root, 'talosconfig')]);
    await expect(services.sweep.scan({ folders: [{ kind: 'picked', token }] })).rejects.toMatchObject({
      code: 'file-token-invalid',
    });
    const openToken = picked.grant(root, 'open');
    await expect(
      services.sweep.scan({ folders: [{ kind: 'picked', token: openToken }] }),
    ).rejects.toMatchObject({ code: 'file-token-invalid' });
    services.close();
  });
});
