import { basename } from 'node:path';
import type { BrowserWindow, Dialog, IpcMain, IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import { eventNames } from '../shared/contract/events.js';
import {
  callRequestSchema,
  cancelMessageSchema,
  CANCEL_CHANNEL,
  channelOf,
  EVENT_CHANNEL,
  PROGRESS_CHANNEL,
  type CallReply,
} from '../shared/contract/ipc-protocol.js';
import type { AreaClient, CallOptions } from '../shared/contract/operation.js';
import { registry, type AreaName, type Registry } from '../shared/contract/registry.js';
import { toWireError } from '../shared/contract/wire-error.js';
import { UsageError } from '../shared/user-error.js';
import { FileError } from './files/file-error.js';
import type { OpenedFiles } from './opened-files.js';
import type { ServiceSet } from './service/create-services.js';
import type { PickedFiles } from './service/file-access.js';
import { implement, type Handlers } from './service/implement.js';

// Electron is imported for its types only: main.ts hands in ipcMain and dialog, so this wrapper also runs
// under plain Node, where the e2e harness drives it with a fake app:// sender (DESIGN.md "One contract,
// three transports").

/** The parts of an invoke event the checks read. */
export type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;
/** The window whose main frame is the one trusted sender, and where events and progress go. */
export type TrustedWindow = Pick<BrowserWindow, 'webContents'>;
export type DialogApi = Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;

/** Where our UI is served from (electron/security.ts registers the scheme; main.ts loads app://talos/). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'talos';

/**
 * Only the main frame of our own window, showing our own UI from app://, may call (DESIGN.md "Electron
 * security"): not a sub-frame, not another window, not a page that navigated elsewhere.
 */
export function isTrustedSender(
  event: SenderEvent,
  window: TrustedWindow,
  devServerOrigin?: string,
): boolean {
  const frame = event.senderFrame;
  if (frame === null || event.sender !== window.webContents) return false;
  if (frame !== window.webContents.mainFrame || frame.parent !== null) return false;
  try {
    // Not `origin` for app://: WHATWG URL gives "null" for a scheme it does not know as special.
    const url = new URL(frame.url);
    if (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST) return true;
    // `npm start` serves the UI from electron-vite's dev server; a packaged app has no such origin.
    return devServerOrigin !== undefined && url.origin === devServerOrigin;
  } catch {
    return false;
  }
}

/**
 * Where `{ kind: 'path' }` file references stand in a call's arguments. The renderer may name only files
 * the user picked in our dialogs (tokens); a raw path would let a compromised page read or overwrite any
 * file the user can (DESIGN.md "Files chosen in the app").
 */
export function pathReferences(value: unknown, at = 'args'): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => pathReferences(item, `${at}.${index}`));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  // Standard output is the CLI's; over IPC it is refused like a path.
  const here = record.kind === 'path' || record.kind === 'stdout' ? [at] : [];
  return [...here, ...Object.entries(record).flatMap(([key, item]) => pathReferences(item, `${at}.${key}`))];
}

interface DialogDeps {
  dialog: DialogApi;
  window: BrowserWindow;
  pickedFiles: PickedFiles;
  openedFiles: OpenedFiles | undefined;
}

const dialogHandlers: Handlers<Registry['dialogs'], DialogDeps> = {
  async pickOpen({ dialog, window, pickedFiles }, { title, filters, folders }) {
    const answer = await dialog.showOpenDialog(window, {
      title,
      filters,
      properties: [folders ? 'openDirectory' : 'openFile', 'multiSelections', 'dontAddToRecent'],
    });
    const paths = answer.canceled ? [] : answer.filePaths;
    const purpose = folders ? 'folder' : 'open';
    return {
      files: paths.map((path) => ({ token: pickedFiles.grant(path, purpose), name: basename(path) })),
    };
  },
  openedFiles({ pickedFiles, openedFiles }) {
    const paths = openedFiles?.drain() ?? [];
    return Promise.resolve({
      files: paths.map((path) => ({ token: pickedFiles.grant(path, 'open'), name: basename(path) })),
    });
  },
  async pickSave({ dialog, window, pickedFiles }, { title, defaultName, filters }) {
    const answer = await dialog.showSaveDialog(window, {
      title,
      defaultPath: defaultName,
      filters,
      // The dialog asks before replacing a file, so a save token may overwrite (Linux needs asking for it).
      properties: ['showOverwriteConfirmation', 'createDirectory', 'dontAddToRecent'],
    });
    if (answer.canceled || answer.filePath === '') return { picked: false };
    const path = answer.filePath;
    return { picked: true, token: pickedFiles.grant(path, 'save'), name: basename(path) };
  },
};

