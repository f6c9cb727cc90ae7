import type { TalosBridge } from '../../../shared/contract/bridge.js';
import { clientOf, type TalosClient } from '../../../shared/contract/client.js';
import type { TalosError } from './bridge-types.js';

// One client per bridge: the renderer's calls turn replies back into results and TalosCallErrors here.
const clients = new WeakMap<TalosBridge, TalosClient>();

/**
 * The bridge the preload installed, as results and errors. One place, so tests and the e2e harness
 * replace exactly this. Its absence (a preload that failed to load) is said plainly, not as a TypeError.
 */
export function talos(): TalosClient {
  if (!hasTalos()) {
    throw Object.assign(
      new Error('The app could not reach the vault: its bridge (window.talos) is missing.'),
      { code: 'bridge-missing', remedy: null },
    );
  }
  let client = clients.get(window.talos);
  if (client === undefined) {
    client = clientOf(window.talos);
    clients.set(window.talos, client);
  }
  return client;
}

export function hasTalos(): boolean {
  // The declared type says it is always there; at run time a missing preload leaves it undefined.
  return (window.talos as TalosBridge | undefined) !== undefined;
}

/**
 * Any rejection as a TalosError: failed calls reject with TalosCallErrors (code, message, remedy), but a
 * bug or a missing bridge rejects with something else, which is shown as an internal error, never dropped.
 */
export function asTalosError(error: unknown): TalosError {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    const remedy = 'remedy' in error && typeof error.remedy === 'string' ? error.remedy : null;
    return Object.assign(error, { remedy }) as TalosError;
  }
  const wrapped = new Error(error instanceof Error ? error.message : String(error)) as TalosError;
  wrapped.code = 'internal';
  wrapped.remedy = null;
  return wrapped;
}
