import { test as base, expect } from '@playwright/test';
import { startRealApp, type RealApp } from './real-app.js';
import { HARNESS_ENTRY_URL, serveRenderer } from './serve-renderer.js';

export interface AppHarness extends RealApp {
  /** Opens the UI (after whatever the test set up on the main side). */
  open(): Promise<void>;
  /** Uncaught errors in the page so far: a spec ends with none. */
  pageErrors: Error[];
}

/** Every spec gets the built renderer over the real main side (real-app.ts), torn down after it. */
export const test = base.extend<{ app: AppHarness }>({
  app: async ({ page }, use) => {
    const pageErrors: Error[] = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    await serveRenderer(page);
    const real = await startRealApp(page);
    try {
      await use(
        Object.assign(real, {
          async open() {
            await page.goto(HARNESS_ENTRY_URL);
          },
          pageErrors,
        }),
      );
    } finally {
      await real.close();
    }
  },
});

export { expect };
