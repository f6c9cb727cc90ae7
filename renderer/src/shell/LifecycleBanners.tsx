import { useMemo } from 'react';
import type { ContextItem } from '../../../shared/contract/vault-contract.js';
import { ElevationBanner } from '../components/ElevationBanner.js';
import { ExpiryBanner } from '../components/ExpiryBanner.js';
import { useEndElevation, useRenewDue } from '../hooks/use-lifecycle-actions.js';
import { useNow } from '../hooks/use-now.js';
import { dueContexts } from '../lib/due-contexts.js';

/**
 * Above every page: running elevations with their countdown, and what is expiring or expired with one
 * click to renew it. Its own component, so the countdown's tick re-renders only the banners.
 */
export function LifecycleBanners({ items }: { items: readonly ContextItem[] }) {
  const now = useNow(1_000);
  const renewDue = useRenewDue();
  const endElevation = useEndElevation();
  const due = useMemo(() => dueContexts(items), [items]);
  const elevated = useMemo(() => items.filter((item) => item.elevation !== null), [items]);
  return (
    <>
      <ElevationBanner
        elevated={elevated}
        now={now}
        ending={endElevation.isPending ? endElevation.variables : null}
        error={endElevation.error}
        onEnd={(name) => {
          endElevation.mutate(name);
        }}
      />
      <ExpiryBanner
        due={due}
        renewing={renewDue.isPending}
        result={renewDue.data ?? null}
        error={renewDue.error}
        onRenewDue={(allowAdmin) => {
          renewDue.mutate(allowAdmin);
        }}
        onDismiss={() => {
          renewDue.reset();
        }}
      />
    </>
  );
}
