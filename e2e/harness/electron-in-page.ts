/*
 * What electron/preload.ts imports from 'electron', for the browser harness: the real preload is bundled
 * with this in its place and run in the page, so the e2e tests exercise the same bridge code as the app.
 * Calls go to page bindings that the harness routes into the same ipc.ts handlers (e2e/harness/real-app.ts).
 */
type Listener = (event: unknown, message: unknown) => void;

const scope = globalThis as unknown as Record<string, unknown>;
const listeners = new Map<string, Set<Listener>>();

// The Node side pushes events and progress here, as webContents.send would.
Object.defineProperty(scope, '__talosDeliver', {
  value: (channel: string, message: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener({}, message);
  },
});

function binding(name: string): (...args: unknown[]) => Promise<unknown> {
  return (...args) => (scope[name] as (...inner: unknown[]) => Promise<unknown>)(...args);
}

export const ipcRenderer = {
  invoke: async (channel: string, request: unknown) =>
    JSON.parse((await binding('__talosInvoke')(channel, request)) as string) as unknown,
  send: (channel: string, message: unknown) => {
    void binding('__talosSend')(channel, message);
  },
  on(channel: string, listener: Listener) {
    const set = listeners.get(channel) ?? new Set();
    set.add(listener);
    listeners.set(channel, set);
  },
  removeListener(channel: string, listener: Listener) {
    listeners.get(channel)?.delete(listener);
  },
};

export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown) {
    Object.defineProperty(scope, key, { value: api, enumerable: true });
  },
};
