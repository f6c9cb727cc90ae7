import { unwatchFile, watchFile, type Stats } from 'node:fs';

export interface WatchedFile {
  path: string;
  changed: () => void;
}

export interface FileWatchOptions {
  /** Changes closer together than this are one change: an atomic write is several steps. */
  debounceMs?: number;
  intervalMs?: number;
}

/**
 * Calls `changed` (debounced) whenever a file is created, replaced, rewritten or removed. Polls its stat
 * rather than using inotify: a watch on a folder dies with the folder, and the vault folder or ~/.talos
 * may be deleted and re-made while the app runs; polling a path keeps working through all of that, and
 * two stats every quarter second cost nothing. Returns the stop.
 */
export function watchFiles(files: readonly WatchedFile[], options: FileWatchOptions = {}): () => void {
  const debounceMs = options.debounceMs ?? 200;
  const interval = options.intervalMs ?? 250;
  const stops = files.map(({ path, changed }) => {
    let timer: NodeJS.Timeout | undefined;
    const listener = (current: Stats, previous: Stats): void => {
      if (sameFile(current, previous)) return;
      clearTimeout(timer);
      timer = setTimeout(changed, debounceMs);
    };
    watchFile(path, { interval, persistent: false }, listener);
    return () => {
      clearTimeout(timer);
      unwatchFile(path, listener);
    };
  });
  return () => {
    for (const stop of stops) stop();
  };
}

function sameFile(a: Stats, b: Stats): boolean {
  return a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;
}
