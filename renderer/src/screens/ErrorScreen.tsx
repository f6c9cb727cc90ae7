import { Button } from 'react-aria-components';
import type { TalosError } from '../api/bridge-types.js';
import { errorWords } from '../lib/error-words.js';

export interface ErrorScreenProps {
  error: TalosError;
  onRetry: () => void;
  /** Offered when the failure's remedy is a backup (a damaged vault): puts the newest intact one back. */
  onRestore: () => void;
  restoring: boolean;
  restoreError: TalosError | null;
}

/** A failure that leaves nothing else to show (a damaged vault, an internal error), keyed by its code. */
export function ErrorScreen({ error, onRetry, onRestore, restoring, restoreError }: ErrorScreenProps) {
  const words = errorWords(error);
  const canRestore = error.remedy === 'restore-backup';
  return (
    <main className="screen centered-screen">
      <div className="panel panel-error" role="alert" data-code={error.code}>
        <h1>{words.title}</h1>
        <p>{words.detail}</p>
        {words.detail !== error.message && <p className="error-message">Details: {error.message}</p>}
        {restoreError && <p className="error-message">Restoring failed: {restoreError.message}</p>}
        <div className="button-row">
          {canRestore && (
            <Button className="button button-primary" onPress={onRestore} isDisabled={restoring}>
              {restoring ? 'Restoring…' : 'Restore the newest backup'}
            </Button>
          )}
          <Button className={canRestore ? 'button' : 'button button-primary'} onPress={onRetry}>
            Try again
          </Button>
        </div>
      </div>
    </main>
  );
}
