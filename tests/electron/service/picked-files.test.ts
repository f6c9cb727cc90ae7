import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/service/create-services.js';
import { createPickedFiles } from '../../../electron/service/file-access.js';
import { parseTalosconfig } from '../../../shared/talosconfig/parse.js';
import { tempDir, testKeySources } from '../vault/helpers.js';
import { context, talosconfigText } from './service-harness.js';

async function setUp() {
  const root = await tempDir('talcred-picked-');
  let clock = 0;
  const picked = createPickedFiles(() => clock);
  const services = createServices({
    home: join(root, 'home'),
    env: {},
    keySources: testKeySources(),
    results: 'strict',
    pickedFiles: picked,
    talosconfig: () => ({ path: join(root, 'config'), readOnly: false, source: 'flag', exists: false }),
  });
  await services.vault.init({ keySource: 'passphrase' });
  return { root, picked, services, later: (ms: number) => (clock += ms) };
}

describe('files chosen in dialogs', () => {
  it('reads and writes through a token once, then refuses it', async () => {
    const { root, picked, services } = await setUp();
    const incoming = join(root, 'incoming.yaml');
    await writeFile(incoming, talosconfigText([context('prod')]));
    const openToken = picked.grant(incoming, 'open');
    await services.vault.importContexts({
      sources: [{ kind: 'file', file: { kind: 'picked', token: openToken } }],
    });
    await expect(
      services.vault.importContexts({
        sources: [{ kind: 'file', file: { kind: 'picked', token: openToken } }],
      }),
    ).rejects.toMatchObject({ code: 'file-token-invalid', remedy: 'pick-again' });

    // A save dialog has asked before replacing: the token overwrites an existing file.
    const out = join(root, 'out.yaml');
    await writeFile(out, 'replace me');
    const saveToken = picked.grant(out, 'save');
    const result = await services.vault.exportContexts({
      names: ['prod'],
      output: { kind: 'picked', token: saveToken },
    });
    expect(result).toEqual({ path: out, contexts: ['prod'] });
    expect(parseTalosconfig(await readFile(out, 'utf8'), out).context).toBe('prod');
  });

  it('refuses a token for the other purpose, an unknown one, and an old one', async () => {
    const { root, picked, services, later } = await setUp();
    const out = join(root, 'never.yaml');
    await services.vault.importContexts({
      sources: [{ kind: 'text', text: talosconfigText([context('prod')]), label: 'test' }],
    });
    const openOnly = picked.grant(out, 'open');
    const stale = picked.grant(out, 'save');
    later(31 * 60 * 1000);
    for (const token of [openOnly, 'made-up', stale]) {
      await expect(
        services.vault.exportContexts({ names: ['prod'], output: { kind: 'picked', token } }),
      ).rejects.toMatchObject({ code: 'file-token-invalid' });
    }
    expect(existsSync(out)).toBe(false);
  });

  it('means nothing to services built without dialogs (the CLI)', async () => {
    const root = await tempDir('talcred-picked-');
    const services = createServices({ home: join(root, 'home'), env: {}, keySources: testKeySources() });
    await expect(
      services.vault.inspectFile({ source: { kind: 'file', file: { kind: 'picked', token: 'x' } } }),
    ).rejects.toMatchObject({ code: 'file-token-invalid' });
  });
});
