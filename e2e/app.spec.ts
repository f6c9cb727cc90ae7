import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { contentSecurityPolicy } from '../electron/security.js';
import { expect, test } from './harness/fixtures.js';
import { HARNESS_ORIGIN } from './harness/serve-renderer.js';
import { seriousViolations } from './support/axe.js';
import { sampleContexts } from './support/sample-contexts.js';
import { standInCall, standInState, type StandInState } from './support/stand-in-vault.js';

/*
 * Proves the browser harness: the built renderer, served with the app's CSP, over a `window.talos` whose
 * calls reach one Node-side `call`. That `call` is the TEMPORARY in-memory stand-in
 * (support/stand-in-vault.ts) until the real IPC wrapper and services are plugged in.
 */

const screenshots = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
mkdirSync(screenshots, { recursive: true });

test('the list renders grouped rows and switches with one click', async ({ app, page }) => {
  const state = standInState({ contexts: sampleContexts() });
  await app.open(standInCall(state));
  await expect(page.getByRole('heading', { level: 2 })).toHaveText([
    'prod 3',
    'staging 2',
    'Other contexts 1',
  ]);
  await expect(page.getByRole('article')).toHaveCount(6);
  await expect(page.getByRole('contentinfo')).toContainText('reader@prod');
  await page.getByRole('button', { name: 'Switch to staging' }).click();
  await expect(page.getByRole('contentinfo')).toContainText('Current contextstaging');
  await expect(page.getByRole('article', { name: 'staging', exact: true })).toContainText('Current');
  expect(app.pageErrors).toEqual([]);
});

test('a change pushed from the main side refetches the list', async ({ app, page }) => {
  const state = standInState({ contexts: sampleContexts() });
  await app.open(standInCall(state));
  await expect(page.getByRole('article')).toHaveCount(6);
  state.contexts = state.contexts.slice(0, 2);
  await app.emit('vaultChanged');
  await expect(page.getByRole('article')).toHaveCount(2);
});

test('a failure thrown in Node reaches the page as { code, message, remedy }', async ({ app, page }) => {
  await app.open(() =>
    Promise.reject(Object.assign(new Error('kept'), { code: 'vault-damaged', remedy: 'restore' })),
  );
  const error = await page.evaluate(async () => {
    try {
      await window.talos.vault.status({});
      return null;
    } catch (caught) {
      const { code, message, remedy } = caught as { code: string; message: string; remedy?: string };
      return { isError: caught instanceof Error, code, message, remedy };
    }
  });
  expect(error).toEqual({ isError: true, code: 'vault-damaged', message: 'kept', remedy: 'restore' });
  await expect(page.getByRole('heading', { name: 'The vault file is damaged' })).toBeVisible();
});

test('window.talos has exactly the given methods, frozen', async ({ app, page }) => {
  await app.open(standInCall(standInState()), { vault: ['status', 'list'] });
  const shape = await page.evaluate(() => {
    const bridge = window.talos as unknown as Record<string, Record<string, unknown>>;
    return {
      areas: Object.keys(bridge).sort(),
      vault: Object.keys(bridge.vault ?? {}).sort(),
      frozen: Object.isFrozen(bridge) && Object.isFrozen(bridge.vault),
    };
  });
  expect(shape).toEqual({ areas: ['events', 'vault'], vault: ['list', 'status'], frozen: true });
});

test('the CSP blocks eval and inline script', async ({ app, page }) => {
  // page.evaluate itself is exempt from the CSP (DevTools may always evaluate), so eval is tried from a
  // script of our own origin, which the CSP lets load and must then stop from evaluating strings.
  await page.route(`${HARNESS_ORIGIN}/probe-eval.js`, (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      body: `
        try { eval('1'); window.probe.evalRan = true; } catch { window.probe.evalBlocked = true; }
        try { new Function('return 1')(); window.probe.functionRan = true; } catch { window.probe.functionBlocked = true; }
        window.probe.done = true;`,
    }),
  );
  const response = page.waitForResponse((candidate) => candidate.url().endsWith('/index.html'));
  await app.open(standInCall(standInState({ contexts: sampleContexts() })));
  expect((await response).headers()['content-security-policy']).toBe(contentSecurityPolicy());
  await expect(page.getByRole('article').first()).toBeVisible();
  const outcome = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      violations.push(event.effectiveDirective),
    );
    const probe: Record<string, boolean> = {};
    Object.assign(window, { probe });
    const external = document.createElement('script');
    external.src = '/probe-eval.js';
    const loaded = new Promise((resolve) => {
      external.addEventListener('load', resolve);
    });
    document.body.append(external);
    await loaded;
    const inline = document.createElement('script');
    inline.textContent = 'window.probe.inlineRan = true';
    document.body.append(inline);
    await new Promise((resolve) => setTimeout(resolve, 50));
    return { probe, violations };
  });
  expect(outcome.probe).toEqual({ evalBlocked: true, functionBlocked: true, done: true });
  expect(outcome.violations).toEqual(expect.arrayContaining(['script-src', 'script-src-elem']));
});

/** Each screen, by the state that calls for it and what to do to get there. */
const screens: {
  name: string;
  state: Partial<StandInState>;
  reach?: (page: Page) => Promise<void>;
  ready: string;
}[] = [
  { name: 'contexts', state: { contexts: sampleContexts() }, ready: 'Contexts' },
  {
    name: 'contexts-search',
    state: { contexts: sampleContexts() },
    reach: async (page) => {
      await page.getByRole('searchbox', { name: 'Search contexts' }).fill('admin');
    },
    ready: 'Contexts',
  },
  {
    name: 'contexts-switch-error',
    state: { contexts: sampleContexts(), talosconfigReadOnly: true },
    reach: async (page) => {
      await page.getByRole('button', { name: 'Switch to staging' }).click();
      await page.getByRole('alert').waitFor();
    },
    ready: 'Contexts',
  },
  { name: 'contexts-empty', state: { contexts: [] }, ready: 'Contexts' },
  { name: 'unlock-keychain', state: { locked: true, keySource: 'keychain' }, ready: 'Unlock the vault' },
  {
    name: 'unlock-wrong-passphrase',
    state: { locked: true, keySource: 'passphrase' },
    reach: async (page) => {
      await page.getByLabel('Passphrase').fill('not it');
      await page.getByRole('button', { name: 'Unlock' }).click();
      await page.getByRole('alert').waitFor();
    },
    ready: 'Unlock the vault',
  },
  { name: 'first-run', state: { exists: false }, ready: 'Set up Talos Credential Manager' },
  {
    name: 'first-run-no-keychain',
    state: { exists: false, keychainAnswers: false },
    reach: async (page) => {
      await page.getByRole('button', { name: 'Create vault with keychain' }).click();
      await page.getByRole('alert').waitFor();
    },
    ready: 'Set up Talos Credential Manager',
  },
  { name: 'error-vault-damaged', state: { listFails: 'vault-damaged' }, ready: 'The vault file is damaged' },
];

for (const colorScheme of ['light', 'dark'] as const) {
  for (const screen of screens) {
    test(`${screen.name} (${colorScheme}): no serious accessibility violation; screenshot`, async ({
      app,
      page,
    }) => {
      await page.emulateMedia({ colorScheme });
      await app.open(standInCall(standInState(screen.state)));
      await page.getByRole('heading', { level: 1, name: screen.ready }).waitFor();
      await screen.reach?.(page);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `${screenshots}${screen.name}-${colorScheme}.png` });
      expect(app.pageErrors).toEqual([]);
    });
  }
}
