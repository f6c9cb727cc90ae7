import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge, type BridgeTransport } from '../shared/contract/bridge.js';
import {
  CANCEL_CHANNEL,
  channelOf,
  EVENT_CHANNEL,
  PROGRESS_CHANNEL,
  type CallReply,
} from '../shared/contract/ipc-protocol.js';

/**
 * `window.talos`: exactly the registry's operations plus `events.subscribe` (DESIGN.md "Electron
 * security"). The page gets neither ipcRenderer nor a generic invoke: each method sends on its own channel,
 * and what comes back is rebuilt as a TalosCallError carrying the failure's code and remedy.
 */
let nextCall = 0;

const transport: BridgeTransport = {
  async call(area, operation, args, options) {
    nextCall += 1;
    const callId = `${Date.now().toString(36)}-${nextCall.toString(36)}`;
    const onProgress = options?.onProgress;
    const progressListener = (_event: unknown, message: { callId?: unknown; progress?: unknown }): void => {
      if (message.callId === callId) onProgress?.(message.progress);
    };
    if (onProgress !== undefined) ipcRenderer.on(PROGRESS_CHANNEL, progressListener);
    const cancel = (): void => {
      ipcRenderer.send(CANCEL_CHANNEL, { callId });
    };
    options?.signal?.addEventListener('abort', cancel);
    try {
      return (await ipcRenderer.invoke(channelOf(area, operation), { callId, args })) as CallReply;
    } finally {
      options?.signal?.removeEventListener('abort', cancel);
      if (onProgress !== undefined) ipcRenderer.removeListener(PROGRESS_CHANNEL, progressListener);
    }
  },
  subscribe(listener) {
    const onEvent = (_event: unknown, message: unknown): void => {
      listener(message);
    };
    ipcRenderer.on(EVENT_CHANNEL, onEvent);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, onEvent);
    };
  },
};

contextBridge.exposeInMainWorld('talos', buildBridge(transport));
