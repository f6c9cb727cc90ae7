import { test as base, expect } from '@playwright/test';
import { HARNESS_ENTRY_URL, serveRenderer } from './serve-renderer.js';
import { emitTalosEvent, installTalosBridge, type MethodTree, type TalosCall } from './talos-bridge.js';

/**
 * The operations the renderer calls today (renderer/src/api/bridge-types.ts). Replaced by the tree
 * derived from the contract registry when it lands, so the page gets exactly the registry's methods.
 */
export const rendererMethods: MethodTree = {
  vault: ['status', 'list', 'use', 'unlock', 'lockVault', 'init'],
};

export interface AppHarness {
  /** Installs `window.talos` over `call` and opens the UI. */
  open(call: TalosCall, methods?: MethodTree): Promise<void>;
  /** Pushes a main-side event (`vaultChanged`, …) to the page's subscribers. */
  emit(name: string, payload?: unknown): Promise<void>;
  /** Uncaught errors in the page so far: a spec ends with none. */
  pageErrors: Error[];
}

export const test = base.extend<{ app: AppHarness }>({
  app: async ({ page }, use) => {
    const pageErrors: Error[] = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    await serveRenderer(page);
    await use({
      async open(call, methods = rendererMethods) {
        await installTalosBridge(page, methods, call);
        await page.goto(HARNESS_ENTRY_URL);
      },
      emit: (name, payload) => emitTalosEvent(page, name, payload),
      pageErrors,
    });
  },
});

export { expect };
