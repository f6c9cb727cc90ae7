import { useState } from 'react';
import type { TalosError } from '../api/bridge-types.js';
import { asTalosError } from '../api/talos.js';
import type { SweepOutcomeValue } from '../components/SweepOutcome.js';
import { useNow } from '../hooks/use-now.js';
import { pickFolders, useImportFound, useRemoveFound, useSweepScan } from '../hooks/use-sweep.js';
import { markImported } from '../lib/sweep-words.js';
import { SweepScreen } from '../screens/SweepScreen.js';

/**
 * The sweep: scan the home folder or chosen folders, import what was found, then remove the plaintext
 * copies the vault now holds. Each action's answer replaces the last one's.
 */
export function SweepPage() {
  const now = useNow(60_000);
  const { scan, start, cancel, reset, update } = useSweepScan();
  const importFound = useImportFound();
  const removeFound = useRemoveFound();
  const [outcome, setOutcome] = useState<SweepOutcomeValue | null>(null);
  const [actionError, setActionError] = useState<TalosError | null>(null);

  const begin = (run: () => void) => {
    setOutcome(null);
    setActionError(null);
    run();
  };

  return (
    <SweepScreen
      scan={scan}
      now={now}
      outcome={outcome}
      actionError={actionError}
      importing={importFound.isPending}
      removing={removeFound.isPending}
      onScanHome={() => {
        begin(() => {
          start({ kind: 'home' });
        });
      }}
      onChooseFolders={() => {
        pickFolders()
          .then((folders) => {
            if (folders.length > 0)
              begin(() => {
                start({ kind: 'folders', folders });
              });
          })
          .catch((error: unknown) => {
            setActionError(asTalosError(error));
          });
      }}
      onCancel={cancel}
      onNewScan={() => {
        begin(reset);
      }}
      onImport={(ids) => {
        setOutcome(null);
        setActionError(null);
        importFound.mutate(ids, {
          onSuccess: (result) => {
            const imported = new Set(result.files.map((file) => file.id));
            update((current) => ({ ...current, files: markImported(current.files, imported) }));
            setOutcome({ action: 'imported', result });
          },
          onError: setActionError,
        });
      }}
      onRemove={async (ids) => {
        setOutcome(null);
        setActionError(null);
        try {
          const result = await removeFound.mutateAsync(ids);
          const gone = new Set(result.removed.map((file) => file.id));
          update((current) => ({ ...current, files: current.files.filter((file) => !gone.has(file.id)) }));
          setOutcome({ action: 'removed', ...result });
        } catch (error) {
          setActionError(asTalosError(error));
        }
      }}
    />
  );
}
