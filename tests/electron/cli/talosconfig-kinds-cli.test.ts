import { spawn, spawnSync } from 'node:child_process';
import { chmod, lstat, mkdir, readFile, readlink, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { dirname, join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { folderBytes, requireBuiltCli, talcredBin, type CliSandbox } from '../../support/talcred-cli.js';
import { initVault, json, ok, sandboxTracker } from '../../support/talcred-cli-steps.js';
import { ADMIN } from '../../support/talos-fixtures.js';

const sandboxFor = sandboxTracker();
beforeAll(requireBuiltCli);
afterEach(sandboxFor.cleanup);

interface Outcome {
  code: number | null;
  stderr: string;
  hung: boolean;
}

/** Runs talcred, killing it when it has not ended within `ms` (a FIFO must not hang a command). */
function runWithin(sandbox: CliSandbox, args: string[], ms = 8000): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [talcredBin, '--home', sandbox.home, ...args], {
      env: sandbox.env,
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    let hung = false;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, ms);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, hung });
    });
    child.stdin.end();
  });
}

/** A vault holding the admin fixture context, whose name `use` switches to. */
async function vaultWithContext(): Promise<{ sandbox: CliSandbox; name: string }> {
  const sandbox = await sandboxFor('passphrase');
  await initVault(sandbox, 'passphrase', ADMIN);
  const [item] = await json<{ name: string }[]>(sandbox, ['list']);
  if (item === undefined) throw new Error('no context imported');
  await mkdir(dirname(sandbox.talosconfig), { recursive: true, mode: 0o700 });
  return { sandbox, name: item.name };
}

function expectRefused(outcome: Outcome, path: string, kind: RegExp): void {
  expect(outcome.hung, 'the command hung').toBe(false);
  expect(outcome.code, outcome.stderr).toBe(2);
  const lines = outcome.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(path);
  expect(lines[0]).toMatch(kind);
}

const kindOf = async (path: string) => {
  const info = await lstat(path);
  if (info.isFIFO()) return 'fifo';
  if (info.isSocket()) return 'socket';
  if (info.isCharacterDevice()) return 'device';
  if (info.isSymbolicLink()) return 'symlink';
  if (info.isDirectory()) return 'folder';
  return 'file';
};

