import type { TalosBridge } from '../../../shared/contract/bridge.js';
import type { EventName } from '../../../shared/contract/events.js';
import type { ArgsIn } from '../../../shared/contract/operation.js';
import type { Registry } from '../../../shared/contract/registry.js';

/*
 * The renderer's types for `window.talos`, all derived from the contract registry (DESIGN.md "One
 * contract, three transports"): nothing here is written by hand twice.
 */

export type { TalosClient } from '../../../shared/contract/bridge.js';

export type InitArgs = ArgsIn<Registry['vault']['init']>;
export type KeySource = InitArgs['keySource'];
export type TalosEventName = EventName;

/** What a failed call rejects with: the failure's stable code and, where there is one, its remedy. */
export interface TalosError extends Error {
  code: string;
  remedy: string | null;
}

declare global {
  interface Window {
    talos: TalosBridge;
  }
}
