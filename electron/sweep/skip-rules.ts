import { basename } from 'node:path';

/**
 * Folders a sweep never enters: package trees and caches (large, rebuilt from elsewhere, never where a
 * person saves a credential) and version-control internals (`.git` is the repository's object store; a
 * committed credential is found in the work tree and reported as committed).
 */
const SKIPPED_FOLDERS: ReadonlySet<string> = new Set([
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  '.cache',
  '__pycache__',
  '.npm',
  '.pnpm-store',
  '.yarn-cache',
  '.gradle',
  '.cargo',
  '.rustup',
]);

/** Caches known by their parent: macOS `Library/Caches`, Go's module cache `pkg/mod`. */
const SKIPPED_UNDER: ReadonlyMap<string, string> = new Map([
  ['Caches', 'Library'],
  ['mod', 'pkg'],
]);

export function isSkippedFolder(parent: string, name: string): boolean {
  if (SKIPPED_FOLDERS.has(name)) return true;
  const under = SKIPPED_UNDER.get(name);
  return under !== undefined && basename(parent) === under;
}
