/**
 * Files the app was asked to open (a double-clicked `.talosconfig` or `.age`, a second launch's
 * arguments, macOS's open-file events), waiting for the window to take them into its import flow. Paths
 * stay here: the window gets a dialog-like single-use token for each (electron/ipc.ts).
 */
export interface OpenedFiles {
  add(paths: readonly string[]): void;
  /** Every waiting path, once. */
  drain(): string[];
  /** Called after paths arrive; returns the unsubscribe. */
  onArrival(listener: () => void): () => void;
}

export function createOpenedFiles(initial: readonly string[] = []): OpenedFiles {
  let waiting = [...initial];
  const listeners = new Set<() => void>();
  return {
    add(paths) {
      if (paths.length === 0) return;
      waiting.push(...paths);
      for (const listener of listeners) listener();
    },
    drain() {
      const taken = waiting;
      waiting = [];
      return taken;
    },
    onArrival(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
