import { useQuery } from '@tanstack/react-query';
import type { ContextItem } from '../../../shared/contract/vault-contract.js';
import type { TalosError } from '../api/bridge-types.js';
import { queryKeys } from '../api/query-keys.js';
import { asTalosError, talos } from '../api/talos.js';

/** The vault's contexts; `enabled` is false while there is no vault or it is known to be locked. */
export function useContexts(enabled: boolean) {
  return useQuery<ContextItem[], TalosError>({
    queryKey: queryKeys.list,
    enabled,
    queryFn: async () => {
      try {
        return await talos().vault.list({});
      } catch (error) {
        throw asTalosError(error);
      }
    },
  });
}
