import { expect, test, type LaunchedApp } from './launch-app.js';

/** Records what would reach the OS browser instead of opening it. */
async function recordOpenExternal(launched: LaunchedApp): Promise<void> {
  await launched.app.evaluate(({ shell }) => {
    const opened: string[] = [];
    Object.assign(globalThis, { openedExternally: opened });
    shell.openExternal = (url: string) => {
      opened.push(url);
      return Promise.resolve();
    };
  });
}

const openedExternally = (launched: LaunchedApp) =>
  launched.app.evaluate(() => (globalThis as unknown as { openedExternally: string[] }).openedExternally);

test('the page cannot navigate away', async ({ launched }) => {
  for (const target of ['https://evil.example/', 'file:///etc/passwd', 'app://talos/elsewhere.html']) {
    await launched.window.evaluate((url) => {
      window.location.href = url;
    }, target);
    await launched.window.waitForTimeout(300);
    expect(launched.window.url()).toBe('app://talos/index.html');
  }
});

test('window.open opens no window; an allowed https link goes to the OS browser', async ({ launched }) => {
  await recordOpenExternal(launched);
  const results = await launched.window.evaluate(() => [
    window.open('https://www.talos.dev/') === null,
    window.open('https://evil.example/') === null,
    window.open('app://talos/index.html') === null,
  ]);
  expect(results).toEqual([true, true, true]);
  expect(launched.app.windows()).toHaveLength(1);
  expect(await openedExternally(launched)).toEqual(['https://www.talos.dev/']);
});

test('a webview cannot attach', async ({ launched }) => {
  const attached = await launched.window.evaluate(async () => {
    const webview = document.createElement('webview');
    webview.setAttribute('src', 'https://evil.example/');
    document.body.append(webview);
    await new Promise((resolve) => setTimeout(resolve, 300));
    return 'getWebContentsId' in webview;
  });
  expect(attached).toBe(false);
  expect(launched.app.windows()).toHaveLength(1);
});
