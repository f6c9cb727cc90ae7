import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { requireBuiltCli, talcredBin } from './talcred-cli.js';

/**
 * The real binary on plain talosconfig files (inspect, merge): each test gets a temp folder as its working
 * directory with a HOME inside it, so only the test decides which talosconfig resolves.
 */

export const text = (path: string): string => readFileSync(path, 'utf8');
export const mode = (path: string): number => statSync(path).mode & 0o777;
export const keys = (value: object): string[] => Object.keys(value).sort();

// talosctl's last resort (a Kubernetes pod's mount); where it exists, "nothing found" cannot be arranged.
export const podSecretExists = existsSync('/var/run/secrets/talos.dev/config');

export interface FileRunOptions {
  env?: Record<string, string>;
  input?: string | Buffer;
}

export interface FileRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface FileCli {
  /** The test's working directory (new for every test). */
  readonly dir: string;
  /** HOME of the child, inside `dir`. */
  readonly home: string;
  /** HOME is `home` and TALOSCONFIG/TALOS_HOME are cleared, so only the test decides what resolves. */
  readonly env: (extra?: Record<string, string>) => NodeJS.ProcessEnv;
  readonly run: (args: string[], options?: FileRunOptions) => FileRun;
}

/** Registers the per-test folders of one test file; read `dir` and `home` inside tests only. */
export function useFileCli(prefix: string): FileCli {
  const folders = { dir: '', home: '' };
  beforeAll(requireBuiltCli);
  beforeEach(() => {
    folders.dir = mkdtempSync(join(tmpdir(), prefix));
    folders.home = join(folders.dir, 'home');
    mkdirSync(folders.home);
  });
  afterEach(() => {
    rmSync(folders.dir, { recursive: true, force: true });
  });
  const env = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => {
    const cleared = new Set(['TALOSCONFIG', 'TALOS_HOME', 'TALCRED_DEBUG']);
    const inherited = Object.entries(process.env).filter(([name]) => !cleared.has(name));
    return { ...Object.fromEntries(inherited), HOME: folders.home, ...extra };
  };
  return {
    get dir() {
      return folders.dir;
    },
    get home() {
      return folders.home;
    },
    env,
    run: (args, options = {}) => {
      const result = spawnSync(process.execPath, [talcredBin, ...args], {
        cwd: folders.dir,
        encoding: 'utf8',
        env: env(options.env),
        input: options.input ?? '',
      });
      return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    },
  };
}

/** A failure a user caused: exit 2, one line naming the file, never a stack trace. */
export function expectOneLineError(result: FileRun, mentions: string): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^talcred: [^\n]+\n$/);
  expect(result.stderr).toContain(mentions);
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

/** The context blocks of a talosconfig written by talosctl (everything under `contexts:`). */
export function contextBlocks(path: string): string {
  return text(path).split('contexts:\n')[1] ?? '';
}
