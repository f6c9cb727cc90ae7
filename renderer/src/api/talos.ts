import type { TalosBridge, TalosError } from './bridge-types.js';

/**
 * The bridge the preload installed. One place, so tests and the e2e harness replace exactly this. Its
 * absence (a preload that failed to load) is said plainly rather than as a TypeError.
 */
export function talos(): TalosBridge {
  if (!hasTalos()) {
    throw Object.assign(
      new Error('The app could not reach the vault: its bridge (window.talos) is missing.'),
      {
        code: 'bridge-missing',
      },
    );
  }
  return window.talos;
}

export function hasTalos(): boolean {
  // The declared type says it is always there; at run time a missing preload leaves it undefined.
  return (window.talos as TalosBridge | undefined) !== undefined;
}

/**
 * Any rejection as a TalosError: the bridge rejects with `{ code, message, remedy? }` errors, but a bug or
 * a missing bridge rejects with something else, which is shown as an internal error, never dropped.
 */
export function asTalosError(error: unknown): TalosError {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    return error as TalosError;
  }
  const wrapped = new Error(error instanceof Error ? error.message : String(error)) as TalosError;
  wrapped.code = 'internal';
  return wrapped;
}
