import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseVault } from '../../../electron/vault/envelope.js';
import { openVaultStore } from '../../../electron/vault/vault-store.js';
import { emptyVaultDocument } from '../../../shared/vault/vault-document.js';
import {
  allFileBytes,
  fixtureContext,
  requireSecretService,
  tempDir,
  testKeySources,
  vaultContext,
} from './helpers.js';

let root: string;
beforeAll(async () => {
  root = await tempDir();
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Every form the fixture's secrets take: the base64 in the file, the PEM text, each PEM body line, the DER. */
async function secretForms(): Promise<{ label: string; bytes: Buffer }[]> {
  const context = await fixtureContext();
  const forms: { label: string; bytes: Buffer }[] = [];
  for (const field of ['ca', 'crt', 'key'] as const) {
    const base64 = context[field];
    const pem = Buffer.from(base64, 'base64').toString('utf8');
    const body = pem.split('\n').filter((line) => line !== '' && !line.startsWith('-----'));
    forms.push({ label: `${field} base64`, bytes: Buffer.from(base64) });
    forms.push({ label: `${field} PEM`, bytes: Buffer.from(pem) });
    for (const line of body) forms.push({ label: `${field} PEM line`, bytes: Buffer.from(line) });
    forms.push({ label: `${field} DER`, bytes: Buffer.from(body.join(''), 'base64') });
  }
  return forms;
}

describe.each(['passphrase', 'keychain'] as const)('a %s vault at rest', (kind) => {
  it('holds the fixture credentials in no readable form, in the vault or any backup', async () => {
    if (kind === 'keychain') requireSecretService();
    const dir = `${root}/${kind}`;
    const store = openVaultStore({ dir, keySources: testKeySources() });
    const context = await fixtureContext();
    await store.create(
      { ...emptyVaultDocument(), contexts: [{ ...vaultContext('x'), context }], current: context.name },
      kind,
    );
    for (const name of ['a', 'b', 'c', 'd']) {
      await store.update((document) => ({
        ...document,
        contexts: [...document.contexts, vaultContext(name)],
      }));
    }
    expect((await store.read()).contexts[0]?.context.key).toBe(context.key);

    const files = await allFileBytes(dir);
    expect([...files.keys()]).toEqual(['vault', 'vault.bak1', 'vault.bak2', 'vault.bak3']);
    const forms = await secretForms();
    const found = [...files].flatMap(([name, bytes]) =>
      forms.filter((form) => bytes.includes(form.bytes)).map((form) => `${name}: ${form.label}`),
    );
    expect(found).toEqual([]);
    if (kind === 'keychain') {
      const { header } = parseVault(files.get('vault') ?? Buffer.alloc(0), dir);
      await testKeySources().keychain.forget(header.vaultId);
    }
  });
});