export interface IpcOptions {
  services: ServiceSet;
  window: TrustedWindow & BrowserWindow;
  dialog: DialogApi;
  pickedFiles: PickedFiles;
  /** Files the app was asked to open; none where nothing opens files (tests). */
  openedFiles?: OpenedFiles;
  /** Development only: the origin electron-vite's dev server serves the UI from. */
  devServerOrigin?: string;
}

type AnyClient = Record<string, (args: unknown, options?: CallOptions) => Promise<unknown>>;

/**
 * The one wrapper every call goes through: sender checked, no raw paths, arguments and results parsed by
 * the contract (inside `implement`), failures encoded as `{ code, message, remedy }`, progress sent back to
 * the sender, cancellation by call id.
 */
export function createIpcCalls(options: IpcOptions) {
  const areas: Record<AreaName, AnyClient> = {
    vault: options.services.vault as unknown as AnyClient,
    issuing: options.services.issuing as unknown as AnyClient,
    lifecycle: options.services.lifecycle as unknown as AnyClient,
    sweep: options.services.sweep as unknown as AnyClient,
    dialogs: implement('dialogs', registry.dialogs, dialogHandlers, {
      dialog: options.dialog,
      window: options.window,
      pickedFiles: options.pickedFiles,
      openedFiles: options.openedFiles,
    }) satisfies AreaClient<Registry['dialogs']> as unknown as AnyClient,
  };
  const running = new Map<string, AbortController>();

  const refuse = (error: unknown): CallReply => ({ ok: false, error: toWireError(error) });

  return {
    async call(event: SenderEvent, area: AreaName, name: string, request: unknown): Promise<CallReply> {
      if (!isTrustedSender(event, options.window, options.devServerOrigin)) {
        return refuse(new UsageError('this caller may not use the app', 'caller-refused'));
      }
      const parsed = callRequestSchema.safeParse(request);
      const operation = areas[area][name];
      if (!parsed.success || operation === undefined) {
        return refuse(new UsageError(`${name}: not a call this app answers`, 'caller-refused'));
      }
      const paths = pathReferences(parsed.data.args);
      if (paths.length > 0) {
        return refuse(
          new FileError(
            'file-path-refused',
            `${name}: ${paths.join(', ')} names a file by path; choose it in the app's file dialog`,
          ),
        );
      }
      const { callId, args } = parsed.data;
      const controller = new AbortController();
      running.set(callId, controller);
      try {
        const result = await operation(args, {
          signal: controller.signal,
          onProgress: (progress) => {
            options.window.webContents.send(PROGRESS_CHANNEL, { callId, progress });
          },
        });
        return { ok: true, result };
      } catch (error) {
        return refuse(error);
      } finally {
        running.delete(callId);
      }
    },
    cancel(event: SenderEvent, message: unknown): void {
      if (!isTrustedSender(event, options.window, options.devServerOrigin)) return;
      const parsed = cancelMessageSchema.safeParse(message);
      if (parsed.success) running.get(parsed.data.callId)?.abort();
    },
  };
}

/** Registers one handler per registry operation and forwards the services' events; returns the undo. */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler' | 'on' | 'off'>,
  options: IpcOptions,
): () => void {
  const calls = createIpcCalls(options);
  const channels: string[] = [];
  for (const area of Object.keys(registry) as AreaName[]) {
    for (const name of Object.keys(registry[area])) {
      const channel = channelOf(area, name);
      channels.push(channel);
      ipcMain.handle(channel, (event, request: unknown) => calls.call(event, area, name, request));
    }
  }
  const onCancel = (event: IpcMainEvent, message: unknown): void => {
    calls.cancel(event, message);
  };
  ipcMain.on(CANCEL_CHANNEL, onCancel);
  const stops = eventNames
    .filter((name) => name !== 'filesOpened')
    .map((name) =>
      options.services.events.subscribe(name, (payload) => {
        options.window.webContents.send(EVENT_CHANNEL, { name, payload });
      }),
    );
  // Opened files come from the shell (main.ts), not the services.
  const stopOpened = options.openedFiles?.onArrival(() => {
    options.window.webContents.send(EVENT_CHANNEL, { name: 'filesOpened', payload: {} });
  });
  if (stopOpened !== undefined) stops.push(stopOpened);
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
    ipcMain.off(CANCEL_CHANNEL, onCancel);
    for (const stop of stops) stop();
  };
}
