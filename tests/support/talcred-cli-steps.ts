import { readFile } from 'node:fs/promises';
import { expect } from 'vitest';
import type { TalosConfig, TalosContext } from '../../shared/talosconfig/model.js';
import { parseTalosconfig } from '../../shared/talosconfig/parse.js';
import {
  clearKeychainEntry,
  cliSandbox,
  oneErrorLine,
  removeSandbox,
  vaultIdOf,
  type CliSandbox,
  type KeyMode,
} from './talcred-cli.js';

/** Steps of the CLI tests: a command that must succeed, print JSON, or fail with exit 2 and one line. */

/** Sandboxes made during a test, removed (with their keychain entries) after it. */
export function sandboxTracker(): ((mode: KeyMode) => Promise<CliSandbox>) & {
  cleanup: () => Promise<void>;
} {
  const sandboxes: CliSandbox[] = [];
  const make = async (mode: KeyMode) => {
    const sandbox = await cliSandbox(mode);
    sandboxes.push(sandbox);
    return sandbox;
  };
  const cleanup = async () => {
    for (const sandbox of sandboxes.splice(0)) {
      const id = await vaultIdOf(sandbox.vaultPath).catch(() => null);
      if (id !== null && process.env.TALCRED_TEST_SECRET_SERVICE === '1') {
        try {
          clearKeychainEntry(id);
        } catch {
          // a passphrase vault has no entry
        }
      }
      await removeSandbox(sandbox);
    }
  };
  return Object.assign(make, { cleanup });
}

export async function ok(sandbox: CliSandbox, args: string[], input?: string) {
  const result = await sandbox.run(args, input === undefined ? {} : { input });
  expect(result.code, `talcred ${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result;
}

export async function json<T>(sandbox: CliSandbox, args: string[], input?: string): Promise<T> {
  return JSON.parse((await ok(sandbox, [...args, '--json'], input)).stdout) as T;
}

/** Exit 2 with one clear line on stderr; returns that line. */
export async function bad(sandbox: CliSandbox, args: string[], env: Record<string, string | undefined> = {}) {
  const result = await sandbox.run(args, { env });
  expect(result.code, `talcred ${args.join(' ')}: ${result.stdout}`).toBe(2);
  return oneErrorLine(result.stderr);
}

export async function initVault(sandbox: CliSandbox, mode: KeyMode, ...imports: string[]): Promise<void> {
  await ok(sandbox, mode === 'passphrase' ? ['init', '--passphrase'] : ['init']);
  if (imports.length > 0) await ok(sandbox, ['import', ...imports]);
}

export async function configAt(path: string): Promise<TalosConfig> {
  return parseTalosconfig(await readFile(path, 'utf8'), path);
}

export async function fixtureContext(path: string): Promise<TalosContext> {
  const [context] = (await configAt(path)).contexts;
  if (!context) throw new Error(`${path} has no context`);
  return context;
}

export interface Item {
  name: string;
  current: boolean;
  endpoints: string[];
  nodes: string[];
  labels: Record<string, string>;
  lastUsed: string | null;
  source: string;
  importedAt: string;
  cert: { serial: string } | null;
}

export const names = async (sandbox: CliSandbox) =>
  (await json<Item[]>(sandbox, ['list'])).map((item) => item.name);
