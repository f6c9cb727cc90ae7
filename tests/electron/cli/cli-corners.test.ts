import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rmdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseTalosconfig } from '../../../shared/talosconfig/parse.js';
import { oneErrorLine, requireBuiltCli, type CliSandbox } from '../../support/talcred-cli.js';
import { initVault, sandboxTracker } from '../../support/talcred-cli-steps.js';
import { ADMIN } from '../../support/talos-fixtures.js';

const sandboxFor = sandboxTracker();
beforeAll(requireBuiltCli);
afterEach(sandboxFor.cleanup);

async function vaultWithAdmin(): Promise<CliSandbox> {
  const sandbox = await sandboxFor('passphrase');
  await initVault(sandbox, 'passphrase', ADMIN);
  return sandbox;
}

describe('corners', () => {
  it('export -o - writes the talosconfig to standard output and warns on stderr, no file "-"', async () => {
    const sandbox = await vaultWithAdmin();
    const cwd = await mkdtemp(join(sandbox.root, 'cwd-'));
    const result = await sandbox.run(['export', 'no-roles', '-o', '-'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(parseTalosconfig(result.stdout, 'stdout').contexts.map((c) => c.name)).toEqual(['no-roles']);
    expect(result.stderr).toMatch(/^warning: .*private keys in plaintext/);
    expect(await readdir(cwd)).toEqual([]);
  });

  it('5,000 nested brackets give the depth message', async () => {
    const sandbox = await sandboxFor('passphrase');
    const path = join(sandbox.root, 'deep.yaml');
    await writeFile(path, `context: a\ncontexts:\n  a: ${'['.repeat(5000)}\n`);
    const result = await sandbox.run(['inspect', path]);
    expect(result.code).toBe(2);
    expect(oneErrorLine(result.stderr)).toMatch(/nested more than 64 levels deep/);
  });

  it('a deleted working folder is said in one line', async () => {
    const sandbox = await vaultWithAdmin();
    const cwd = await mkdtemp(join(sandbox.root, 'gone-'));
    // The folder goes away between the shell's cd and talcred's start, as when a terminal sits in a removed folder.
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const shell = spawn(
        'sh',
        [
          '-c',
          `cd "$0" && rmdir "$0" && exec "$1" "$2" --home "$3" list`,
          cwd,
          process.execPath,
          join(process.cwd(), 'bin/talcred.js'),
          sandbox.home,
        ],
        {
          env: sandbox.env,
        },
      );
      let stderr = '';
      shell.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      shell.on('close', (code) => {
        resolve({ code, stderr });
      });
    });
    expect(result.code).toBe(2);
    const line = oneErrorLine(result.stderr);
    expect(line).not.toMatch(/unexpected internal error/);
    expect(line).toMatch(/working folder/);
    await rmdir(cwd).catch(() => undefined);
  });
});