describe('talosctl’s file is a regular file or missing; anything else is refused at once', () => {
  it('a FIFO: use, lock, status, inspect, merge and init --import each refuse it, naming it, and change nothing', async () => {
    const { sandbox, name } = await vaultWithContext();
    spawnSync('mkfifo', [sandbox.talosconfig]);
    const before = await folderBytes(sandbox.home);
    for (const args of [['use', name], ['lock'], ['status'], ['inspect'], ['merge', ADMIN]]) {
      expectRefused(await runWithin(sandbox, args), sandbox.talosconfig, /FIFO/);
    }
    expect(await kindOf(sandbox.talosconfig)).toBe('fifo');
    expect(await folderBytes(sandbox.home)).toEqual(before);

    const fresh = await sandboxFor('passphrase');
    await mkdir(dirname(fresh.talosconfig), { recursive: true });
    spawnSync('mkfifo', [fresh.talosconfig]);
    expectRefused(await runWithin(fresh, ['init', '--passphrase', '--import']), fresh.talosconfig, /FIFO/);
    expect(await folderBytes(fresh.home)).toEqual(new Map());
  });

  it('a FIFO with a writer is not read and replaced by a regular file', async () => {
    const { sandbox, name } = await vaultWithContext();
    spawnSync('mkfifo', [sandbox.talosconfig]);
    const writer = spawn('sh', ['-c', `cat "${ADMIN}" > "${sandbox.talosconfig}"`], { stdio: 'ignore' });
    try {
      expectRefused(await runWithin(sandbox, ['use', name]), sandbox.talosconfig, /FIFO/);
      expect(await kindOf(sandbox.talosconfig)).toBe('fifo');
    } finally {
      writer.kill('SIGKILL');
    }
  });

  it('a symlink to /proc/self/fd/0 (standard input) is refused and the link kept', async () => {
    const { sandbox, name } = await vaultWithContext();
    await symlink('/proc/self/fd/0', sandbox.talosconfig);
    // Node gives a child's standard input as a socket pair; a shell pipe would be a FIFO.
    expectRefused(await runWithin(sandbox, ['use', name]), sandbox.talosconfig, /a socket|a FIFO/);
    expect(await readlink(sandbox.talosconfig)).toBe('/proc/self/fd/0');
  });

  it('a socket and a folder are refused, naming what they are', async () => {
    const { sandbox, name } = await vaultWithContext();
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(sandbox.talosconfig, resolve));
    try {
      expectRefused(await runWithin(sandbox, ['use', name]), sandbox.talosconfig, /socket/);
      expect(await kindOf(sandbox.talosconfig)).toBe('socket');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    await mkdir(sandbox.talosconfig);
    expectRefused(await runWithin(sandbox, ['use', name]), sandbox.talosconfig, /folder/);
  });

  it('a device node is refused and left in place', async (context) => {
    const { sandbox, name } = await vaultWithContext();
    // A private copy of /dev/null (character device 1:3): the real one must never be at stake.
    if (spawnSync('mknod', [sandbox.talosconfig, 'c', '1', '3']).status !== 0) {
      context.skip('mknod is not permitted here (needs root outside a restricted container)');
    }
    for (const args of [['use', name], ['status']]) {
      expectRefused(await runWithin(sandbox, args), sandbox.talosconfig, /device/);
    }
    expect(await kindOf(sandbox.talosconfig)).toBe('device');
  });

  it('a symlink to a regular file is written through and the link kept', async () => {
    const { sandbox, name } = await vaultWithContext();
    const real = join(sandbox.root, 'dotfiles', 'talosconfig');
    await mkdir(dirname(real), { recursive: true });
    await writeFile(real, await readFile(ADMIN));
    await symlink(real, sandbox.talosconfig);
    await ok(sandbox, ['use', name]);
    expect(await readlink(sandbox.talosconfig)).toBe(real);
    expect(await readFile(real, 'utf8')).toContain(`context: ${name}`);
  });
});

describe('modes of talosctl’s file and folder', () => {
  it('use makes the missing folder 0700 and the file 0600', async () => {
    const { sandbox, name } = await vaultWithContext();
    const nested = join(sandbox.root, 'new', 'talos', 'config');
    await ok(sandbox, ['--talosconfig', nested, 'use', name]);
    for (const folder of [dirname(nested), dirname(dirname(nested))])
      expect((await lstat(folder)).mode & 0o777).toBe(0o700);
    expect((await lstat(nested)).mode & 0o777).toBe(0o600);
  });

  it('status warns when the file or its folder can be read by group or others', async () => {
    const { sandbox, name } = await vaultWithContext();
    await ok(sandbox, ['use', name]);
    expect((await json<{ warnings: unknown[] }>(sandbox, ['status'])).warnings).toEqual([]);
    await chmod(sandbox.talosconfig, 0o644);
    await chmod(dirname(sandbox.talosconfig), 0o755);
    const status = await json<{ warnings: { code: string; message: string }[] }>(sandbox, ['status']);
    expect(status.warnings.map((warning) => warning.code)).toEqual([
      'talosconfig-readable-by-others',
      'talosconfig-folder-readable-by-others',
    ]);
    expect(status.warnings[0]?.message).toContain(sandbox.talosconfig);
    const text = (await ok(sandbox, ['status'])).stdout;
    expect(text).toMatch(/^warning +.*0644/m);
    expect(text).toMatch(new RegExp(`^warning +${dirname(sandbox.talosconfig)}.*0755`, 'm'));
  });
});
