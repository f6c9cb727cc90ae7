import { execFile } from 'node:child_process';
import { lstatSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import type { GitState } from '../../shared/contract/sweep-contract.js';

/** Where a file's work tree starts: the nearest folder above it holding `.git` (a folder, or a worktree's file). */
export function workTreeOf(path: string, cache: Map<string, string | null> = new Map()): string | null {
  const visited: string[] = [];
  let folder = dirname(path);
  let found: string | null = null;
  for (;;) {
    const known = cache.get(folder);
    if (known !== undefined) {
      found = known;
      break;
    }
    visited.push(folder);
    if (hasGitEntry(folder)) {
      found = folder;
      break;
    }
    const parent = dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  for (const seen of visited) cache.set(seen, found);
  return found;
}

function hasGitEntry(folder: string): boolean {
  try {
    lstatSync(`${folder}${folder.endsWith(sep) ? '' : sep}.git`);
    return true;
  } catch {
    return false;
  }
}

interface GitRun {
  ok: boolean;
  /** The binary is not installed (or not on PATH). */
  missing: boolean;
  stdout: string;
}

function runGit(args: readonly string[]): Promise<GitRun> {
  return new Promise((resolve) => {
    execFile(
      'git',
      [...args],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        timeout: 60_000,
        // Paths are paths, not patterns (a file named `*.yaml` must not match its neighbours); reading must
        // take no lock that a user's own git command would then trip over.
        env: { ...process.env, GIT_LITERAL_PATHSPECS: '1', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' },
      },
      (error, stdout) => {
        const missing = (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
        resolve({ ok: error === null, missing, stdout });
      },
    );
  });
}

/** Paths per git call, well inside any command-line limit. */
const BATCH = 500;

const entries = (stdout: string): Set<string> => new Set(stdout.split('\0').filter((name) => name !== ''));

/**
 * Whether git tracks each file, asked of the real `git` once or twice per work tree for all its files at
 * once (the index, then HEAD), never once per file. `unknown` when git is missing or will not answer for
 * that tree (not a repository after all, a folder git distrusts); `outside` when no work tree holds it.
 */
export async function gitStates(paths: readonly string[]): Promise<{
  states: Map<string, GitState>;
  gitMissing: boolean;
}> {
  const states = new Map<string, GitState>();
  const byTree = new Map<string, string[]>();
  const cache = new Map<string, string | null>();
  for (const path of paths) {
    const tree = workTreeOf(path, cache);
    if (tree === null) states.set(path, 'outside');
    else byTree.set(tree, [...(byTree.get(tree) ?? []), path]);
  }
  let gitMissing = false;
  for (const [tree, files] of byTree) {
    // The folder holding `.git` is the top of its work tree, where git names files from; POSIX separators.
    const names = files.map((file) => relative(tree, file).split(sep).join('/'));
    const inIndex = new Set<string>();
    const inHead = new Set<string>();
    let answered = true;
    for (let start = 0; start < names.length; start += BATCH) {
      const batch = names.slice(start, start + BATCH);
      const index = await runGit(['-C', tree, 'ls-files', '-z', '--', ...batch]);
      if (!index.ok) {
        gitMissing ||= index.missing;
        answered = false;
        break;
      }
      for (const name of entries(index.stdout)) inIndex.add(name);
      // Fails only without a commit yet (an unborn HEAD): then nothing is committed.
      const head = await runGit(['-C', tree, 'ls-tree', '-r', '-z', '--name-only', 'HEAD', '--', ...batch]);
      if (head.ok) for (const name of entries(head.stdout)) inHead.add(name);
    }
    files.forEach((file, at) => {
      const name = names[at] ?? '';
      states.set(
        file,
        !answered ? 'unknown' : inHead.has(name) ? 'committed' : inIndex.has(name) ? 'staged' : 'untracked',
      );
    });
  }
  return { states, gitMissing };
}
