import type { Page } from '@playwright/test';

/**
 * The page's `window.talos` in the browser harness (DESIGN.md "One contract, three transports"): exactly
 * the given method tree (area → operation names), every call going to ONE Node-side `call`, plus
 * `events.subscribe`. In the app the preload builds the same shape over the IPC wrapper; here the test
 * supplies `call` (the real IPC wrapper over the real services, once the registry lands).
 */

/** Area → operation names, e.g. `{ vault: ['status', 'list'] }`. */
export type MethodTree = Readonly<Record<string, readonly string[]>>;

export type TalosCall = (area: string, operation: string, args: unknown) => Promise<unknown>;

/** What a failure looks like on the wire; the page rebuilds an Error with these properties. */
export interface WireError {
  code: string;
  message: string;
  remedy?: string;
}

type WireResult = { ok: true; value: unknown } | { ok: false; error: WireError };

const CALL_BINDING = '__talosHarnessCall';
const EMIT_HOOK = '__talosHarnessEmit';

/** Any thrown value as `{ code, message, remedy? }`; one without a string code is an internal error. */
export function toWireError(error: unknown): WireError {
  if (typeof error === 'object' && error !== null) {
    const { code, message, remedy } = error as Partial<Record<'code' | 'message' | 'remedy', unknown>>;
    if (typeof code === 'string') {
      return {
        code,
        message: typeof message === 'string' ? message : code,
        ...(typeof remedy === 'string' && { remedy }),
      };
    }
  }
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

/** Installs the bridge before any page script runs (call before `page.goto`). */
export async function installTalosBridge(page: Page, methods: MethodTree, call: TalosCall): Promise<void> {
  await page.exposeBinding(CALL_BINDING, async (_source, area: string, operation: string, args: unknown) => {
    try {
      return { ok: true, value: await call(area, operation, args) } satisfies WireResult;
    } catch (error) {
      return { ok: false, error: toWireError(error) } satisfies WireResult;
    }
  });
  await page.addInitScript(buildBridgeInPage, { methods, callBinding: CALL_BINDING, emitHook: EMIT_HOOK });
}

/** Pushes an event from Node to every page subscriber of `name`, as the main side's watchers do. */
export async function emitTalosEvent(page: Page, name: string, payload: unknown = {}): Promise<void> {
  await page.evaluate(
    ([hook, eventName, eventPayload]) => {
      const emit = (globalThis as unknown as Record<string, (n: string, p: unknown) => void>)[hook];
      emit?.(eventName, eventPayload);
    },
    [EMIT_HOOK, name, payload] as const,
  );
}

/**
 * Runs in the page (serialised by Playwright, so it uses nothing from this module). The bridge object
 * is frozen, as contextBridge's is: the page cannot swap a method for another.
 */
function buildBridgeInPage(options: { methods: MethodTree; callBinding: string; emitHook: string }): void {
  const scope = globalThis as unknown as Record<string, unknown>;
  const callNode = scope[options.callBinding] as (
    area: string,
    op: string,
    args: unknown,
  ) => Promise<WireResult>;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const bridge: Record<string, unknown> = {};
  for (const [area, operations] of Object.entries(options.methods)) {
    const methods: Record<string, (args: unknown) => Promise<unknown>> = {};
    for (const operation of operations) {
      methods[operation] = async (args: unknown) => {
        const result = await callNode(area, operation, args);
        if (result.ok) return result.value;
        throw Object.assign(new Error(result.error.message), result.error);
      };
    }
    bridge[area] = Object.freeze(methods);
  }
  bridge.events = Object.freeze({
    subscribe(name: string, listener: (payload: unknown) => void): () => void {
      const set = listeners.get(name) ?? new Set();
      set.add(listener);
      listeners.set(name, set);
      return () => {
        set.delete(listener);
      };
    },
  });
  Object.defineProperty(scope, 'talos', { value: Object.freeze(bridge), enumerable: true });
  Object.defineProperty(scope, options.emitHook, {
    value: (name: string, payload: unknown) => {
      for (const listener of listeners.get(name) ?? []) listener(payload);
    },
  });
}
