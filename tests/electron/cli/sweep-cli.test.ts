import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chmod, copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FoundFile, KeptReason, Skipped } from '../../../shared/contract/sweep-contract.js';
import { bad, initVault, json, sandboxTracker, type Item } from '../../support/talcred-cli-steps.js';
import { oneErrorLine, requireBuiltCli } from '../../support/talcred-cli.js';
import { plantTree } from '../../support/sweep-tree.js';
import { ADMIN, FUTURE, NOROLES } from '../../support/talos-fixtures.js';

interface SweepJson {
  files: Array<Omit<FoundFile, 'id'>>;
  skipped: Skipped[];
  counts: { folders: number; files: number; parsed: number };
  git: string;
  vault: { state: string };
  imported: { added: string[]; renamed: Array<{ from: string; to: string }>; skipped: string[] } | null;
  removed: Array<{ path: string }>;
  kept: Array<{ path: string; reason: KeptReason }>;
  remaining: number;
}

const sandboxFor = sandboxTracker();
beforeAll(requireBuiltCli);
afterEach(sandboxFor.cleanup);

async function sweep(sandbox: Awaited<ReturnType<typeof sandboxFor>>, args: string[]) {
  const result = await sandbox.run(['sweep', ...args, '--json']);
  expect(result.stderr).toBe('');
  return { code: result.code, report: JSON.parse(result.stdout) as SweepJson };
}

/** Every regular file below `root` with its bytes (links, FIFOs and the big sparse file by name only). */
function treeSnapshot(root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    if (path.includes('/.git/')) continue;
    const small = entry.isFile() && !entry.name.endsWith('.img');
    files.set(path, small ? readFileSync(path, 'base64') : entry.isDirectory() ? 'folder' : 'other');
  }
  return files;
}

const byPath = (report: SweepJson) => new Map(report.files.map((file) => [file.path, file]));

