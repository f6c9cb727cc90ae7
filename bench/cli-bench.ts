import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { figure, type Figure } from './measure.js';

function timeSpawn(args: readonly string[], env: NodeJS.ProcessEnv, runs: number): number {
  const times: number[] = [];
  for (let run = 0; run <= runs; run++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${result.stderr.toString()}`);
    if (run > 0) times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

/**
 * DESIGN.md: `talcred list` cold start <= 4x `node -e ""`. The vault's key comes from the real Secret
 * Service (npm run bench runs inside a private one), as on a user's desktop.
 */
export function benchListColdStart(): Figure {
  const home = mkdtempSync(join(tmpdir(), 'talcred-bench-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TALCRED_HOME: home,
    TALOSCONFIG: join(home, 'talosconfig'),
  };
  delete env.TALCRED_PASSPHRASE;
  try {
    timeSpawn(['bin/talcred.js', 'init'], env, 0);
    timeSpawn(['bin/talcred.js', 'import', 'tests/fixtures/talos/talosconfig-admin-2021.yaml'], env, 0);
    const value = timeSpawn(['bin/talcred.js', 'list'], env, 15);
    const floor = timeSpawn(['-e', ''], env, 15);
    return figure('talcred-list-cold-start', value, floor, 'ms', 4);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
