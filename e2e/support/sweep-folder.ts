import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fixture } from './real-vault.js';

/** What a planted projects folder holds, as absolute paths. */
export interface PlantedFolder {
  root: string;
  /** Talosconfigs a sweep may remove once imported: one 0600, one 0644 (readable by others). */
  loose: string;
  open: string;
  bundle: string;
  /** A talosconfig committed to a git repository: kept, whatever the vault holds. */
  committed: string;
}

function plant(path: string, from: string, mode: number): void {
  mkdirSync(dirname(path), { recursive: true });
  copyFileSync(from, path);
  chmodSync(path, mode);
}

/**
 * A folder of the kind an operator accumulates, made of Talos's own test data (tests/fixtures/talos): a
 * talosconfig, a world-readable copy of another, a secrets bundle, and a git repository with a committed
 * talosconfig (as tests/support/sweep-tree.ts plants for the CLI).
 */
export function plantProjects(root: string): PlantedFolder {
  const folder: PlantedFolder = {
    root,
    loose: join(root, 'talosconfig'),
    open: join(root, 'shared', 'future.yaml'),
    bundle: join(root, 'cluster', 'secrets.yaml'),
    committed: join(root, 'infra', 'clusters', 'prod', 'talosconfig'),
  };
  plant(folder.loose, fixture('talosconfig-admin-2021.yaml'), 0o600);
  plant(folder.open, fixture('talosconfig-futurerole-2021.yaml'), 0o644);
  plant(folder.bundle, fixture('secrets-talos-generate-testdata.yaml'), 0o600);
  plant(folder.committed, fixture('talosconfig-noroles-2021.yaml'), 0o600);
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], {
      cwd: join(root, 'infra'),
      stdio: 'ignore',
    });
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'cluster config');
  return folder;
}
