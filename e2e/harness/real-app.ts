import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import type { BrowserWindow, IpcMain } from 'electron';
import { registerIpc, type DialogApi, type SenderEvent } from '../../electron/ipc.js';
import { createServices, type ServiceSet } from '../../electron/service/create-services.js';
import { createPickedFiles } from '../../electron/service/file-access.js';
import { createOpenedFiles } from '../../electron/opened-files.js';
import { createKeychainKeySource } from '../../electron/vault/keychain.js';
import { createPassphraseKeySource } from '../../electron/vault/passphrase.js';
import { preloadScript } from './preload-script.js';
import { repoPath } from './repo-path.js';

const run = promisify(execFile);
const talcredBin = repoPath('bin', 'talcred.js');

/**
 * The app's main side for one browser test (DESIGN.md "One contract, three transports"): the REAL services
 * from create-services.ts over a temporary vault folder and the runner's real gnome-keyring, registered
 * through the SAME electron/ipc.ts as the app, with a fake sender that is our window's main frame at
 * app://. The page runs the real preload (bundled with a shim for 'electron'). Dialogs are answered by
 * the test.
 */
export interface RealApp {
  root: string;
  /** The vault folder. */
  home: string;
  /** talosctl's config file (TALOSCONFIG). */
  talosconfig: string;
  services: ServiceSet;
  /** Every reply and event sent to the page so far, as the JSON text that crossed. */
  crossed: readonly string[];
  /** The file the next open dialog answers (none: the user cancelled). */
  answerOpen(paths: string[]): void;
  answerSave(path: string | null): void;
  /** As the app is asked to open files (a double-click on a `.talosconfig`, a second launch). */
  openWith(paths: string[]): void;
  /** Runs the real `talcred` CLI against the same vault, as another process would. */
  cli(args: string[], env?: NodeJS.ProcessEnv): Promise<{ stdout: string; stderr: string }>;
  close(): Promise<void>;
}

export async function startRealApp(page: Page): Promise<RealApp> {
  const root = await mkdtemp(join(tmpdir(), 'talcred-e2e-'));
  const home = join(root, 'vault-home');
  const talosconfig = join(root, 'talos', 'config');
  const env = { ...process.env, TALOSCONFIG: talosconfig, TALCRED_HOME: home };
  const pickedFiles = createPickedFiles();
  const keychain = createKeychainKeySource();
  const services = createServices({
    home,
    env,
    // As the app builds them: no prompt behind the passphrase source, the key held until locked.
    keySources: { keychain, passphrase: createPassphraseKeySource({ cost: { N: 2 ** 12, r: 8, p: 1 } }) },
    session: 'app',
    pickedFiles,
    // Short, so a change made by another process reaches the page within a test's patience.
    watch: { debounceMs: 100, intervalMs: 100 },
  });

  // Everything that crossed to the page, as it crossed: the check that no secret reaches the renderer.
  const crossed: string[] = [];
  const mainFrame = { url: 'app://talos/index.html', parent: null };
  const webContents = {
    mainFrame,
    send(channel: string, message: unknown) {
      crossed.push(JSON.stringify(message));
      page
        .evaluate(
          ([name, payload]) => {
            (globalThis as unknown as { __talosDeliver?: (c: string, m: unknown) => void }).__talosDeliver?.(
              name,
              payload,
            );
          },
          [channel, message] as const,
        )
        .catch(() => undefined); // the page may be navigating or closed: an event then has no one to hear it
    },
  };
  const window = { webContents } as unknown as BrowserWindow;
  const fromOurWindow = { sender: webContents, senderFrame: mainFrame } as unknown as SenderEvent;

  let openAnswer: string[] = [];
  let saveAnswer: string | null = null;
  const dialog = {
    showOpenDialog: () => Promise.resolve({ canceled: openAnswer.length === 0, filePaths: openAnswer }),
    showSaveDialog: () => Promise.resolve({ canceled: saveAnswer === null, filePath: saveAnswer ?? '' }),
  } as unknown as DialogApi;

  // The ipcMain ipc.ts registers on: the page's bindings below reach the very handlers it registered.
  const handlers = new Map<string, (event: SenderEvent, request: unknown) => Promise<unknown>>();
  const listeners = new Map<string, (event: SenderEvent, message: unknown) => void>();
  const ipcMain = {
    handle: (channel: string, handler: (event: SenderEvent, request: unknown) => Promise<unknown>) =>
      handlers.set(channel, handler),
    removeHandler: (channel: string) => handlers.delete(channel),
    on: (channel: string, listener: (event: SenderEvent, message: unknown) => void) =>
      listeners.set(channel, listener),
    off: (channel: string) => listeners.delete(channel),
  } as unknown as Pick<IpcMain, 'handle' | 'removeHandler' | 'on' | 'off'>;
  const openedFiles = createOpenedFiles();
  const unregister = registerIpc(ipcMain, { services, window, dialog, pickedFiles, openedFiles });

  // Replies cross as JSON text: Playwright's own serialisation of a large object tree (2,000 contexts) is
  // far slower than Electron's structured clone, and would be measured instead of the app.
  // Calls still running when a test ends (a lock emptying talosctl's file after the page moved on) are
  // waited for before the folder goes: removing it under a write fails the teardown.
  const inFlight = new Set<Promise<unknown>>();
  await page.exposeBinding('__talosInvoke', async (_source, channel: string, request: unknown) => {
    const handler = handlers.get(channel);
    if (handler === undefined) throw new Error(`no handler for ${channel}`);
    const call = handler(fromOurWindow, request);
    inFlight.add(call);
    try {
      const reply = JSON.stringify(await call);
      crossed.push(reply);
      return reply;
    } finally {
      inFlight.delete(call);
    }
  });
  await page.exposeBinding('__talosSend', (_source, channel: string, message: unknown) => {
    listeners.get(channel)?.(fromOurWindow, message);
  });
  await page.addInitScript({ content: await preloadScript() });

  return {
    root,
    home,
    talosconfig,
    services,
    crossed,
    answerOpen(paths) {
      openAnswer = paths;
    },
    answerSave(path) {
      saveAnswer = path;
    },
    openWith(paths) {
      openedFiles.add(paths);
    },
    async cli(args, extra = {}) {
      return run(process.execPath, [talcredBin, ...args], { env: { ...env, ...extra } });
    },
    async close() {
      await Promise.allSettled([...inFlight]);
      unregister();
      services.close();
      await forgetKeychainEntry(join(home, 'vault'), keychain);
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** The test's vault key leaves the runner's keyring with the test. */
async function forgetKeychainEntry(
  vaultPath: string,
  keychain: ReturnType<typeof createKeychainKeySource>,
): Promise<void> {
  if (!existsSync(vaultPath)) return;
  const header = (await readFile(vaultPath, 'utf8')).split('\n')[1] ?? '{}';
  try {
    const { vaultId, keySource } = JSON.parse(header) as { vaultId?: string; keySource?: string };
    if (vaultId !== undefined && keySource === 'keychain')
      await keychain.forget(vaultId).catch(() => undefined);
  } catch {
    // a damaged header (a test made it so): nothing to forget
  }
}
