import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  CLI_PASSPHRASE,
  folderBytes,
  requireBuiltCli,
  requireSecretService,
  type KeyMode,
} from '../../support/talcred-cli.js';
import { configAt, initVault, ok, sandboxTracker } from '../../support/talcred-cli-steps.js';

// Everything the real binary puts in the vault folder, after it has been handed every kind of credential
// it keeps: imported talosconfigs, cluster CA keys from secrets bundles, the key of a pending request and
// the key of a certificate it issued. None may be readable in any file, backups included.
const talos = fileURLToPath(new URL('../../fixtures/talos/', import.meta.url));
const talosconfigs = ['admin', 'futurerole', 'noroles'].map((name) =>
  join(talos, `talosconfig-${name}-2021.yaml`),
);
const bundles = [
  'secrets-talos-generate-testdata.yaml',
  'secrets-talos-stability-testdata.yaml',
  'secrets-tf-provider-v1.2-aescbc.yaml',
].map((name) => join(talos, name));

interface Form {
  label: string;
  bytes: Buffer;
}

// SEQUENCE { INTEGER 0, SEQUENCE { OID 1.3.101.112 }, OCTET STRING { OCTET STRING (32 bytes) } }
const ED25519_PKCS8_HEADER = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * A talosconfig/secrets field (base64 of PEM) as the file has it, as PEM, each PEM body line, and DER;
 * for an Ed25519 key also its bare 32-byte seed, raw, in hex and in base64.
 */
function fieldForms(label: string, base64: string): Form[] {
  const pem = Buffer.from(base64, 'base64').toString('utf8');
  expect(pem, label).toMatch(/^-----BEGIN /);
  const body = pem.split('\n').filter((line) => line !== '' && !line.startsWith('-----'));
  const der = Buffer.from(body.join(''), 'base64');
  const forms = [
    { label: `${label} base64`, bytes: Buffer.from(base64) },
    { label: `${label} PEM`, bytes: Buffer.from(pem) },
    ...body.map((line, index) => ({ label: `${label} PEM line ${index + 1}`, bytes: Buffer.from(line) })),
    { label: `${label} DER`, bytes: der },
  ];
  if (der.length === 48 && der.subarray(0, 16).equals(ED25519_PKCS8_HEADER)) {
    const seed = der.subarray(16);
    forms.push(
      { label: `${label} seed`, bytes: seed },
      { label: `${label} seed hex`, bytes: Buffer.from(seed.toString('hex')) },
      ...base64Cores(seed).map((core) => ({ label: `${label} seed base64`, bytes: Buffer.from(core) })),
    );
  }
  return forms;
}

/** The base64 characters that depend only on `bytes`, at each of the three alignments it can start at. */
function base64Cores(bytes: Buffer): string[] {
  return [0, 1, 2].map((shift) => {
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
    return encoded.slice(Math.ceil((8 * shift) / 6), Math.floor((8 * (shift + bytes.length)) / 6));
  });
}

/** Any private key in the clear, whatever key it is: PEM labels, their base64, Ed25519 PKCS#8's header. */
function anyKeyForms(): Form[] {
  const text = ['PRIVATE KEY', '-----BEGIN'].map((marker) => Buffer.from(marker));
  return [
    ...text.map((bytes) => ({ label: `"${bytes.toString()}"`, bytes })),
    ...text.flatMap((bytes) =>
      base64Cores(bytes).map((core) => ({
        label: `base64 of "${bytes.toString()}"`,
        bytes: Buffer.from(core),
      })),
    ),
    { label: 'Ed25519 PKCS#8 DER header', bytes: ED25519_PKCS8_HEADER },
    ...base64Cores(ED25519_PKCS8_HEADER).map((core) => ({
      label: 'base64 of the Ed25519 PKCS#8 header',
      bytes: Buffer.from(core),
    })),
  ];
}

async function talosconfigForms(path: string, label: string): Promise<Form[]> {
  const config = await configAt(path);
  return config.contexts.flatMap((context) =>
    (['ca', 'crt', 'key'] as const).flatMap((field) => fieldForms(`${label} ${field}`, context[field])),
  );
}

