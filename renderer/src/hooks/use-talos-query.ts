import { useQuery } from '@tanstack/react-query';
import type { TalosError } from '../api/bridge-types.js';
import { asTalosError } from '../api/talos.js';

/** A read through `window.talos`, its failure as a TalosError (code, message, remedy). */
export function useTalosQuery<Result>(queryKey: readonly unknown[], call: () => Promise<Result>) {
  return useQuery<Result, TalosError>({
    queryKey,
    queryFn: async () => {
      try {
        return await call();
      } catch (error) {
        throw asTalosError(error);
      }
    },
  });
}
