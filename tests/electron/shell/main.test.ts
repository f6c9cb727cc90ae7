import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { channelOf } from '../../../shared/contract/ipc-protocol.js';
import { registry, type AreaName } from '../../../shared/contract/registry.js';
import { FakeApp, FakeProtocol, FakeSession, FakeWebContents } from './fake-electron.js';

/*
 * main.ts runs on import, so each test builds a fresh fake Electron, imports main.ts afresh, and looks at
 * what it did. Only the wiring is checked here; each guard has its own test beside this one.
 */

class MainFakeApp extends FakeApp {
  isPackaged = true;
  gotLock = true;
  lockData: unknown = null;
  quitCalls = 0;
  readonly paths = new Map<string, string>();
  requestSingleInstanceLock(data: unknown): boolean {
    this.lockData = data;
    return this.gotLock;
  }
  quit(): void {
    this.quitCalls += 1;
  }
  exit(): void {}
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  getPath(name: string): string {
    return name === 'appData' ? '/home/ada/.config' : `/electron/${name}`;
  }
  setPath(name: string, path: string): void {
    this.paths.set(name, path);
  }
}

class FakeWindow {
  static created: FakeWindow[] = [];
  readonly webContents = new FakeWebContents();
  loaded: string | null = null;
  focused = 0;
  restored = 0;
  minimized = false;
  constructor(readonly options: { webPreferences: Record<string, unknown> }) {
    FakeWindow.created.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loaded = url;
    return Promise.resolve();
  }
  once(): void {}
  on(): void {}
  show(): void {}
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.restored += 1;
  }
  focus(): void {
    this.focused += 1;
  }
}

/** Where main.ts registers its IPC handlers and power events. */
class FakeIpcMain {
  readonly handled = new Set<string>();
  handle(channel: string): void {
    this.handled.add(channel);
  }
  removeHandler(channel: string): void {
    this.handled.delete(channel);
  }
  on(): void {}
  off(): void {}
}

class FakePowerMonitor {
  readonly events: string[] = [];
  on(name: string): void {
    this.events.push(name);
  }
  off(): void {}
}

const fake = {
  ipcMain: new FakeIpcMain(),
  powerMonitor: new FakePowerMonitor(),
  app: new MainFakeApp(),
  protocol: new FakeProtocol(),
  session: { defaultSession: new FakeSession() },
  shell: { openExternal: vi.fn(() => Promise.resolve()) },
};

/** The tray icon: its menus as the templates main.ts built them. */
class FakeTray {
  static created: FakeTray[] = [];
  menus: unknown[] = [];
  destroyed = false;
  constructor() {
    FakeTray.created.push(this);
  }
  setToolTip(): void {}
  setContextMenu(menu: unknown): void {
    this.menus.push(menu);
  }
  destroy(): void {
    this.destroyed = true;
  }
}

vi.mock('electron', () => ({
  get app() {
    return fake.app;
  },
  get protocol() {
    return fake.protocol;
  },
  get session() {
    return fake.session;
  },
  get shell() {
    return fake.shell;
  },
  get ipcMain() {
    return fake.ipcMain;
  },
  get powerMonitor() {
    return fake.powerMonitor;
  },
  dialog: {},
  BrowserWindow: FakeWindow,
  Tray: FakeTray,
  Menu: { buildFromTemplate: (template: unknown) => template },
  // No desktop notifications in this process: the notifier says so and shows nothing.
  Notification: { isSupported: () => false },
  nativeImage: { createFromPath: () => ({}) },
}));

async function startMain(setup: (app: MainFakeApp) => void = () => {}): Promise<void> {
  fake.app = new MainFakeApp();
  fake.protocol = new FakeProtocol();
  fake.session = { defaultSession: new FakeSession() };
  fake.ipcMain = new FakeIpcMain();
  fake.powerMonitor = new FakePowerMonitor();
  FakeWindow.created = [];
  FakeTray.created = [];
  setup(fake.app);
  vi.resetModules();
  await import('../../../electron/main.js');
  // Let whenReady's continuation run.
  await new Promise((resolve) => setTimeout(resolve, 0));
}

beforeEach(() => {
  vi.stubEnv('ELECTRON_RENDERER_URL', '');
  // The services are built over the user's folders: point them somewhere that is not anyone's.
  vi.stubEnv('XDG_CONFIG_HOME', '/nonexistent/talcred-main-test/config');
  vi.stubEnv('TALOSCONFIG', '/nonexistent/talcred-main-test/talosconfig');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('main.ts', () => {
  it('sandboxes the app, registers app:// and loads the UI from it into one secure window', async () => {
    await startMain();
    expect(fake.app.sandboxed).toBe(true);
    expect(fake.protocol.privileged).toHaveLength(1);
    expect(fake.protocol.handlers.has('app')).toBe(true);
    expect(FakeWindow.created).toHaveLength(1);
    const [window] = FakeWindow.created;
    expect(window?.loaded).toBe('app://talos/index.html');
    expect(window?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      devTools: false,
    });
    expect(String(window?.options.webPreferences.preload)).toMatch(/preload[/\\]preload\.cjs$/);
  });

  it('answers exactly the registry operations over IPC, and locks on screen lock and sleep', async () => {
    await startMain();
    const expected = (Object.keys(registry) as AreaName[]).flatMap((area) =>
      Object.keys(registry[area]).map((name) => channelOf(area, name)),
    );
    expect([...fake.ipcMain.handled].sort()).toEqual(expected.sort());
    expect(fake.powerMonitor.events.sort()).toEqual(['lock-screen', 'suspend']);
  });

  it('puts a tray icon up whose menu (vault not created: locked) offers to open the window', async () => {
    await startMain();
    await vi.waitFor(() => {
      expect(FakeTray.created[0]?.menus.length).toBeGreaterThan(0);
    });
    const [menu] = FakeTray.created[0]?.menus ?? [];
    expect((menu as { label?: string }[]).map((entry) => entry.label)).toEqual([
      'Vault locked',
      undefined,
      'Open Talos Credential Manager',
    ]);
  });

  it('denies permissions and sets the CSP on the default session', async () => {
    await startMain();
    expect(fake.session.defaultSession.permissionRequest).not.toBeNull();
    expect(fake.session.defaultSession.headersListener).not.toBeNull();
  });

  it("keeps Chromium's data out of the vault folder", async () => {
    await startMain();
    expect(fake.app.paths.get('userData')).toBe('/home/ada/.config/talos-credential-manager-ui');
  });

  it('quits at once when another instance holds the lock, handing it the files', async () => {
    await startMain((app) => {
      app.gotLock = false;
    });
    expect(fake.app.quitCalls).toBe(1);
    expect(FakeWindow.created).toHaveLength(0);
    expect(fake.app.lockData).toEqual({ files: expect.any(Array) as unknown });
  });

  it('brings the window to the front when a second instance starts', async () => {
    await startMain();
    const [window] = FakeWindow.created;
    if (window) window.minimized = true;
    fake.app.emit('second-instance', {}, ['/opt/talos-cm', 'x.age'], '/srv', { files: ['/srv/x.age'] });
    expect(window?.restored).toBe(1);
    expect(window?.focused).toBe(1);
    // The page hears that files arrived, and takes them into its import flow.
    expect(window?.webContents.sent).toContainEqual({
      channel: expect.any(String) as string,
      message: { name: 'filesOpened', payload: {} },
    });
  });

  it('allows devtools when unpackaged (development)', async () => {
    await startMain((app) => {
      app.isPackaged = false;
    });
    expect(FakeWindow.created[0]?.options.webPreferences.devTools).toBe(true);
  });
});
