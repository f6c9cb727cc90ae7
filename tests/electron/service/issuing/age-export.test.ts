import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportAge, readAgeTalosconfig } from '../../../../electron/service/issuing/age-export.js';
import {
  createIssuingService,
  type IssuingService,
} from '../../../../electron/service/issuing/issuing-service.js';
import { createVaultService, type VaultService } from '../../../../electron/service/vault-service.js';
import { parseTalosconfig } from '../../../../shared/talosconfig/parse.js';
import { tempDir, testKeySources } from '../../vault/helpers.js';

const BUNDLE = new URL('../../../fixtures/talos/secrets-talos-stability-testdata.yaml', import.meta.url);

let dir: string;
let vault: VaultService;
let issuing: IssuingService;
let recipient: string;

beforeAll(async () => {
  dir = await tempDir('talcred-age-export-');
  vault = createVaultService({
    home: join(dir, 'home'),
    keySources: testKeySources(),
    talosconfig: () => ({ path: join(dir, 'talosconfig'), readOnly: false, source: 'flag', exists: false }),
    now: () => new Date(),
  });
  await vault.init({ keySource: 'passphrase' });
  issuing = createIssuingService(vault.deps);
  await issuing.importCa({ name: 'prod', source: { kind: 'yaml', path: BUNDLE.pathname } });
  await issuing.issue({ ca: 'prod', roles: ['os:reader'], endpoints: ['10.0.0.1'], store: true });
  execFileSync('age-keygen', ['-o', join(dir, 'key.txt')], { stdio: 'pipe' });
  recipient = execFileSync('age-keygen', ['-y', join(dir, 'key.txt')], { encoding: 'utf8' }).trim();
});

describe('age export', () => {
  it('writes an age file the age CLI opens, and logs where the certificate went', async () => {
    const path = join(dir, 'reader.age');
    const result = await issuing.exportAge({ names: ['reader@prod'], path, recipients: [recipient] });
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
    await exportAge(vault.deps, {
      names: ['reader@prod'],
      path,
      overwrite: false,
      recipients: [],
      passphrase: 'teammate secret',
    });
    const text = await readAgeTalosconfig(path, {
      identityFiles: [],
      passphrase: () => Promise.resolve('teammate secret'),
    });
    expect(parseTalosconfig(text ?? '', path).contexts.map((c) => c.name)).toEqual(['reader@prod']);
    await expect(
      readAgeTalosconfig(path, { identityFiles: [], passphrase: () => Promise.resolve('wrong') }),
    ).rejects.toThrow('the passphrase is wrong');
  });

  it('refuses both or neither way of encrypting, and an existing file, writing nothing', async () => {
    const path = join(dir, 'never.age');
    await expect(issuing.exportAge({ names: ['reader@prod'], path })).rejects.toThrow('one of the two');
    await expect(
      issuing.exportAge({ names: ['reader@prod'], path, recipients: [recipient], passphrase: 'x' }),
    ).rejects.toThrow('one of the two');
    expect(existsSync(path)).toBe(false);
    await expect(
      issuing.exportAge({ names: ['reader@prod'], path: join(dir, 'key.txt'), recipients: [recipient] }),
    ).rejects.toThrow('already exists');
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
    const text = await readAgeTalosconfig(join(dir, 'cli.age'), {
      identityFiles: [join(dir, 'key.txt')],
      passphrase: () => Promise.reject(new Error('must not be asked')),
    });
    expect(text).toBe(await readFile(plainPath, 'utf8'));
    expect(
      await readAgeTalosconfig(plainPath, { identityFiles: [], passphrase: () => Promise.resolve('') }),
    ).toBeNull();
    await expect(
      readAgeTalosconfig(join(dir, 'cli.age'), { identityFiles: [], passphrase: () => Promise.resolve('') }),
    ).rejects.toThrow('give the identity file');
  });
});
