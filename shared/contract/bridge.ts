import { eventMessageSchema, type CallReply } from './ipc-protocol.js';
import type { EventListener, EventName, EventSource } from './events.js';
import type { AreaSpec, ArgsIn, CallOptions } from './operation.js';
import { operationNames, type AreaName, type Registry } from './registry.js';

/**
 * `window.talos` as the preload (or the e2e harness) exposes it: one method per registry operation, each
 * answering with the call's reply envelope rather than throwing. Electron's contextBridge copies a thrown
 * Error with its message only, so a failure's code and remedy could not cross as an exception; the
 * renderer turns replies back into results and TalosCallErrors with `clientOf`.
 */
export type RawArea<Area extends AreaSpec> = {
  readonly [Name in keyof Area]: (args: ArgsIn<Area[Name]>, options?: CallOptions) => Promise<CallReply>;
};

export type TalosBridge = { readonly [Area in AreaName]: RawArea<Registry[Area]> } & {
  readonly events: EventSource;
};

/** What the bridge is built over: the preload's ipcRenderer, or the harness's page bindings. */
export interface BridgeTransport {
  call(area: AreaName, operation: string, args: unknown, options?: CallOptions): Promise<CallReply>;
  /** Every pushed event message; returns the unsubscribe. */
  subscribe(listener: (message: unknown) => void): () => void;
}

/** Builds exactly the registry's methods plus `events.subscribe`, frozen. */
export function buildBridge(transport: BridgeTransport): TalosBridge {
  const names = operationNames();
  const areas = Object.fromEntries(
    (Object.keys(names) as AreaName[]).map((area) => [
      area,
      Object.freeze(
        Object.fromEntries(
          names[area].map((operation) => [
            operation,
            (args: unknown, options?: CallOptions) => transport.call(area, operation, args, options),
          ]),
        ),
      ),
    ]),
  );
  const events: EventSource = Object.freeze({
    subscribe<Name extends EventName>(name: Name, listener: EventListener<Name>) {
      return transport.subscribe((message) => {
        const parsed = eventMessageSchema.safeParse(message);
        if (parsed.success && parsed.data.name === name) {
          listener(parsed.data.payload as Parameters<EventListener<Name>>[0]);
        }
      });
    },
  });
  return Object.freeze({ ...areas, events }) as unknown as TalosBridge;
}

export { clientOf, type TalosClient } from './client.js';
