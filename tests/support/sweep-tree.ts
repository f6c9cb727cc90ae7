import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { ADMIN, FUTURE, NOROLES, SECRETS } from './talos-fixtures.js';

/** The OS CA of Talos's own test bundle, as base64 PEM, for machine configs made from it. */
function bundleOsCa(): { crt: string; key: string } {
  const bundle = parse(readFileSync(SECRETS, 'utf8')) as { certs: { os: { crt: string; key: string } } };
  return bundle.certs.os;
}

/** A control-plane machine config (two documents, as `talosctl gen config` writes with patches). */
export function controlPlaneConfig(withKey = true): string {
  const { crt, key } = bundleOsCa();
  return [
    'version: v1alpha1',
    'debug: false',
    'persist: true',
    'machine:',
    `    type: ${withKey ? 'controlplane' : 'worker'}`,
    '    token: 3nl8vb.2qpt0cbtaakzmf4s',
    '    ca:',
    `        crt: ${crt}`,
    `        key: ${withKey ? key : '""'}`,
    'cluster:',
    '    clusterName: planted',
    '---',
    'apiVersion: v1alpha1',
    'kind: HostnameConfig',
    'auto: stable',
    '',
  ].join('\n');
}

function plant(path: string, content: string | Buffer, mode = 0o600): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  chmodSync(path, mode);
}

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], {
    cwd,
    stdio: 'ignore',
  });

/** What the planted tree holds, by role, as absolute paths. */
export interface PlantedTree {
  root: string;
  /** Talosconfigs a sweep may remove once imported: one at the top, one 5 levels down, one 0644. */
  loose: { top: string; deep: string; open: string };
  /** A talosconfig committed to a git repository, and one beside it that git does not track. */
  committed: string;
  untrackedInRepo: string;
  bundle: string;
  controlPlane: string;
  worker: string;
  /** Look-alikes a sweep must pass over: inside node_modules, inside .git, a link to a talosconfig. */
  inNodeModules: string;
  link: string;
  bigFile: string;
  fifo: string;
}

/**
 * A folder with credentials at several depths among things a sweep must survive: a symbolic-link loop, a
 * FIFO, a 50 MB (sparse) file, a git repository with a committed talosconfig, a world-readable file.
 */
export function plantTree(root: string): PlantedTree {
  const admin = readFileSync(ADMIN);
  const tree: PlantedTree = {
    root,
    loose: {
      top: join(root, 'talosconfig'),
      deep: join(root, 'work', 'org', 'infra', 'deploy', 'cluster', 'talosconfig.yaml'),
      open: join(root, 'shared', 'future.yaml'),
    },
    committed: join(root, 'repo', 'clusters', 'prod', 'talosconfig'),
    untrackedInRepo: join(root, 'repo', 'local-talosconfig'),
    bundle: join(root, 'work', 'secrets.yaml'),
    controlPlane: join(root, 'work', 'controlplane.yaml'),
    worker: join(root, 'work', 'worker.yaml'),
    inNodeModules: join(root, 'app', 'node_modules', 'pkg', 'talosconfig'),
    link: join(root, 'link-to-talosconfig'),
    bigFile: join(root, 'disk.img'),
    fifo: join(root, 'pipe'),
  };
  plant(tree.loose.top, admin);
  plant(tree.loose.deep, admin);
  plant(tree.loose.open, readFileSync(FUTURE), 0o644);
  plant(tree.committed, readFileSync(NOROLES));
  plant(tree.bundle, readFileSync(SECRETS));
  plant(tree.controlPlane, controlPlaneConfig());
  plant(tree.worker, controlPlaneConfig(false));
  plant(tree.inNodeModules, admin);
  plant(join(root, 'notes', 'readme.md'), '# contexts:\nnothing here\n');
  git(join(root, 'repo'), 'init', '-q');
  git(join(root, 'repo'), 'add', '.');
  git(join(root, 'repo'), 'commit', '-qm', 'cluster config');
  plant(tree.untrackedInRepo, admin);
  symlinkSync(tree.loose.top, tree.link);
  symlinkSync('..', join(root, 'work', 'org', 'loop'));
  // Starts like a talosconfig: only its size keeps it from being read.
  writeFileSync(tree.bigFile, 'contexts:\n  key: x\n');
  truncateSync(tree.bigFile, 50 * 1024 * 1024);
  execFileSync('mkfifo', [tree.fifo]);
  return tree;
}
