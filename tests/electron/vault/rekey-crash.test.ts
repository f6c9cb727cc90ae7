import { spawn } from 'node:child_process';
import { existsSync, watch } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createKeychainKeySource } from '../../../electron/vault/keychain.js';
import type { KeySources } from '../../../electron/vault/key-source.js';
import { createPassphraseKeySource } from '../../../electron/vault/passphrase.js';
import { context, talosconfigText } from '../service/service-harness.js';
import { keychainEntry, requireBuiltCli, talcredBin, vaultIdOf } from '../../support/talcred-cli.js';
import { initVault, ok, sandboxTracker } from '../../support/talcred-cli-steps.js';
import { seededRandom, testSeed } from '../../support/seed.js';
import { requireSecretService } from './helpers.js';
import { GENERATION_FILES, openWithOneKey } from './one-key.js';

const make = sandboxTracker();
afterAll(() => make.cleanup());

const keySources: KeySources = {
  keychain: createKeychainKeySource(),
  passphrase: createPassphraseKeySource({ getPassphrase: () => Promise.reject(new Error('not used')) }),
};

/**
 * Runs `talcred rekey` and SIGKILLs it `delayMs` after it starts, or (`fromStaging`) after it begins
 * writing the new generation: process start-up is most of a command's time, and would otherwise take most
 * of the kills. Reports how long after that the rekey ended when it was not killed.
 */
function rekeyKilledAfter(home: string, env: NodeJS.ProcessEnv, delayMs: number, fromStaging: boolean) {
  return new Promise<{ killed: boolean; code: number | null; stderr: string; stagedFor: number | null }>(
    (resolve, reject) => {
      const child = spawn(process.execPath, [talcredBin, '--home', home, 'rekey'], {
        env,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      let stagedAt: number | null = null;
      let timer: NodeJS.Timeout | undefined;
      const arm = () => (timer = setTimeout(() => child.kill('SIGKILL'), delayMs));
      const watcher = watch(home, (_event, name) => {
        if (stagedAt !== null || name?.startsWith('.vault.rekey.') !== true) return;
        stagedAt = performance.now();
        if (fromStaging) arm();
      });
      if (!fromStaging) arm();
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        watcher.close();
        const stagedFor = stagedAt === null ? null : performance.now() - stagedAt;
        resolve({ killed: signal === 'SIGKILL', code, stderr, stagedFor });
      });
    },
  );
}

/** Vault ids an interrupted rekey meant to move to, from whatever record it left in the vault folder. */
async function pendingVaultIds(home: string): Promise<string[]> {
  const ids: string[] = [];
  for (const name of await readdir(home)) {
    const plan = join(home, name, 'plan.json');
    if (!existsSync(plan)) continue;
    try {
      ids.push((JSON.parse(await readFile(plan, 'utf8')) as { to: { vaultId: string } }).to.vaultId);
    } catch {
      // cut short by the kill: its key was not made yet
    }
  }
  return ids;
}

describe('`talcred rekey` killed at random points (SIGKILL)', () => {
  it('one key opens the vault and every backup at every kill; the next command completes or rolls back', async () => {
    requireSecretService();
    requireBuiltCli();
    const seed = testSeed();
    process.stdout.write(
      `rekey-crash.test: kill delays from seed ${seed} (TALCRED_TEST_SEED=${seed} replays them)\n`,
    );
    const random = seededRandom(seed);
    const sandbox = await make('keychain');
    await initVault(sandbox, 'keychain');
    // Four imports: the vault and three backups, each large enough that writing them takes a while.
    for (const round of [1, 2, 3, 4]) {
      const file = join(sandbox.root, `batch-${round}.yaml`);
      const batch = Array.from({ length: 60 }, (_, index) => context(`r${round}-${index}`));
      await writeFile(file, talosconfigText(batch));
      await ok(sandbox, ['import', file]);
    }
    const names = async () =>
      (await openWithOneKey(sandbox.home, keySources)).map((g) => g.document.contexts.length);
    const expected = await names();
    expect(expected).toEqual([240, 180, 120, 60]);

    const started = performance.now();
    const first = await rekeyKilledAfter(sandbox.home, sandbox.env, 60_000, false);
    expect(first.code, first.stderr).toBe(0);
    const span = performance.now() - started;
    const staging = first.stagedFor ?? span;

    let killed = 0;
    const outcomes = { completed: 0, rolledBack: 0, finishedByNextCommand: 0 };
    for (let round = 0; round < 80; round += 1) {
      const before = await vaultIdOf(sandbox.vaultPath);
      const fromStaging = round % 2 === 1;
      const delay = random() * (fromStaging ? staging : span) * 1.1;
      const result = await rekeyKilledAfter(sandbox.home, sandbox.env, delay, fromStaging);
      if (result.killed) killed += 1;
      else expect(result.code, result.stderr).toBe(0);
      const pending = await pendingVaultIds(sandbox.home);
      if (existsSync(join(sandbox.home, 'vault.rekey'))) outcomes.finishedByNextCommand += 1;

      // At the instant of the kill: with an unfinished rekey's journal standing in for what it replaces.
      const atKill = await openWithOneKey(sandbox.home, keySources, join(sandbox.home, 'vault.rekey'));
      expect(
        atKill.map((g) => g.document.contexts.length),
        `seed ${seed}, round ${round}`,
      ).toEqual(expected);

      await ok(sandbox, ['status']);
      expect((await readdir(sandbox.home)).sort(), `seed ${seed}, round ${round}`).toEqual(GENERATION_FILES);
      expect(await names()).toEqual(expected);
      const after = await vaultIdOf(sandbox.vaultPath);
      // A key no record named is one whose rekey had finished (and cleaned up) before the kill.
      if (![before, ...pending].includes(after)) expect(pending, `seed ${seed}, round ${round}`).toEqual([]);
      if (after === before) outcomes.rolledBack += 1;
      else outcomes.completed += 1;
      // The key in use is kept; every other key this round made or used is gone from the keychain.
      expect(keychainEntry(after)).not.toBeNull();
      for (const id of [before, ...pending].filter((other) => other !== after))
        expect(keychainEntry(id), `seed ${seed}, round ${round}: key ${id}`).toBeNull();
    }
    console.log(`rekey crash test: ${killed} kills, ${JSON.stringify(outcomes)}`);
    expect(killed).toBeGreaterThanOrEqual(30);
    expect(outcomes.completed).toBeGreaterThan(0);
    expect(outcomes.rolledBack).toBeGreaterThan(0);
  }, 300_000);
});
