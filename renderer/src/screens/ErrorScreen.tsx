import { Button } from 'react-aria-components';
import type { TalosError } from '../api/bridge-types.js';
import { errorWords } from '../lib/error-words.js';

export interface BackupChoice {
  name: string;
  savedAt: string | null;
  readable: boolean;
}

export interface ErrorScreenProps {
  error: TalosError;
  onRetry: () => void;
  /**
   * Offered when the failure's remedy is a backup (a damaged vault): the newest intact one (no name), or
   * the one chosen from `backups`, newest first.
   */
  onRestore: (backup?: string) => void;
  backups?: readonly BackupChoice[];
  restoring: boolean;
  restoreError: TalosError | null;
}

/** A failure that leaves nothing else to show (a damaged vault, an internal error), keyed by its code. */
export function ErrorScreen(props: ErrorScreenProps) {
  const { error, onRetry, onRestore, restoring, restoreError, backups = [] } = props;
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
            <Button
              className="button button-primary"
              onPress={() => {
                onRestore();
              }}
              isDisabled={restoring}
            >
              {restoring ? 'Restoring…' : 'Restore the newest backup'}
            </Button>
          )}
          <Button className={canRestore ? 'button' : 'button button-primary'} onPress={onRetry}>
            Try again
          </Button>
        </div>
        {canRestore && backups.length > 0 && (
          <section className="backup-list" aria-label="Backups">
            <h2>Or choose a backup</h2>
            <ul>
              {backups.map((backup) => (
                <li key={backup.name}>
                  <span>
                    {backup.savedAt === null ? 'date unknown' : backup.savedAt.replace('T', ' ').slice(0, 19)}{' '}
                    <span className="muted">({backup.name})</span>
                  </span>
                  {backup.readable ? (
                    <Button
                      className="button"
                      isDisabled={restoring}
                      aria-label={`Restore ${backup.name}`}
                      onPress={() => {
                        onRestore(backup.name);
                      }}
                    >
                      Restore
                    </Button>
                  ) : (
                    <span className="muted">unreadable</span>
                  )}
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </main>
  );
}
