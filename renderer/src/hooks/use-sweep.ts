import { useCallback, useEffect, useRef, useState } from 'react';
import type { ScanProgress, ScanResult } from '../../../shared/contract/sweep-contract.js';
import type { TalosError } from '../api/bridge-types.js';
import { asTalosError, talos } from '../api/talos.js';
import { useVaultMutation } from './use-vault-mutation.js';

/** Where a scan looks: the default places (home and talosctl's), or folders chosen in the dialog. */
export type ScanTarget = { kind: 'home' } | { kind: 'folders'; folders: { token: string; name: string }[] };

export type ScanState =
  | { state: 'idle' }
  | { state: 'scanning'; target: ScanTarget; progress: ScanProgress | null }
  | { state: 'done'; target: ScanTarget; result: ScanResult }
  | { state: 'cancelled' }
  | { state: 'failed'; error: TalosError };

/**
 * One scan at a time, with its progress and a Cancel that stops the main side's walk (the signal crosses
 * the bridge). Leaving the page cancels a scan still running: nobody would see its answer.
 */
export function useSweepScan() {
  const [scan, setScan] = useState<ScanState>({ state: 'idle' });
  const running = useRef<AbortController | null>(null);

  useEffect(
    () => () => {
      running.current?.abort();
    },
    [],
  );

  const start = useCallback((target: ScanTarget) => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setScan({ state: 'scanning', target, progress: null });
    const folders =
      target.kind === 'home'
        ? []
        : target.folders.map((folder) => ({ kind: 'picked' as const, token: folder.token }));
    talos()
      .sweep.scan(
        { folders },
        {
          signal: controller.signal,
          onProgress: (progress) => {
            if (running.current === controller) setScan({ state: 'scanning', target, progress });
          },
        },
      )
      .then((result) => {
        if (running.current === controller) setScan({ state: 'done', target, result });
      })
      .catch((error: unknown) => {
        if (running.current !== controller) return;
        const failure = asTalosError(error);
        setScan(failure.code === 'cancelled' ? { state: 'cancelled' } : { state: 'failed', error: failure });
      })
      .finally(() => {
        if (running.current === controller) running.current = null;
      });
  }, []);

  const cancel = useCallback(() => {
    running.current?.abort();
  }, []);

  /** Back to the choice of where to look (a found file's id stays good for the session). */
  const reset = useCallback(() => {
    running.current?.abort();
    running.current = null;
    setScan({ state: 'idle' });
  }, []);

  /** A scan's result as actions changed it (imported files now held, removed files gone). */
  const update = useCallback((change: (result: ScanResult) => ScanResult) => {
    setScan((current) =>
      current.state === 'done' ? { ...current, result: change(current.result) } : current,
    );
  }, []);

  return { scan, start, cancel, reset, update };
}

export function useImportFound() {
  return useVaultMutation((ids: string[]) => talos().sweep.importFound({ ids }));
}

export function useRemoveFound() {
  return useVaultMutation((ids: string[]) => talos().sweep.removeFound({ ids }));
}

/** The folder dialog: several folders, each a token good for one scan. */
export async function pickFolders(): Promise<{ token: string; name: string }[]> {
  const { files } = await talos().dialogs.pickOpen({
    title: 'Choose folders to search for plaintext credentials',
    folders: true,
  });
  return files;
}
