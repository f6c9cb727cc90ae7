import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Notification,
  powerMonitor,
  protocol,
  session,
  shell,
} from 'electron';
import { defaultVaultHome } from './app-paths.js';
import { registerIpc } from './ipc.js';
import { startLifecycleTimer } from './lifecycle-timer.js';
import { startExpiryNotifier } from './expiry-notices.js';
import { createServices } from './service/create-services.js';
import { startTray } from './tray.js';
import { createPickedFiles } from './service/file-access.js';
import { createKeychainKeySource } from './vault/keychain.js';
import { createPassphraseKeySource } from './vault/passphrase.js';
import { filesFromSecondInstance, fileArgumentsFromArgv } from './launch-arguments.js';
import { createOpenedFiles, type OpenedFiles } from './opened-files.js';
import {
  APP_ENTRY_URL,
  applyContentSecurityPolicy,
  contentSecurityPolicy,
  denyPermissions,
  enableSandboxEverywhere,
  handleAppProtocol,
  registerAppScheme,
  restrictDevTools,
  secureEveryWebContents,
  secureWebPreferences,
} from './security.js';

/*
 * The app's main process: one window, the UI from app://, the vault in the same folder as the CLI's.
 * Everything that decides a security question lives in security.ts; this file only puts it together.
 */

const isDevelopment = !app.isPackaged;
// electron-vite dev serves the renderer and says where; a packaged app never reads this.
const devServerVariable = process.env.ELECTRON_RENDERER_URL ?? '';
const devServerUrl = isDevelopment && devServerVariable !== '' ? devServerVariable : undefined;
const buildDir = fileURLToPath(new URL('../renderer', import.meta.url));
const preloadPath = fileURLToPath(new URL('../preload/preload.cjs', import.meta.url));
const trayIconPath = fileURLToPath(new URL('../renderer/tray-icon.png', import.meta.url));
const launch = { packaged: app.isPackaged, cwd: process.cwd() };

/**
 * The services over the vault folder, as the app's session holds them (locked until the user unlocks, and
 * again after a lock), answered for this window only. Files chosen in the app's dialogs become single-use
 * tokens, and so do the files the app is asked to open, which the window takes into its import flow.
 */
function wireServicesAndIpc(window: BrowserWindow, vaultHome: string, openedFiles: OpenedFiles): void {
  const pickedFiles = createPickedFiles();
  const services = createServices({
    home: vaultHome,
    env: process.env,
    // No prompt behind the passphrase source: the unlock screen hands the passphrase to `unlock`.
    keySources: { keychain: createKeychainKeySource(), passphrase: createPassphraseKeySource({}) },
    session: 'app',
    pickedFiles,
  });
  const unregister = registerIpc(ipcMain, {
    services,
    window,
    dialog,
    pickedFiles,
    openedFiles,
    ...(devServerUrl === undefined ? {} : { devServerOrigin: new URL(devServerUrl).origin }),
  });
  // The key is forgotten when the screen locks or the machine sleeps (DESIGN.md "The app session"); the
  // lock also empties talosctl's file when the settings say so (lock-session.ts).
  const lock = (): void => {
    void services.vault.lockVault({});
  };
  powerMonitor.on('lock-screen', lock);
  powerMonitor.on('suspend', lock);
  const lifecycle = startLifecycleTimer(services);
  // At start, and again each time the vault is unlocked: due renewals should not wait an hour.
  void lifecycle.tick();
  const unsubscribe = services.events.subscribe('sessionChanged', ({ locked }) => {
    if (!locked) void lifecycle.tick();
  });
  // Once per certificate when it enters its warning window, and at start for those already in it.
  const notifier = startExpiryNotifier(services, (notice) => {
    if (!Notification.isSupported()) return;
    const shown = new Notification({ title: notice.title, body: notice.body });
    shown.on('click', () => {
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
    });
    shown.show();
  });
  void notifier.check();
  const stopTray = startTray({
    services,
    icon: trayIconPath,
    showWindow: () => {
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
    },
  });
  window.on('closed', () => {
    lifecycle.stop();
    notifier.stop();
    unsubscribe();
    stopTray();
    powerMonitor.off('lock-screen', lock);
    powerMonitor.off('suspend', lock);
    unregister();
    services.close();
  });
}

function start(): void {
  // The vault folder is the CLI's (DESIGN.md "The vault"), never Electron's userData.
  const vaultHome = defaultVaultHome(process.env, process.platform, homedir());
  const policy = contentSecurityPolicy(
    devServerUrl === undefined ? {} : { devServerOrigin: new URL(devServerUrl).origin },
  );
  /** Files asked for by launches (file associations, second instances); the import flow will take them. */
  const openedFiles = createOpenedFiles(fileArgumentsFromArgv(process.argv, launch));
  let window: BrowserWindow | null = null;

  enableSandboxEverywhere(app);
  registerAppScheme(protocol);
  secureEveryWebContents(app, (url) => shell.openExternal(url));

  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    openedFiles.add(filesFromSecondInstance(additionalData, argv, { ...launch, cwd: workingDirectory }));
    if (window === null) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  // macOS delivers double-clicked files as events, not arguments.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openedFiles.add([path]);
  });
  app.on('window-all-closed', () => {
    app.quit();
  });

  app
    .whenReady()
    .then(async () => {
      handleAppProtocol(protocol, buildDir, policy);
      applyContentSecurityPolicy(session.defaultSession, policy);
      denyPermissions(session.defaultSession);

      window = new BrowserWindow({
        width: 1100,
        height: 720,
        minWidth: 640,
        minHeight: 420,
        title: 'Talos Credential Manager',
        show: false,
        webPreferences: secureWebPreferences(preloadPath, isDevelopment),
      });
      restrictDevTools(window.webContents, isDevelopment);
      wireServicesAndIpc(window, vaultHome, openedFiles);
      window.once('ready-to-show', () => window?.show());
      window.on('closed', () => {
        window = null;
      });
      await window.loadURL(devServerUrl ?? APP_ENTRY_URL);
    })
    .catch((error: unknown) => {
      console.error('Talos Credential Manager could not start:', error);
      app.exit(1);
    });
}

// Electron's userData defaults to the vault's own folder name: Chromium's caches and cookies (and the
// single-instance lock) get a folder of their own instead. Set before the lock, which lives there.
app.setPath('userData', join(app.getPath('appData'), 'talos-credential-manager-ui'));

// A second launch hands its files to the first (which comes to the front) and quits.
if (app.requestSingleInstanceLock({ files: fileArgumentsFromArgv(process.argv, launch) })) {
  start();
} else {
  app.quit();
}
