import type { lifecycleOperations } from '../../../shared/contract/lifecycle-contract.js';
import type { Handlers } from '../implement.js';
import { endElevations } from './end-elevations.js';

/**
 * `window.talos.lifecycle.*` and the CLI's renew and elevate. Ending elevations only edits the vault, and
 * every command does it first: it stays light, while what issues certificates loads on first use.
 */
export const lifecycleHandlers: Handlers<typeof lifecycleOperations> = {
  renew: async (deps, args) => (await import('./renew.js')).renewContexts(deps, args),
  renewDue: async (deps, args) => (await import('./renew.js')).renewDue(deps, args),
  requestRenewal: async (deps, args) => (await import('./renewal-request.js')).requestRenewal(deps, args),
  elevate: async (deps, args) => (await import('./elevate.js')).elevate(deps, args),
  endElevation: (deps, { name }) => endElevations(deps, name === undefined ? { all: true } : { name }),
  endExpiredElevations: (deps) => endElevations(deps, { expired: true }),
};
