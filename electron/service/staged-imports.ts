import { randomBytes } from 'node:crypto';
import type { LoadedSource } from './load-sources.js';

/**
 * What an import preview read, held in the main process until the user applies it: the sources' dialog
 * tokens were spent reading them, and their credentials never go to the renderer. Few and short-lived:
 * the newest previews only, each for half an hour, all forgotten when the vault locks.
 */
export interface StagedImports {
  stage(sources: LoadedSource[]): string;
  get(id: string): LoadedSource[] | undefined;
  drop(id: string): void;
  clear(): void;
}

const KEPT = 4;
const LIFETIME_MS = 30 * 60 * 1000;

export function createStagedImports(now: () => number = Date.now): StagedImports {
  const staged = new Map<string, { sources: LoadedSource[]; at: number }>();
  return {
    stage(sources) {
      const id = randomBytes(16).toString('base64url');
      staged.set(id, { sources, at: now() });
      // Map keeps insertion order: the oldest preview goes first.
      for (const old of [...staged.keys()].slice(0, Math.max(0, staged.size - KEPT))) staged.delete(old);
      return id;
    },
    get(id) {
      const entry = staged.get(id);
      if (entry === undefined || now() - entry.at > LIFETIME_MS) {
        staged.delete(id);
        return undefined;
      }
      return entry.sources;
    },
    drop(id) {
      staged.delete(id);
    },
    clear() {
      staged.clear();
    },
  };
}