describe('talcred sweep over real files', () => {
  it('finds, imports and removes over a planted tree; keeps what git tracks and talosctl reads', async () => {
    const sandbox = await sandboxFor('passphrase');
    await initVault(sandbox, 'passphrase');
    const tree = plantTree(join(sandbox.root, 'tree'));
    // talosctl's own file holds a context too: it is imported but never removed (`talcred lock` is for it).
    await mkdir(dirname(sandbox.talosconfig), { recursive: true });
    await copyFile(FUTURE, sandbox.talosconfig);
    const talosDir = dirname(sandbox.talosconfig);

    const first = await sweep(sandbox, [tree.root, talosDir]);
    expect(first.code).toBe(1);
    const found = byPath(first.report);
    expect([...found.keys()].sort()).toEqual(
      [
        tree.loose.top,
        tree.loose.deep,
        tree.loose.open,
        tree.committed,
        tree.untrackedInRepo,
        tree.bundle,
        tree.controlPlane,
        sandbox.talosconfig,
      ].sort(),
    );
    expect(found.get(tree.bundle)?.kind).toBe('secrets-bundle');
    expect(found.get(tree.controlPlane)?.kind).toBe('machine-config');
    expect(found.get(tree.committed)).toMatchObject({ kind: 'talosconfig', git: 'committed' });
    expect(found.get(tree.untrackedInRepo)?.git).toBe('untracked');
    expect(found.get(tree.loose.top)).toMatchObject({
      mode: '0600',
      readableByOthers: false,
      git: 'outside',
    });
    expect(found.get(tree.loose.open)).toMatchObject({ mode: '0644', readableByOthers: true });
    expect(found.get(sandbox.talosconfig)?.talosctlFile).toBe(true);
    expect(found.get(tree.loose.deep)?.contexts).toEqual([
      { name: 'no-roles', roles: ['os:admin'], notAfter: '2031-07-03T11:18:33Z', inVault: false },
    ]);
    expect(first.report.vault.state).toBe('compared');
    // A report carries facts, never key material.
    const admin = await readFile(ADMIN, 'utf8');
    const adminKey = /key: (\S+)/.exec(admin)?.[1] ?? 'missing';
    expect(JSON.stringify(first.report)).not.toContain(adminKey.slice(0, 40));

    const swept = await sweep(sandbox, [tree.root, talosDir, '--import', '--remove', '-y']);
    expect(swept.code).toBe(1);
    expect(swept.report.removed.map((file) => file.path).sort()).toEqual(
      [tree.loose.top, tree.loose.deep, tree.loose.open, tree.untrackedInRepo].sort(),
    );
    expect(new Map(swept.report.kept.map((file) => [file.path, file.reason]))).toEqual(
      new Map<string, KeptReason>([
        [tree.committed, 'git-tracked'],
        [sandbox.talosconfig, 'talosctl-file'],
      ]),
    );
    expect(swept.report.remaining).toBe(4);

    // The tree after: the removed files are gone, everything else is as it was.
    for (const path of [tree.loose.top, tree.loose.deep, tree.loose.open, tree.untrackedInRepo]) {
      expect(existsSync(path), path).toBe(false);
    }
    for (const path of [tree.committed, tree.bundle, tree.controlPlane, tree.worker, tree.inNodeModules]) {
      expect(existsSync(path), path).toBe(true);
    }
    expect(await readFile(sandbox.talosconfig, 'utf8')).toBe(await readFile(FUTURE, 'utf8'));

    // The vault after: every distinct context once (the copies of the admin file were deduplicated).
    const items = await json<Item[]>(sandbox, ['list']);
    const serials = items.map((item) => item.cert?.serial).sort();
    const expected: string[] = [];
    for (const path of [ADMIN, FUTURE, NOROLES]) {
      const inspected = await json<{ contexts: Array<{ cert: { serial: string } }> }>(sandbox, [
        'inspect',
        path,
      ]);
      expected.push(...inspected.contexts.map((context) => context.cert.serial));
    }
    expect(serials).toEqual(expected.sort());

    // A second sweep finds only what must be rotated or locked, and says the vault holds it.
    const again = await sweep(sandbox, [tree.root, talosDir]);
    expect(again.code).toBe(1);
    expect([...byPath(again.report).keys()].sort()).toEqual(
      [tree.committed, tree.bundle, tree.controlPlane, sandbox.talosconfig].sort(),
    );
    expect(
      byPath(again.report)
        .get(tree.committed)
        ?.contexts.every((c) => c.inVault === true),
    ).toBe(true);
  });

  it('says why in plain text: rotate what is committed, lock talosctl’s file', async () => {
    const sandbox = await sandboxFor('passphrase');
    const tree = plantTree(join(sandbox.root, 'tree'));
    const result = await sandbox.run(['sweep', tree.root], { cwd: tree.root });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('repo/clusters/prod/talosconfig\n');
    expect(result.stdout).toMatch(/COMMITTED to git\n {2}deleting it does not unpublish it: rotate/);
    expect(result.stdout).toContain(
      'shared/future.yaml\n  talosconfig (client keys), mode 0644 (READABLE BY OTHERS',
    );
    expect(result.stdout).toMatch(/IN VAULT\n {2}no-roles +os:admin +2031-07-03 \(in \d+ years?\) +no\n/);
    expect(result.stdout).toMatch(/7 plaintext credential files found \(\d+ folders, \d+ files swept\)\n$/);
  });

  it('exits 0 over a clean folder, and without PATH sweeps talosctl’s file and the home folder', async () => {
    const sandbox = await sandboxFor('passphrase');
    const clean = join(sandbox.root, 'clean');
    await mkdir(join(clean, 'src'), { recursive: true });
    await writeFile(join(clean, 'src', 'main.ts'), 'export const contexts = {};\n');
    const result = await sandbox.run(['sweep', clean]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^no plaintext credential files found/m);

    const userHome = sandbox.env.HOME ?? '';
    await mkdir(join(userHome, 'a', 'b', 'c', 'd', 'e', 'f'), { recursive: true });
    await copyFile(ADMIN, join(userHome, 'a', 'b', 'c', 'd', 'e', 'talosconfig'));
    // Seven levels down: past the default depth of 6.
    await copyFile(ADMIN, join(userHome, 'a', 'b', 'c', 'd', 'e', 'f', 'talosconfig'));
    await mkdir(dirname(sandbox.talosconfig), { recursive: true });
    await copyFile(NOROLES, sandbox.talosconfig);
    const defaults = await sweep(sandbox, []);
    expect(defaults.code).toBe(1);
    expect(defaults.report.files.map((file) => file.path).sort()).toEqual(
      [join(userHome, 'a', 'b', 'c', 'd', 'e', 'talosconfig'), sandbox.talosconfig].sort(),
    );
    expect(defaults.report.vault.state).toBe('missing');
    expect((await sweep(sandbox, ['--depth', '7'])).report.files).toHaveLength(3);
  });

  it('reports hostile and unreadable files as skipped and goes on', async () => {
    const sandbox = await sandboxFor('passphrase');
    const root = join(sandbox.root, 'tree');
    await mkdir(join(root, 'locked'), { recursive: true });
    const laughs = [
      'contexts:',
      '  a: &a {key: x}',
      ...Array.from({ length: 12 }, (_, i) => `  b${i}: [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]`),
    ];
    await writeFile(join(root, 'laughs.yaml'), `${laughs.join('\n')}\n`);
    await writeFile(join(root, 'deep.yaml'), `contexts: ${'['.repeat(50_000)}\nkey: x\n`);
    await copyFile(ADMIN, join(root, 'locked', 'talosconfig'));
    await copyFile(ADMIN, join(root, 'talosconfig'));
    const asRoot = process.getuid?.() === 0;
    if (!asRoot) await chmod(join(root, 'locked'), 0o000);
    try {
      const { code, report } = await sweep(sandbox, [root]);
      expect(code).toBe(1);
      const skipped = new Map(report.skipped.map((entry) => [entry.path, entry.reason]));
      expect(skipped.get(join(root, 'laughs.yaml'))).toBe('unparsable');
      expect(skipped.get(join(root, 'deep.yaml'))).toBe('unparsable');
      if (!asRoot) expect(skipped.get(join(root, 'locked'))).toBe('folder-unreadable');
      expect(report.files.map((file) => file.path)).toContain(join(root, 'talosconfig'));
    } finally {
      await chmod(join(root, 'locked'), 0o700);
    }
  });

  it('refuses bad input with one line and changes nothing', async () => {
    const sandbox = await sandboxFor('passphrase');
    const tree = plantTree(join(sandbox.root, 'tree'));
    const before = treeSnapshot(tree.root);
    expect(await bad(sandbox, ['sweep', tree.root, '--remove'])).toMatch(/pass -y when not on a terminal/);
    expect(await bad(sandbox, ['sweep', join(sandbox.root, 'missing')])).toMatch(
      /missing: cannot read: no such file or folder; nothing was swept/,
    );
    expect(await bad(sandbox, ['sweep', tree.root, '--depth', 'deep'])).toMatch(
      /--depth takes a whole number/,
    );
    // --import needs a vault: the report is printed, then one line says what to do.
    const noVault = await sandbox.run(['sweep', tree.root, '--import']);
    expect(noVault.code).toBe(2);
    expect(oneErrorLine(noVault.stderr)).toMatch(/talcred init/);
    expect(treeSnapshot(tree.root)).toEqual(before);
    expect(existsSync(tree.loose.top)).toBe(true);
  });
});
