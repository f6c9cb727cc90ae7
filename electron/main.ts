import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, protocol, session, shell } from 'electron';
import { defaultVaultHome } from './app-paths.js';
import { filesFromSecondInstance, fileArgumentsFromArgv } from './launch-arguments.js';
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
const devServerUrl = isDevelopment ? process.env.ELECTRON_RENDERER_URL : undefined;
const buildDir = fileURLToPath(new URL('../renderer', import.meta.url));
const preloadPath = fileURLToPath(new URL('../preload/preload.cjs', import.meta.url));
const launch = { packaged: app.isPackaged, cwd: process.cwd() };

/**
 * services + IPC: wired by the contract registry work — create the services over `vaultHome`
 * (electron/service/create-services.ts), then `registerIpc(...)` for this window; `openedFiles` feeds the
 * import flow. Until then the window opens with no `window.talos` and the UI says so.
 */
function wireServicesAndIpc(_window: BrowserWindow, _vaultHome: string, _openedFiles: string[]): void {
  // services + IPC: wired by the contract registry work
}

function start(): void {
  // The vault folder is the CLI's (DESIGN.md "The vault"), never Electron's userData.
  const vaultHome = defaultVaultHome(process.env, process.platform, homedir());
  const policy = contentSecurityPolicy(devServerUrl ? { devServerOrigin: new URL(devServerUrl).origin } : {});
  /** Files asked for by launches (file associations, second instances); the import flow will take them. */
  const openedFiles: string[] = fileArgumentsFromArgv(process.argv, launch);
  let window: BrowserWindow | null = null;

  enableSandboxEverywhere(app);
  registerAppScheme(protocol);
  secureEveryWebContents(app, (url) => shell.openExternal(url));

  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    openedFiles.push(...filesFromSecondInstance(additionalData, argv, { ...launch, cwd: workingDirectory }));
    if (window === null) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  // macOS delivers double-clicked files as events, not arguments.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openedFiles.push(path);
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
