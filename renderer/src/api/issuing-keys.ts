import { queryKeys } from './query-keys.js';

/**
 * The issuing screens' queries. They sit under `vault`, so the main side's change events (the CLI issued,
 * a CA was imported elsewhere) and a lock refetch or drop them with everything else.
 */
export const issuingKeys = {
  cas: [...queryKeys.all, 'cas'] as const,
  log: [...queryKeys.all, 'log'] as const,
  settings: [...queryKeys.all, 'settings'] as const,
};
