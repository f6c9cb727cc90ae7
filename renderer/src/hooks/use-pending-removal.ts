import { useCallback, useEffect, useRef, useState } from 'react';
import { talos } from '../api/talos.js';
import { useVaultMutation } from './use-vault-mutation.js';

/** How long a removal can be taken back (the issue: "remove, with undo for 10 s"). */
export const UNDO_MS = 10_000;

/**
 * A removal waits before it reaches the vault: the context leaves the list at once, and Undo within the
 * window cancels it, so nothing has to be put back (the credential never leaves the main process).
 * Leaving the page does not cancel a removal the user asked for: it is made then.
 */
export function usePendingRemoval() {
  const [pending, setPending] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const remove = useVaultMutation((name: string) => talos().vault.remove({ names: [name] }));
  const { mutate } = remove;

  const commit = useCallback(
    (name: string) => {
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
      setPending(null);
      mutate(name);
    },
    [mutate],
  );

  const schedule = useCallback(
    (name: string) => {
      if (pending !== null) commit(pending);
      setPending(name);
      timer.current = setTimeout(() => {
        commit(name);
      }, UNDO_MS);
    },
    [pending, commit],
  );

  const undo = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    setPending(null);
  }, []);

  // Unmounting (the window closing, a lock) makes the removal the user asked for rather than dropping it.
  const latest = useRef<string | null>(null);
  latest.current = pending;
  useEffect(
    () => () => {
      if (timer.current !== null && latest.current !== null) {
        clearTimeout(timer.current);
        void talos()
          .vault.remove({ names: [latest.current] })
          .catch(() => undefined);
      }
    },
    [],
  );

  return {
    pending,
    schedule,
    undo,
    removeNow: () => {
      if (pending !== null) commit(pending);
    },
    error: remove.error,
    dismissError: () => {
      remove.reset();
    },
  };
}
