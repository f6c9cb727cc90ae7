import { _electron, test as base, type ElectronApplication, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Electron binary to drive; none can be downloaded on our machines, so it must be given. */
export const electronPath = process.env.ELECTRON_PATH;
export const noElectronReason =
  'ELECTRON_PATH is not set: no Electron binary can be downloaded here, so the Electron-only specs need one given';

export const mainScript = fileURLToPath(new URL('../../out/main/main.js', import.meta.url));

export interface LaunchedApp {
  app: ElectronApplication;
  window: Page;
  env: NodeJS.ProcessEnv;
  close(): Promise<void>;
}

/** Starts the built app (npm run build) over a throw-away vault folder and Chromium profile. */
export async function launchApp(): Promise<LaunchedApp> {
  if (electronPath === undefined) throw new Error(noElectronReason);
  const root = await mkdtemp(join(tmpdir(), 'talcred-electron-e2e-'));
  const env = {
    ...process.env,
    TALCRED_HOME: join(root, 'vault'),
    XDG_CONFIG_HOME: join(root, 'config'),
    ELECTRON_RENDERER_URL: '',
  };
  const app = await _electron.launch({ executablePath: electronPath, args: [mainScript], env });
  const window = await app.firstWindow();
  await window.waitForLoadState('domcontentloaded');
  return {
    app,
    window,
    env,
    async close() {
      await app.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/**
 * `launched`: the app started for one test and closed after it. Without an Electron binary every test
 * using it is skipped, with the reason.
 */
export const test = base.extend<{ launched: LaunchedApp }>({
  // Playwright reads a fixture's dependencies from its first parameter, which must be a pattern.
  // eslint-disable-next-line no-empty-pattern
  launched: async ({}, use, testInfo) => {
    testInfo.skip(electronPath === undefined, noElectronReason);
    const launched = await launchApp();
    try {
      await use(launched);
    } finally {
      await launched.close();
    }
  },
});

export { expect } from '@playwright/test';
