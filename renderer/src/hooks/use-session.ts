import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { TalosError } from '../api/bridge-types.js';
import { asTalosError, talos } from '../api/talos.js';

/**
 * Locks the session: the main side forgets the key and the decrypted document (and, by setting, empties
 * talosctl's file); here every cached answer is dropped, so nothing the vault said outlives the lock.
 */
export function useLockSession() {
  const client = useQueryClient();
  return useMutation<unknown, TalosError, undefined>({
    mutationFn: async () => {
      try {
        return await talos().vault.lockVault({});
      } catch (error) {
        throw asTalosError(error);
      }
    },
    onSettled: () => client.resetQueries(),
  });
}

const activity = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Calls `lock` after `seconds` without input in the window (0: never). The main side also locks on screen
 * lock and sleep; this is the idle part of DESIGN.md "The app session".
 */
export function useIdleLock(seconds: number, lock: () => void): void {
  const latest = useRef(lock);
  latest.current = lock;
  useEffect(() => {
    if (seconds <= 0) return;
    let timer = 0;
    const restart = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        latest.current();
      }, seconds * 1000);
    };
    restart();
    for (const name of activity) window.addEventListener(name, restart, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const name of activity) window.removeEventListener(name, restart);
    };
  }, [seconds]);
}
