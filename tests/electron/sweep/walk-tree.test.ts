import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { walkTree, type WalkCounts } from '../../../electron/sweep/walk-tree.js';
import { ADMIN } from '../../support/talos-fixtures.js';
import { readFileSync } from 'node:fs';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'talcred-walk-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const walk = (
  options: { sliceMs?: number; signal?: AbortSignal; progress?: (counts: WalkCounts) => void } = {},
) => {
  const found: string[] = [];
  const done = walkTree([{ path: root, depth: 64 }], {
    excluded: () => false,
    onCandidate: (file) => found.push(file.path),
    signal: options.signal ?? new AbortController().signal,
    progress: options.progress ?? (() => undefined),
    ...(options.sliceMs === undefined ? {} : { sliceMs: options.sliceMs }),
  });
  return { found, done };
};

describe('walking a tree', () => {
  it('follows no link, waits on no FIFO, enters no node_modules, .git or cache', async () => {
    const admin = readFileSync(ADMIN);
    for (const folder of ['node_modules/x', '.git', '.cache', 'Library/Caches', 'ok']) {
      mkdirSync(join(root, folder), { recursive: true });
      writeFileSync(join(root, folder, 'talosconfig'), admin);
    }
    symlinkSync(root, join(root, 'ok', 'loop'));
    symlinkSync(join(root, 'ok', 'talosconfig'), join(root, 'link'));
    execFileSync('mkfifo', [join(root, 'ok', 'fifo')]);
    const { found, done } = walk();
    const { counts, skipped } = await done;
    expect(found).toEqual([join(root, 'ok', 'talosconfig')]);
    expect(skipped).toEqual([]);
    expect(counts).toEqual({ folders: 3, files: 1, candidates: 1 });
  });

  it('stops at its next slice when cancelled', async () => {
    for (let folder = 0; folder < 50; folder++) mkdirSync(join(root, `f${folder}`));
    const controller = new AbortController();
    let reports = 0;
    const { done } = walk({
      sliceMs: 0,
      signal: controller.signal,
      progress: () => {
        reports++;
        controller.abort();
      },
    });
    await expect(done).rejects.toMatchObject({ code: 'cancelled' });
    expect(reports).toBe(1);
  });
});
