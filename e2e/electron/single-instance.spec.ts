import { spawn } from 'node:child_process';
import { electronPath, expect, mainScript, test } from './launch-app.js';

test('a second launch focuses the first, hands over its files and quits', async ({ launched }) => {
  await launched.app.evaluate(({ BrowserWindow }) => {
    const [window] = BrowserWindow.getAllWindows();
    if (window === undefined) return;
    const focus = window.focus.bind(window);
    Object.assign(globalThis, { focusedBySecond: 0 });
    window.focus = () => {
      (globalThis as unknown as { focusedBySecond: number }).focusedBySecond += 1;
      focus();
    };
  });
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const second = spawn(electronPath ?? '', [mainScript, 'team.talosconfig'], {
      env: launched.env,
      stdio: 'ignore',
    });
    second.on('error', reject);
    second.on('exit', resolve);
  });
  expect(exitCode).toBe(0);
  await expect
    .poll(() =>
      launched.app.evaluate(() => (globalThis as unknown as { focusedBySecond: number }).focusedBySecond),
    )
    .toBe(1);
  expect(launched.app.windows()).toHaveLength(1);
});
