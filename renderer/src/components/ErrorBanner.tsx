import { Button } from 'react-aria-components';
import type { TalosError } from '../api/bridge-types.js';
import { errorWords } from '../lib/error-words.js';

/** A failure beside what the user was doing (a switch that did not happen), keyed by its code. */
export function ErrorBanner({ error, onDismiss }: { error: TalosError; onDismiss?: () => void }) {
  const words = errorWords(error);
  return (
    <div className="error-banner" role="alert" data-code={error.code}>
      <div>
        <strong>{words.title}.</strong> {words.detail}
      </div>
      {onDismiss && (
        <Button className="button button-quiet" onPress={onDismiss}>
          Dismiss
        </Button>
      )}
    </div>
  );
}
