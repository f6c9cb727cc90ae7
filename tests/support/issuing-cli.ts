import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect } from 'vitest';
import { parseTalosconfig } from '../../shared/talosconfig/parse.js';
import type { TalosConfig } from '../../shared/talosconfig/model.js';
import { requireBuiltCli, talcredBin } from './talcred-cli.js';

/** The real binary over one passphrase vault in a temp --home, with the real openssl and age CLIs. */

export const fixtures = fileURLToPath(new URL('../fixtures/talos/', import.meta.url));
export const bundles = [
  'secrets-talos-generate-testdata.yaml',
  'secrets-talos-stability-testdata.yaml',
  'secrets-tf-provider-v1.2-aescbc.yaml',
];

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export interface IssuingVault {
  /** The working directory of every command (relative paths resolve here). */
  readonly dir: string;
  readonly talcred: (...args: string[]) => Promise<Run>;
  /** Async, so a TLS test server in this process keeps answering while the binary runs. */
  readonly talcredEnv: (env: Record<string, string>, ...args: string[]) => Promise<Run>;
  readonly json: <T>(...args: string[]) => Promise<T>;
  readonly tool: (command: string, args: string[], input?: string) => { ok: boolean; output: string };
}

/** One vault for the whole test file; with `importBundles`, the OS CAs of the bundles as c0, c1, c2. */
export function useIssuingVault(options: { importBundles: boolean }): IssuingVault {
  const folder = { dir: '' };
  const talcredEnv = (env: Record<string, string>, ...args: string[]): Promise<Run> =>
    new Promise((resolve) => {
      execFile(
        process.execPath,
        [talcredBin, '--home', join(folder.dir, 'home'), ...args],
        {
          cwd: folder.dir,
          env: { ...process.env, TALCRED_PASSPHRASE: 'test passphrase', ...env },
          encoding: 'utf8',
        },
        (error, stdout, stderr) => {
          const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
          resolve({ code, stdout, stderr });
        },
      );
    });
  const talcred = (...args: string[]) => talcredEnv({}, ...args);
  const vault: IssuingVault = {
    get dir() {
      return folder.dir;
    },
    talcred,
    talcredEnv,
    json: async <T>(...args: string[]): Promise<T> => {
      const run = await talcred(...args, '--json');
      expect(run.stderr).not.toContain('talcred:');
      return JSON.parse(run.stdout) as T;
    },
    tool: (command, args, input) => {
      try {
        const output = execFileSync(command, args, {
          cwd: folder.dir,
          encoding: 'utf8',
          stdio: 'pipe',
          ...(input === undefined ? {} : { input }),
        });
        return { ok: true, output };
      } catch (error) {
        const failure = error as { stdout?: string; stderr?: string };
        return { ok: false, output: `${failure.stdout ?? ''}${failure.stderr ?? ''}` };
      }
    },
  };
  beforeAll(async () => {
    requireBuiltCli();
    folder.dir = await mkdtemp(join(tmpdir(), 'talcred-issuing-cli-'));
    expect((await talcred('init', '--passphrase')).code).toBe(0);
    if (!options.importBundles) return;
    for (const [index, bundle] of bundles.entries()) {
      const run = await talcred('ca', 'import', '--name', `c${index}`, '--secrets', join(fixtures, bundle));
      expect(run.code, run.stderr).toBe(0);
    }
  });
  afterAll(async () => {
    await rm(folder.dir, { recursive: true, force: true });
  });
  return vault;
}

export function pemOf(base64: string): string {
  return Buffer.from(base64, 'base64').toString('latin1');
}

export async function readConfig(path: string): Promise<TalosConfig> {
  return parseTalosconfig(await readFile(path, 'utf8'), path);
}
