import { buildBridge, type TalosBridge } from '../../shared/contract/bridge.js';
import type { EventName, EventPayload } from '../../shared/contract/events.js';
import type { CallReply } from '../../shared/contract/ipc-protocol.js';
import type { CallOptions } from '../../shared/contract/operation.js';
import type { AreaName } from '../../shared/contract/registry.js';
import { toWireError } from '../../shared/contract/wire-error.js';

/** A fake operation; a call with a progress listener or a cancel signal gets them, as in the app. */
export type FakeHandler = (args: unknown, options?: CallOptions) => unknown;

/**
 * A `window.talos` built by the real bridge code over plain handlers (`'vault.list': () => [...]`), for
 * component tests: replies and failures take the same path as in the app. An operation without a
 * handler fails as `internal`, so a test sees what it forgot.
 */
export function fakeBridge(handlers: Record<string, FakeHandler>) {
  const listeners = new Set<(message: unknown) => void>();
  const bridge: TalosBridge = buildBridge({
    async call(
      area: AreaName,
      operation: string,
      args: unknown,
      options: CallOptions = {},
    ): Promise<CallReply> {
      try {
        const handler = handlers[`${area}.${operation}`];
        if (handler === undefined) throw new Error(`no fake for ${area}.${operation}`);
        // Only a long call's options are passed, so `toHaveBeenCalledWith(args)` holds for the others.
        const long = options.onProgress !== undefined || options.signal !== undefined;
        return { ok: true, result: await (long ? handler(args, options) : handler(args)) };
      } catch (error) {
        return { ok: false, error: toWireError(error) };
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
  return {
    bridge,
    emit<Name extends EventName>(name: Name, payload: EventPayload<Name>): void {
      for (const listener of listeners) listener({ name, payload });
    },
    listeners,
  };
}
