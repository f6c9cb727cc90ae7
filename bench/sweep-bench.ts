import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { figure, type Figure } from './measure.js';

const PROJECTS = 100;
/** Per project: 8 x 10 source folders of 10 files, and 20 packages of 10 files in node_modules. */
const FILES_PER_PROJECT = 8 * 10 * 10 + 20 * 10;

/** What a developer's folder holds: source, YAML that is not a credential, binaries, some packages. */
function contentOf(index: number): string | Buffer {
  if (index % 20 === 0) return Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, index & 0xff]);
  if (index % 10 === 0)
    return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${index}\ndata:\n  key: value\n`;
  if (index % 97 === 0) return `machine:\n  type: worker\n  ca:\n    crt: eA==\n    key: ""\n`;
  return `export const value${index} = ${index};\n// ${'x'.repeat(index % 400)}\n`;
}

/**
 * A home folder of 100,000 files, at most 6 levels deep (the sweep's default), with a few real
 * credentials among them: talosctl's file, a talosconfig and a secrets bundle in projects.
 */
function makeHome(root: string): void {
  let index = 0;
  for (let project = 0; project < PROJECTS; project++) {
    const base = join(root, 'work', `project-${project}`);
    for (let a = 0; a < 8; a++) {
      for (let b = 0; b < 10; b++) {
        const folder = join(base, 'src', `area-${a}`, `part-${b}`);
        mkdirSync(folder, { recursive: true });
        for (let file = 0; file < 10; file++)
          writeFileSync(join(folder, `file-${file}.ts`), contentOf(index++));
      }
    }
    for (let pkg = 0; pkg < 20; pkg++) {
      const folder = join(base, 'node_modules', `pkg-${pkg}`);
      mkdirSync(folder, { recursive: true });
      for (let file = 0; file < 10; file++)
        writeFileSync(join(folder, `index-${file}.js`), contentOf(index++));
    }
  }
  mkdirSync(join(root, '.talos'), { recursive: true });
  copyFileSync('tests/fixtures/talos/talosconfig-admin-2021.yaml', join(root, '.talos', 'config'));
  copyFileSync(
    'tests/fixtures/talos/talosconfig-noroles-2021.yaml',
    join(root, 'work', 'project-3', 'talosconfig'),
  );
  copyFileSync(
    'tests/fixtures/talos/secrets-talos-generate-testdata.yaml',
    join(root, 'work', 'project-7', 'secrets.yaml'),
  );
}

function medianOf(runs: number, run: () => void): number {
  run();
  const times: number[] = [];
  for (let at = 0; at < runs; at++) {
    const start = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((x, y) => x - y);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

/**
 * `talcred sweep` (no PATH: talosctl's file locations and the home folder to depth 6) over a generated
 * home of 100,000 files, against `find` over the same tree: the walk alone, reading no file. Both run warm
 * (after one run each), so the figure is the sweep's own work, not the disk's.
 */
export function benchSweepHome(): Figure {
  const root = mkdtempSync(join(tmpdir(), 'talcred-bench-sweep-'));
  const home = join(root, 'home');
  const vault = join(root, 'vault');
  try {
    makeHome(home);
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, TALCRED_HOME: vault };
    delete env.TALOSCONFIG;
    delete env.TALOS_HOME;
    let report = '';
    const value = medianOf(5, () => {
      const result = spawnSync(process.execPath, ['bin/talcred.js', 'sweep', '--json'], {
        env,
        encoding: 'utf8',
      });
      if (result.status !== 1)
        throw new Error(`talcred sweep exited ${String(result.status)}: ${result.stderr}`);
      report = result.stdout;
    });
    const { counts, files } = JSON.parse(report) as { counts: { files: number }; files: unknown[] };
    if (files.length !== 3) throw new Error(`talcred sweep found ${files.length} credentials, not 3`);
    const floor = medianOf(5, () => {
      const result = spawnSync('find', [home], { stdio: ['ignore', 'ignore', 'pipe'] });
      if (result.status !== 0) throw new Error(`find failed: ${result.stderr.toString()}`);
    });
    // Everything outside node_modules, talosctl's file once more as a place of its own.
    if (counts.files !== (PROJECTS * FILES_PER_PROJECT * 4) / 5 + 4)
      throw new Error(`swept ${counts.files} files`);
    // No DESIGN.md target for this one: 10x the walk alone is a guard against a regression.
    return figure('talcred-sweep-home-100k-files', value, floor, 'ms', 10);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
