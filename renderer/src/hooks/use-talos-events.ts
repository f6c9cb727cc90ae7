import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { TalosEventName } from '../api/bridge-types.js';
import { queryKeys } from '../api/query-keys.js';
import { hasTalos, talos } from '../api/talos.js';

/**
 * The main side's change events refetch what the screens show: the CLI may change the vault or talosctl's
 * file while the app is open (talosctl's `context:` is the truth of what is current), and the session may
 * lock itself after idle or on sleep.
 */
const refetchOn: readonly TalosEventName[] = ['vaultChanged', 'talosconfigChanged', 'sessionChanged'];

export function useTalosEvents(): void {
  const client = useQueryClient();
  useEffect(() => {
    // Without a bridge there is nothing to hear; the queries' own failure shows the user why.
    if (!hasTalos()) return;
    const unsubscribes = refetchOn.map((name) =>
      talos().events.subscribe(name, () => {
        void client.invalidateQueries({ queryKey: queryKeys.all });
      }),
    );
    return () => {
      for (const unsubscribe of unsubscribes) unsubscribe();
    };
  }, [client]);
}
