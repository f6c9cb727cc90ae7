import type { Page } from '@playwright/test';
import { repoPath } from './repo-path.js';
import { APP_ORIGIN, contentSecurityPolicy, createAppRequestHandler } from '../../electron/security.js';

/**
 * The origin the harness serves the built renderer on. A Vite build does not run from file:// (module
 * scripts are blocked for origin null), and Chromium knows no app:// here, so requests to this origin
 * are answered by the app's own app:// handler: the same path rules, MIME types and CSP header.
 */
export const HARNESS_ORIGIN = 'http://talos.test';
export const HARNESS_ENTRY_URL = `${HARNESS_ORIGIN}/index.html`;

const buildDir = repoPath('out', 'renderer');

export async function serveRenderer(page: Page): Promise<void> {
  const handler = createAppRequestHandler(buildDir, contentSecurityPolicy());
  // Routes added later win: first refuse everything, so the page can reach nothing but our files.
  await page.route('**/*', (route) => route.abort('blockedbyclient'));
  await page.route(`${HARNESS_ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    const response = await handler(
      new Request(`${APP_ORIGIN}${url.pathname}${url.search}`, { method: route.request().method() }),
    );
    await route.fulfill({
      status: response.status,
      headers: Object.fromEntries(response.headers.entries()),
      body: Buffer.from(await response.arrayBuffer()),
    });
  });
}
