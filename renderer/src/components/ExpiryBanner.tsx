import { Button } from 'react-aria-components';
import type { RenewDueResult } from '../../../shared/contract/lifecycle-contract.js';
import type { TalosError } from '../api/bridge-types.js';
import { someNames, type DueContexts } from '../lib/due-contexts.js';
import { ErrorBanner } from './ErrorBanner.js';

export interface ExpiryBannerProps {
  due: DueContexts;
  renewing: boolean;
  result: RenewDueResult | null;
  error: TalosError | null;
  /** `allowAdmin`: the user confirmed renewing os:admin / os:impersonator contexts too. */
  onRenewDue: (allowAdmin: boolean) => void;
  /** Puts the outcome of the last renewal away. */
  onDismiss: () => void;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function headline(due: DueContexts): string {
  const parts = [];
  if (due.expired.length > 0)
    parts.push(`${plural(due.expired.length, 'credential has', 'credentials have')} expired`);
  if (due.expiring.length > 0)
    parts.push(`${plural(due.expiring.length, 'credential expires', 'credentials expire')} soon`);
  return parts.join(' · ');
}

function outcome(result: RenewDueResult): string {
  const parts = [`Renewed ${plural(result.renewed.length, 'context', 'contexts')}`];
  if (result.notRenewable.length > 0) {
    parts.push(`${result.notRenewable.length} need their cluster's CA (open one to request a renewal)`);
  }
  if (result.failed.length > 0)
    parts.push(`${result.failed.length} failed: ${result.failed[0]?.message ?? ''}`);
  return `${parts.join('; ')}.`;
}

/**
 * Expiry nobody sees coming is what users of other tools complain of most: this banner names what is
 * inside its warning window or expired, and renews what this vault can renew in one click.
 */
export function ExpiryBanner({ due, renewing, result, error, onRenewDue, onDismiss }: ExpiryBannerProps) {
  const shown = [...due.expired, ...due.expiring];
  if (shown.length === 0 && result === null) return null;
  const elsewhere = shown.length - due.renewable.length;
  const needsAdmin = result?.needsAdmin ?? [];
  return (
    <section
      className={`lifecycle-banner expiry-banner${due.expired.length > 0 ? ' expiry-banner-expired' : ''}`}
      aria-label="Expiring credentials"
    >
      <div className="banner-row">
        <div className="banner-text">
          {shown.length > 0 ? (
            <>
              <strong>{headline(due)}.</strong> {someNames(shown.map((item) => item.name))}.
              {elsewhere > 0 && (
                <div className="banner-detail">
                  {plural(elsewhere, 'is', 'are')} signed by a CA this vault does not hold: open it to request
                  a renewal from whoever holds that CA.
                </div>
              )}
            </>
          ) : (
            <strong>Nothing is due for renewal.</strong>
          )}
          {result && (
            <div className="banner-detail" role="status">
              {outcome(result)}
            </div>
          )}
        </div>
        {due.renewable.length === 0 && result !== null && (
          <Button className="button button-quiet" onPress={onDismiss}>
            Dismiss
          </Button>
        )}
        {due.renewable.length > 0 && (
          <Button
            className="button button-primary"
            isDisabled={renewing}
            onPress={() => {
              onRenewDue(false);
            }}
          >
            {renewing ? 'Renewing…' : `Renew all due (${due.renewable.length})`}
          </Button>
        )}
      </div>
      {needsAdmin.length > 0 && (
        <div className="banner-row">
          <div className="banner-detail">
            {someNames(needsAdmin.map((entry) => entry.context))} {needsAdmin.length === 1 ? 'holds' : 'hold'}{' '}
            os:admin or os:impersonator, which can do anything on the cluster. Renewing keeps exactly those
            roles.
          </div>
          <Button
            className="button"
            isDisabled={renewing}
            onPress={() => {
              onRenewDue(true);
            }}
          >
            Renew admin contexts too
          </Button>
        </div>
      )}
      {error && <ErrorBanner error={error} />}
    </section>
  );
}
