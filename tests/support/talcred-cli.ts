import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The real `talcred` binary, spawned as a user runs it, each test in its own folders: a vault home, a
 * talosctl config path and a HOME of its own, so nothing on the machine running the tests is read or
 * written. `npm test` builds dist/ before vitest starts.
 */

/** TALCRED_TEST_BIN runs the same tests against another build of the binary (a copy, an installed one). */
export const talcredBin =
  process.env.TALCRED_TEST_BIN ?? fileURLToPath(new URL('../../bin/talcred.js', import.meta.url));
const builtCli = join(dirname(talcredBin), '..', 'dist', 'cli', 'main.js');

export type KeyMode = 'passphrase' | 'keychain';

export const CLI_PASSPHRASE = 'correct horse battery staple';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliSandbox {
  root: string;
  /** `--home`: the vault folder (not created: `talcred init` makes it). */
  home: string;
  vaultPath: string;
  /** `$TALOSCONFIG`, in a folder that does not exist yet. */
  talosconfig: string;
  env: NodeJS.ProcessEnv;
  /** `talcred --home <home> ARGS...` with this sandbox's environment. */
  run(args: readonly string[], options?: RunOptions): Promise<CliResult>;
}

export interface RunOptions {
  /** Written to standard input (otherwise it is empty and not a terminal). */
  input?: string;
  /** Replaces variables of the sandbox's environment; `undefined` removes one. */
  env?: Record<string, string | undefined>;
  /** Working folder of the process (relative paths on the command line resolve against it). */
  cwd?: string;
}

export function requireBuiltCli(): void {
  if (!existsSync(builtCli)) throw new Error('dist/cli is not built: run `npm run build` first');
}

/** Environment variables of the test runner that would point talcred or talosctl at real files. */
const leaking = ['TALCRED_HOME', 'TALCRED_PASSPHRASE', 'TALOSCONFIG', 'TALOS_HOME', 'TALCRED_DEBUG'];

export async function cliSandbox(mode: KeyMode, prefix = 'talcred-cli-'): Promise<CliSandbox> {
  const root = await mkdtemp(join(tmpdir(), prefix));
  const home = join(root, 'vault-home');
  const userHome = join(root, 'user');
  await mkdir(userHome, { mode: 0o700 });
  const env: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !leaking.includes(name)),
  );
  env.HOME = userHome;
  const talosconfig = join(root, 'talos', 'config');
  env.TALOSCONFIG = talosconfig;
  if (mode === 'passphrase') env.TALCRED_PASSPHRASE = CLI_PASSPHRASE;
  return {
    root,
    home,
    vaultPath: join(home, 'vault'),
    talosconfig,
    env,
    run: (args, options = {}) =>
      runTalcred(['--home', home, ...args], { ...options, env: { ...env, ...options.env } }),
  };
}

export function runTalcred(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  const env = Object.fromEntries(
    Object.entries(options.env ?? process.env).filter(([, value]) => value !== undefined),
  );
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [talcredBin, ...args], {
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** The vault id from the vault file's plaintext header line (line 2: one JSON object). */
export async function vaultIdOf(vaultPath: string): Promise<string> {
  const header = (await readFile(vaultPath, 'utf8')).split('\n')[1] ?? '';
  const { vaultId } = JSON.parse(header) as { vaultId?: unknown };
  if (typeof vaultId !== 'string') throw new Error(`${vaultPath}: no vault id in the header`);
  return vaultId;
}

/**
 * The keychain entry of a vault, read with libsecret's own `secret-tool`. @napi-rs/keyring stores the
 * account under the attribute `username` (the keyring crate's name for it), not `account`.
 */
export function keychainEntry(vaultId: string): string | null {
  const result = spawnSync(
    'secret-tool',
    ['lookup', 'service', 'talos-credential-manager', 'username', vaultId],
    { encoding: 'utf8' },
  );
  return result.status === 0 && result.stdout !== '' ? result.stdout : null;
}

export function clearKeychainEntry(vaultId: string): void {
  const result = spawnSync(
    'secret-tool',
    ['clear', 'service', 'talos-credential-manager', 'username', vaultId],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`secret-tool clear failed: ${result.stderr}`);
}

/** Every file of a folder with its bytes: "nothing on disk changed" compares two of these. */
export async function folderBytes(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  if (!existsSync(dir)) return files;
  for (const name of (await readdir(dir)).sort()) files.set(name, await readFile(join(dir, name)));
  return files;
}

export async function removeSandbox(sandbox: CliSandbox): Promise<void> {
  await rm(sandbox.root, { recursive: true, force: true });
}

/** One clear line on stderr: `talcred: …`, no stack trace. */
export function oneErrorLine(stderr: string): string {
  const lines = stderr.trimEnd().split('\n');
  if (lines.length !== 1 || !lines[0]?.startsWith('talcred: ') || /\n\s+at /.test(stderr)) {
    throw new Error(`expected one "talcred: …" line on stderr, got:\n${stderr}`);
  }
  return lines[0];
}

/** Keychain tests need the private Secret Service that `node scripts/run-tests.mjs` starts. */
export function requireSecretService(): void {
  if (process.env.TALCRED_TEST_SECRET_SERVICE !== '1') {
    throw new Error(
      'These tests talk to a real Secret Service: run them through `node scripts/run-tests.mjs` ' +
        '(a private D-Bus session with an unlocked gnome-keyring).',
    );
  }
}
