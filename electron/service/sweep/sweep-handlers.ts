import type { sweepOperations } from '../../../shared/contract/sweep-contract.js';
import type { Handlers } from '../implement.js';
import { importFound } from './import-found.js';
import { removeFound } from './remove-found.js';
import { scan } from './scan.js';
import type { SweepDeps } from './sweep-deps.js';

/** `window.talos.sweep.*` and the CLI's `talcred sweep`. */
export const sweepHandlers: Handlers<typeof sweepOperations, SweepDeps> = {
  scan: (deps, args, call) => scan(deps, args, call),
  importFound: (deps, { ids }) => importFound(deps, ids),
  removeFound: (deps, { ids }) => removeFound(deps, ids),
};
