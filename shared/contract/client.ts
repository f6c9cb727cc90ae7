import { TalosCallError } from './call-error.js';
import type { TalosBridge } from './bridge.js';
import type { EventSource } from './events.js';
import type { CallReply } from './ipc-protocol.js';
import type { AreaClient, CallOptions, CancelSignal } from './operation.js';
import type { AreaName, Registry } from './registry.js';

/*
 * The renderer's side of the bridge. Types only from the registry: the renderer needs no schema at run time
 * (the main side parses every argument and result), so neither zod nor the contract's schemas are in its
 * bundle, which has a size budget (DESIGN.md "Performance targets").
 */

export type TalosClient = { readonly [Area in AreaName]: AreaClient<Registry[Area]> } & {
  readonly events: EventSource;
};

/**
 * The renderer's view of `window.talos`: results, or a thrown TalosCallError with the failure's code and
 * remedy. A signal crosses contextBridge as a plain object whose functions are proxied (an AbortSignal's
 * own methods live on its prototype and would be lost in the copy).
 */
export function clientOf(bridge: TalosBridge): TalosClient {
  const unwrap = (call: (args: unknown, options?: CallOptions) => Promise<CallReply>) => {
    return async (args: unknown, options: CallOptions = {}) => {
      const reply = await call(args, {
        ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
        ...(options.signal === undefined ? {} : { signal: crossable(options.signal) }),
      });
      if (reply.ok) return reply.result;
      throw new TalosCallError(reply.error);
    };
  };
  // The bridge holds exactly the registry's operations (buildBridge makes it from the registry, frozen).
  const areas = Object.fromEntries(
    Object.entries(bridge)
      .filter(([area]) => area !== 'events')
      .map(([area, raw]) => [
        area,
        Object.freeze(
          Object.fromEntries(
            Object.entries(
              raw as Record<string, (args: unknown, options?: CallOptions) => Promise<CallReply>>,
            ).map(([operation, method]) => [operation, unwrap(method)]),
          ),
        ),
      ]),
  );
  return Object.freeze({ ...areas, events: bridge.events }) as unknown as TalosClient;
}

function crossable(signal: CancelSignal): CancelSignal {
  return {
    aborted: signal.aborted,
    addEventListener: (type, listener) => {
      signal.addEventListener(type, listener);
    },
    removeEventListener: (type, listener) => {
      signal.removeEventListener(type, listener);
    },
  };
}
