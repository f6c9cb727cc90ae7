import { beforeAll, describe, expect, it, vi } from 'vitest';
import { clientOf, type TalosBridge } from '../../../shared/contract/bridge.js';
import { registry } from '../../../shared/contract/registry.js';
import { TalosCallError } from '../../../shared/contract/wire-error.js';

const exposed = new Map<string, unknown>();
const listeners = new Map<string, ((event: unknown, message: unknown) => void)[]>();
const invoke = vi.fn<(channel: string, request: unknown) => Promise<unknown>>();
const send = vi.fn<(...args: unknown[]) => void>();

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api),
  },
  ipcRenderer: {
    invoke: (channel: string, request: unknown) => invoke(channel, request),
    send: (...args: unknown[]) => {
      send(...args);
    },
    on: (channel: string, listener: (event: unknown, message: unknown) => void) => {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
    },
    removeListener: (channel: string, listener: (event: unknown, message: unknown) => void) => {
      listeners.set(
        channel,
        (listeners.get(channel) ?? []).filter((candidate) => candidate !== listener),
      );
    },
  },
}));

let talos: TalosBridge;
beforeAll(async () => {
  await import('../../../electron/preload.js');
  talos = exposed.get('talos') as TalosBridge;
});

function emit(channel: string, message: unknown): void {
  for (const listener of listeners.get(channel) ?? []) listener({}, message);
}

describe('the preload bridge', () => {
  it('exposes only window.talos, with exactly the registry operations and events.subscribe, frozen', () => {
    expect([...exposed.keys()]).toEqual(['talos']);
    expect(Object.keys(talos).sort()).toEqual([...Object.keys(registry), 'events'].sort());
    for (const area of Object.keys(registry) as (keyof typeof registry)[]) {
      expect(Object.keys(talos[area]).sort()).toEqual(Object.keys(registry[area]).sort());
      expect(Object.isFrozen(talos[area])).toBe(true);
    }
    expect(Object.keys(talos.events)).toEqual(['subscribe']);
    expect(Object.isFrozen(talos)).toBe(true);
    expect('ipcRenderer' in talos || 'invoke' in talos || 'send' in talos).toBe(false);
  });

  it("sends each call on its operation's own channel, and rebuilds failures with code and remedy", async () => {
    invoke.mockResolvedValueOnce({ ok: true, result: [] });
    const client = clientOf(talos);
    expect(await client.vault.list({})).toEqual([]);
    expect(invoke).toHaveBeenLastCalledWith('talos:vault.list', {
      callId: expect.any(String) as unknown,
      args: {},
    });
    invoke.mockResolvedValueOnce({
      ok: false,
      error: { code: 'vault-locked', message: 'the vault is locked', remedy: 'unlock' },
    });
    const failure: unknown = await client.vault.list({}).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TalosCallError);
    expect(failure).toMatchObject({ code: 'vault-locked', message: 'the vault is locked', remedy: 'unlock' });
  });

  it('passes progress of its own call only, and sends cancel when the signal aborts', async () => {
    let finish: (reply: unknown) => void = () => undefined;
    invoke.mockImplementationOnce(
      () =>
        new Promise((resolve) => {
          finish = resolve;
        }),
    );
    const progress: unknown[] = [];
    const controller = new AbortController();
    const running = clientOf(talos).issuing.doctor(
      { online: true },
      { signal: controller.signal, onProgress: (report) => progress.push(report) },
    );
    await Promise.resolve();
    const request = invoke.mock.lastCall?.[1] as { callId: string };
    emit('talos:progress', { callId: 'someone-else', progress: { done: 9 } });
    emit('talos:progress', { callId: request.callId, progress: { done: 1 } });
    controller.abort();
    expect(send).toHaveBeenCalledWith('talos:cancel', { callId: request.callId });
    finish({ ok: false, error: { code: 'cancelled', message: 'cancelled', remedy: null } });
    await expect(running).rejects.toMatchObject({ code: 'cancelled' });
    expect(progress).toEqual([{ done: 1 }]);
    expect(listeners.get('talos:progress')).toEqual([]);
  });

  it('delivers events by name and stops on unsubscribe', () => {
    const heard: unknown[] = [];
    const stop = talos.events.subscribe('vaultChanged', (payload) => heard.push(payload));
    emit('talos:event', { name: 'vaultChanged', payload: { path: '/v' } });
    emit('talos:event', { name: 'sessionChanged', payload: { locked: true } });
    emit('talos:event', { name: 'not-an-event', payload: {} });
    stop();
    emit('talos:event', { name: 'vaultChanged', payload: { path: '/v' } });
    expect(heard).toEqual([{ path: '/v' }]);
  });
});
