import { useQuery } from '@tanstack/react-query';
import type { Status } from '../../../shared/contract/vault-contract.js';
import type { TalosError } from '../api/bridge-types.js';
import { queryKeys } from '../api/query-keys.js';
import { asTalosError, talos } from '../api/talos.js';

export function useVaultStatus() {
  return useQuery<Status, TalosError>({
    queryKey: queryKeys.status,
    queryFn: async () => {
      try {
        return await talos().vault.status({});
      } catch (error) {
        throw asTalosError(error);
      }
    },
  });
}
