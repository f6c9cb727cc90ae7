import { Button } from 'react-aria-components';
import type { TalosError } from '../api/bridge-types.js';
import { errorWords } from '../lib/error-words.js';

/** A failure that leaves nothing else to show (a damaged vault, an internal error), keyed by its code. */
export function ErrorScreen({ error, onRetry }: { error: TalosError; onRetry: () => void }) {
  const words = errorWords(error);
  return (
    <main className="screen centered-screen">
      <div className="panel panel-error" role="alert" data-code={error.code}>
        <h1>{words.title}</h1>
        <p>{words.detail}</p>
        {words.detail !== error.message && <p className="error-message">Details: {error.message}</p>}
        <Button className="button button-primary" onPress={onRetry}>
          Try again
        </Button>
      </div>
    </main>
  );
}
