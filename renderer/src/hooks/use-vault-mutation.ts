import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TalosError } from '../api/bridge-types.js';
import { queryKeys } from '../api/query-keys.js';
import { asTalosError } from '../api/talos.js';

/**
 * A call that changes the vault or the session: its failure arrives as a TalosError, and success
 * refetches everything the vault queries show (the change events would too, but not at once).
 */
export function useVaultMutation<Args, Result>(call: (args: Args) => Promise<Result>) {
  const client = useQueryClient();
  return useMutation<Result, TalosError, Args>({
    mutationFn: async (args) => {
      try {
        return await call(args);
      } catch (error) {
        throw asTalosError(error);
      }
    },
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.all }),
  });
}
