import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createServices, type ServiceSet } from '../../../../electron/service/create-services.js';
import { pathRef, savePathRef } from '../../../../shared/contract/file-ref.js';
import { parseTalosconfig } from '../../../../shared/talosconfig/parse.js';
import { tempDir, testKeySources } from '../../vault/helpers.js';

const BUNDLE = new URL('../../../fixtures/talos/secrets-talos-stability-testdata.yaml', import.meta.url);

let dir: string;
let vault: ServiceSet['vault'];
let issuing: ServiceSet['issuing'];
let recipient: string;

beforeAll(async () => {
  dir = await tempDir('talcred-age-export-');
  ({ vault, issuing } = createServices({
    home: join(dir, 'home'),
    results: 'strict',
    env: {},
    keySources: testKeySources(),
    talosconfig: () => ({ path: join(dir, 'talosconfig'), readOnly: false, source: 'flag', exists: false }),
  }));
  await vault.init({ keySource: 'passphrase' });
  await issuing.importCa({ name: 'prod', source: { kind: 'yaml', file: pathRef(BUNDLE.pathname) } });
  await issuing.issue({ ca: 'prod', roles: ['os:reader'], endpoints: ['10.0.0.1'], store: true });
  execFileSync('age-keygen', ['-o', join(dir, 'key.txt')], { stdio: 'pipe' });
  recipient = execFileSync('age-keygen', ['-y', join(dir, 'key.txt')], { encoding: 'utf8' }).trim();
});

describe('age export', () => {
  it('writes an age file the age CLI opens, and logs where the certificate went', async () => {
    const path = join(dir, 'reader.age');
    const result = await issuing.exportAge({
      names: ['reader@prod'],
      output: savePathRef(path),
      recipients: [recipient],
    });
    expect(result).toEqual({ path, contexts: ['reader@prod'], encryption: 'age-recipients' });
    const plain = execFileSync('age', ['-d', '-i', join(dir, 'key.txt'), path], { encoding: 'utf8' });
    const config = parseTalosconfig(plain, path);
    expect(config.context).toBe('reader@prod');
    expect(config.contexts[0]?.endpoints).toEqual(['10.0.0.1']);
    const log = await issuing.log({});
    expect(log.entries[0]?.exportedTo).toEqual([path]);
  });

  it('encrypts with a passphrase and reads the file back', async () => {
    const path = join(dir, 'reader-pass.age');
    await issuing.exportAge({
      names: ['reader@prod'],
      output: savePathRef(path),
      passphrase: 'teammate secret',
    });
    const opened = await vault.inspectFile({
      source: { kind: 'file', file: pathRef(path), agePassphrase: 'teammate secret' },
    });
    expect(opened.contexts.map((c) => c.name)).toEqual(['reader@prod']);
    await expect(vault.inspectFile({ source: { kind: 'file', file: pathRef(path) } })).rejects.toMatchObject({
      code: 'passphrase-needed',
    });
    await expect(
      vault.inspectFile({ source: { kind: 'file', file: pathRef(path), agePassphrase: 'wrong' } }),
    ).rejects.toThrow('the passphrase is wrong');
  });

  it('refuses both or neither way of encrypting, and an existing file, writing nothing', async () => {
    const path = join(dir, 'never.age');
    const output = savePathRef(path);
    await expect(issuing.exportAge({ names: ['reader@prod'], output })).rejects.toThrow('one of the two');
    await expect(
      issuing.exportAge({ names: ['reader@prod'], output, recipients: [recipient], passphrase: 'x' }),
    ).rejects.toThrow('one of the two');
    expect(existsSync(path)).toBe(false);
    await expect(
      issuing.exportAge({
        names: ['reader@prod'],
        output: savePathRef(join(dir, 'key.txt')),
        recipients: [recipient],
      }),
    ).rejects.toMatchObject({ code: 'output-exists' });
  });
});

describe('reading age files', () => {
  it('opens a file made by the age CLI with an identity file, and leaves plain files alone', async () => {
    const plainPath = join(dir, 'plain.yaml');
    execFileSync(
      'sh',
      ['-c', `age -d -i key.txt reader.age > plain.yaml && age -r ${recipient} -o cli.age plain.yaml`],
      {
        cwd: dir,
      },
    );
    const opened = await vault.inspectFile({
      source: {
        kind: 'file',
        file: pathRef(join(dir, 'cli.age')),
        ageIdentities: [pathRef(join(dir, 'key.txt'))],
      },
    });
    const plain = await vault.inspectFile({ source: { kind: 'file', file: pathRef(plainPath) } });
    expect(opened.contexts).toEqual(plain.contexts);
    expect(parseTalosconfig(await readFile(plainPath, 'utf8'), plainPath).context).toBe(opened.current);
    await expect(
      vault.inspectFile({ source: { kind: 'file', file: pathRef(join(dir, 'cli.age')) } }),
    ).rejects.toMatchObject({ code: 'identity-needed' });
  });
});
