import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { parse } from 'yaml';
import type { TalosContext } from '../../../shared/talosconfig/model.js';
import {
  emptyVaultDocument,
  type VaultContext,
  type VaultDocument,
} from '../../../shared/vault/vault-document.js';
import { createKeychainKeySource } from '../../../electron/vault/keychain.js';
import type { KeySources } from '../../../electron/vault/key-source.js';
import { createPassphraseKeySource, type ScryptCost } from '../../../electron/vault/passphrase.js';

/** Cheap scrypt for tests that open vaults hundreds of times; the default cost has its own test. */
export const TEST_SCRYPT_COST: ScryptCost = { N: 2 ** 10, r: 8, p: 1 };
export const TEST_PASSPHRASE = 'correct horse battery staple';

export function testKeySources(passphrase = TEST_PASSPHRASE): KeySources {
  return {
    keychain: createKeychainKeySource(),
    passphrase: createPassphraseKeySource({
      getPassphrase: () => Promise.resolve(passphrase),
      cost: TEST_SCRYPT_COST,
    }),
  };
}

export async function tempDir(prefix = 'talcred-vault-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export function vaultContext(name: string, note = ''): VaultContext {
  return {
    context: { name, endpoints: ['10.5.0.2'], nodes: [], ca: '', crt: '', key: '', extra: [] },
    meta: { source: 'test', importedAt: '2024-01-01T00:00:00.000Z', lastUsed: null, labels: {}, note },
  };
}

export function documentWith(...names: string[]): VaultDocument {
  return { ...emptyVaultDocument(), contexts: names.map((name) => vaultContext(name)) };
}

/** The real Talos fixture (tests/fixtures/talos/README.md): an Ed25519 admin context, 2021. */
export async function fixtureContext(): Promise<TalosContext> {
  const text = await readFile(
    new URL('../../fixtures/talos/talosconfig-admin-2021.yaml', import.meta.url),
    'utf8',
  );
  const config = parse(text) as {
    contexts: Record<string, { endpoints: string[]; nodes: string[]; ca: string; crt: string; key: string }>;
  };
  const [name, raw] = Object.entries(config.contexts)[0] ?? [];
  if (name === undefined || raw === undefined) throw new Error('fixture has no context');
  return {
    name,
    endpoints: raw.endpoints,
    nodes: raw.nodes,
    ca: raw.ca,
    crt: raw.crt,
    key: raw.key,
    extra: [],
  };
}

/** Every file in a folder (vault, backups, damaged copies, anything left behind). */
export async function allFileBytes(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const name of (await readdir(dir)).sort()) files.set(name, await readFile(join(dir, name)));
  return files;
}

/** Keychain tests need the private Secret Service that `npm test` starts (scripts/run-tests.mjs). */
export function requireSecretService(): void {
  if (process.env.TALCRED_TEST_SECRET_SERVICE !== '1') {
    throw new Error(
      'These tests talk to a real Secret Service: run them through `npm test` or ' +
        '`node scripts/run-tests.mjs tests/electron/vault` (a private D-Bus session with an unlocked gnome-keyring).',
    );
  }
}

/**
 * Child processes must run the REAL vault code, so the driver (vault-driver.ts) is bundled with esbuild.
 * The bundle lives under node_modules/.cache so its external packages (zod, @napi-rs/keyring) resolve.
 */
export async function bundleDriver(): Promise<{ path: string; cleanup: () => Promise<void> }> {
  const cache = join(process.cwd(), 'node_modules', '.cache');
  await mkdir(cache, { recursive: true });
  const dir = await mkdtemp(join(cache, 'talcred-vault-driver-'));
  const path = join(dir, 'vault-driver.mjs');
  await build({
    entryPoints: [new URL('./vault-driver.ts', import.meta.url).pathname],
    outfile: path,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  return { path, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export interface DriverWorkspace {
  /** A temp folder for the file's vaults. */
  readonly root: string;
  /** The bundled vault-driver.mjs. */
  readonly driverPath: string;
  /** The environment of driver processes: the test passphrase. */
  readonly env: NodeJS.ProcessEnv;
}

/** A temp folder and the bundled driver for one test file: made before its tests, removed after them. */
export function useDriverWorkspace(): DriverWorkspace {
  const made = { root: '', driverPath: '', cleanup: () => Promise.resolve() };
  beforeAll(async () => {
    made.root = await tempDir();
    const driver = await bundleDriver();
    made.driverPath = driver.path;
    made.cleanup = driver.cleanup;
  });
  afterAll(async () => {
    await made.cleanup();
    await rm(made.root, { recursive: true, force: true });
  });
  return {
    get root() {
      return made.root;
    },
    get driverPath() {
      return made.driverPath;
    },
    env: { ...process.env, TALCRED_PASSPHRASE: TEST_PASSPHRASE },
  };
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** The driver prints one JSON object per line; errors as `{"error":{"code","message"}}`. */
export function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
