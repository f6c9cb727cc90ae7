import { Button } from 'react-aria-components';
import type { ContextItem } from '../../../shared/contract/vault-contract.js';
import type { TalosError } from '../api/bridge-types.js';
import { isAdminEquivalent } from '../../../shared/roles/permissions.js';
import { countdown } from '../lib/countdown.js';
import { ErrorBanner } from './ErrorBanner.js';

export interface ElevationBannerProps {
  /** Contexts made by `elevate`, still running. */
  elevated: readonly ContextItem[];
  now: Date;
  ending: string | null;
  error: TalosError | null;
  onEnd: (name: string) => void;
}

/**
 * While elevated, a countdown and "End now" for each elevation. Ending switches talosctl back; the banner
 * says that the certificate itself lives on, because Talos cannot revoke.
 */
export function ElevationBanner({ elevated, now, ending, error, onEnd }: ElevationBannerProps) {
  if (elevated.length === 0 && error === null) return null;
  return (
    <section className="lifecycle-banner elevation-banner" aria-label="Elevated access">
      {elevated.map((item) =>
        item.elevation === null ? null : (
          <div className="banner-row" key={item.name}>
            <div className="banner-text">
              <strong>Elevated: {item.name}</strong>{' '}
              <span className={isAdminEquivalent(item.elevation.roles) ? 'badge badge-powerful' : 'badge'}>
                {item.elevation.roles.join(', ')}
              </span>{' '}
              <span className="countdown" role="timer" aria-label={`Time left for ${item.name}`}>
                {countdown(item.elevation.notAfter, now)}
              </span>
              <div className="banner-detail">
                From {item.elevation.from} · “{item.elevation.reason}” · talosctl goes back to{' '}
                {item.elevation.from} when it ends. Talos cannot revoke: the certificate stays valid until it
                expires.
              </div>
            </div>
            <Button
              className="button"
              isDisabled={ending === item.elevation.from}
              onPress={() => {
                if (item.elevation) onEnd(item.elevation.from);
              }}
            >
              {ending === item.elevation.from ? 'Ending…' : 'End now'}
            </Button>
          </div>
        ),
      )}
      {error && <ErrorBanner error={error} />}
    </section>
  );
}