async function bundleForms(path: string, label: string): Promise<Form[]> {
  const secrets = parse(await readFile(path, 'utf8')) as { certs: { os: { crt: string; key: string } } };
  return [
    ...fieldForms(`${label} certs.os.crt`, secrets.certs.os.crt),
    ...fieldForms(`${label} certs.os.key`, secrets.certs.os.key),
  ];
}

function passphraseForms(): Form[] {
  const bytes = Buffer.from(CLI_PASSPHRASE);
  return [
    { label: 'passphrase', bytes },
    ...base64Cores(bytes).map((core) => ({ label: 'base64 of the passphrase', bytes: Buffer.from(core) })),
  ];
}

/** `file: form` for every form found in every file. */
function leaks(files: Map<string, Buffer>, forms: readonly Form[]): string[] {
  return [...files].flatMap(([name, bytes]) =>
    forms.filter((form) => bytes.includes(form.bytes)).map((form) => `${name}: ${form.label}`),
  );
}

const sandboxFor = sandboxTracker();
beforeAll(requireBuiltCli);
afterEach(sandboxFor.cleanup);

describe.each<KeyMode>(['passphrase', 'keychain'])('a %s vault written by talcred', (mode) => {
  it('holds no credential it was given or made in any readable form, in the vault or a backup', async () => {
    if (mode === 'keychain') requireSecretService();
    const sandbox = await sandboxFor(mode);
    const out = (name: string) => join(sandbox.root, name);

    await initVault(sandbox, mode, ...talosconfigs);
    for (const [index, bundle] of bundles.entries()) {
      await ok(sandbox, ['ca', 'import', '--name', `cluster-${index}`, '--secrets', bundle]);
    }
    await ok(sandbox, ['request', '--roles', 'os:reader', '--name', 'pending', '-o', out('pending.csr')]);
    await ok(sandbox, ['issue', '--ca', 'cluster-0', '--roles', 'os:reader', '--name', 'issued', '--store']);
    await ok(sandbox, ['label', 'issued', 'team=ops']);
    await ok(sandbox, ['endpoints', 'issued', '10.9.0.1']);
    // The issued key exists only inside the vault: an export is how this test learns it.
    await ok(sandbox, ['export', 'issued', '-o', out('issued.yaml')]);
    const withPending = await folderBytes(sandbox.home);
    expect([...withPending.keys()]).toEqual(
      expect.arrayContaining(['vault', 'vault.bak1', 'vault.bak2', 'vault.bak3']),
    );

    // Completing the request and exporting it reveals the pending key, to look for in the files from before.
    await ok(sandbox, ['sign', '--ca', 'cluster-1', out('pending.csr'), '-o', out('pending.pem')]);
    await ok(sandbox, ['accept', out('pending.pem')]);
    await ok(sandbox, ['export', 'pending', '-o', out('pending.yaml')]);
    const afterAccept = await folderBytes(sandbox.home);

    const credentials = [
      ...(
        await Promise.all(talosconfigs.map((path, index) => talosconfigForms(path, `talosconfig ${index}`)))
      ).flat(),
      ...(await Promise.all(bundles.map((path, index) => bundleForms(path, `bundle ${index}`)))).flat(),
      ...(await talosconfigForms(out('issued.yaml'), 'issued')),
    ];
    const pending = await talosconfigForms(out('pending.yaml'), 'pending');
    const forms = [...credentials, ...pending, ...anyKeyForms(), ...passphraseForms()];
    // The search itself finds them where they are in the clear: the exported talosconfig.
    const exported = new Map([['pending.yaml', await readFile(out('pending.yaml'))]]);
    expect(leaks(exported, forms)).toEqual(
      expect.arrayContaining([
        'pending.yaml: pending key base64',
        'pending.yaml: base64 of "-----BEGIN"',
        'pending.yaml: base64 of "PRIVATE KEY"',
      ]),
    );
    expect(leaks(withPending, forms)).toEqual([]);
    expect(leaks(afterAccept, forms)).toEqual([]);
  });
});
