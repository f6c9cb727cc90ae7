import { expect, test } from './launch-app.js';

test('the window runs with the secure preferences, from app://', async ({ launched }) => {
  // getLastWebPreferences is Electron's own (untyped) record of what the renderer was started with.
  const applied = await launched.app.evaluate(({ BrowserWindow }) => {
    const [window] = BrowserWindow.getAllWindows();
    const contents = window?.webContents as unknown as { getLastWebPreferences?: () => unknown } | undefined;
    return contents?.getLastWebPreferences?.() ?? null;
  });
  expect(applied).toMatchObject({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webgl: false,
    webviewTag: false,
    spellcheck: false,
  });
  expect(launched.window.url()).toBe('app://talos/index.html');
  const pageSees = await launched.window.evaluate(() => ({
    require: typeof (globalThis as Record<string, unknown>).require,
    process: typeof (globalThis as Record<string, unknown>).process,
    webgl: document.createElement('canvas').getContext('webgl') !== null,
  }));
  expect(pageSees).toMatchObject({ require: 'undefined', process: 'undefined', webgl: false });
});

test('the CSP header arrives with the UI', async ({ launched }) => {
  const header = await launched.window.evaluate(async () => {
    const response = await fetch('/index.html');
    return response.headers.get('content-security-policy');
  });
  expect(header).toContain("script-src 'self'");
});
