import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LogResult } from '../../../shared/contract/issuing-contract.js';
import { createCsr } from '../../../electron/pki/csr.js';
import { writeFileAtomic } from '../../../electron/files/atomic-write.js';
import { FileError } from '../../../electron/files/file-error.js';
import { folderBytes, requireBuiltCli } from '../../support/talcred-cli.js';
import { bad, json, ok, sandboxTracker } from '../../support/talcred-cli-steps.js';
import { talcredIn, vaultWithIssuedContext } from './security-sandbox.js';

// A file talcred is asked to write goes together with a vault change (an issuance log entry, a stored
// context, a pending request). When the file cannot be written, the vault must not change either: the log
// would otherwise list a certificate nobody holds, or a destination that holds nothing.

const sandboxFor = sandboxTracker();
beforeAll(requireBuiltCli);
afterEach(sandboxFor.cleanup);

describe('an output that cannot be written changes nothing', () => {
  it('a folder given as -o FILE (even with --force), or a missing folder, leaves vault and disk as they were', async () => {
    const { sandbox } = await vaultWithIssuedContext(sandboxFor);
    const folder = join(sandbox.root, 'a-folder');
    await mkdir(folder);
    const csr = join(sandbox.root, 'ask.csr');
    await writeFile(csr, (await createCsr({ roles: ['os:reader'] })).csrPem);
    const recipient = execFileSync('age-keygen', ['-y'], {
      input: execFileSync('age-keygen', { stdio: ['ignore', 'pipe', 'ignore'] }),
      encoding: 'utf8',
    }).trim();
    const before = await folderBytes(sandbox.home);
    const rootBefore = (await readdir(sandbox.root)).sort();
    for (const out of [folder, join(sandbox.root, 'missing', 'out')]) {
      const cases: string[][] = [
        ['issue', '--ca', 'prod', '--roles', 'os:reader', '--store', '-o', out, '--force'],
        ['issue', '--ca', 'prod', '--roles', 'os:reader', '-o', out, '--force', '--age-recipient', recipient],
        ['sign', '--ca', 'prod', csr, '-o', out, '--force'],
        ['export', 'reader@prod', '-o', out, '--force'],
        ['export', 'reader@prod', '-o', out, '--force', '--age-recipient', recipient],
        ['request', '--roles', 'os:reader', '--name', 'pending', '-o', out, '--force'],
      ];
      for (const args of cases) {
        expect(await bad(sandbox, args), args.join(' ')).toMatch(
          out === folder ? /a-folder: cannot write: is a folder, not a file$/ : /no such file or folder$/,
        );
      }
    }
    expect(await folderBytes(sandbox.home)).toEqual(before);
    // No temp file of an abandoned write is left beside the targets.
    expect((await readdir(sandbox.root)).sort()).toEqual(rootBefore);
    expect(await readdir(folder)).toEqual([]);
  });

  it('writeFileAtomic refuses a folder before writing anything', async () => {
    const root = await mkdtemp(join(tmpdir(), 'talcred-atomic-folder-'));
    try {
      const folder = join(root, 'target');
      await mkdir(folder);
      const error = await writeFileAtomic(folder, 'secret').catch((reason: unknown) => reason);
      expect(error).toBeInstanceOf(FileError);
      expect((error as FileError).message).toBe(`${folder}: cannot write: is a folder, not a file`);
      expect((await stat(folder)).isDirectory()).toBe(true);
      expect(await readdir(root)).toEqual(['target']);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('the issuance log records where a plain export went as an absolute path', async () => {
    const { sandbox } = await vaultWithIssuedContext(sandboxFor);
    const work = join(sandbox.root, 'work');
    await mkdir(work);
    const run = await talcredIn(sandbox, work, ['export', 'reader@prod', '-o', 'for-alice.yaml']);
    expect(run.code, run.stderr).toBe(0);
    expect((await stat(join(work, 'for-alice.yaml'))).mode & 0o777).toBe(0o600);
    const log = await json<LogResult>(sandbox, ['log']);
    expect(log.entries[0]?.exportedTo).toContain(join(work, 'for-alice.yaml'));
    expect(log.entries[0]?.exportedTo).not.toContain('for-alice.yaml');
    await ok(sandbox, ['status']);
  });
});
