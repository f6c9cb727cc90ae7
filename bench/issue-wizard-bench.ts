import type { Browser, Page } from '@playwright/test';
import { startRealApp } from '../e2e/harness/real-app.js';
import { HARNESS_ENTRY_URL, serveRenderer } from '../e2e/harness/serve-renderer.js';
import { seedVault } from '../e2e/support/real-vault.js';
import { figure, type Figure } from './measure.js';

const RUNS = 7;
const PREVIEW = '[aria-labelledby="preview-heading"] .preview-tasks';

/**
 * Resolves with the time from the next click to the frame after `selector` is in the page: for the
 * wizard, from the sidebar's "Issue" to its live preview drawn (CAs and settings fetched over IPC on the
 * first open, from the cache after).
 */
const clickToPaint = (selector: string) => `new Promise((resolve) => {
  let started = 0;
  document.addEventListener('click', () => { started = performance.now(); }, { capture: true, once: true });
  new MutationObserver((_, observer) => {
    if (started === 0 || document.querySelector(${JSON.stringify(selector)}) === null) return;
    observer.disconnect();
    requestAnimationFrame(() => resolve(performance.now() - started));
  }).observe(document.body, { childList: true, subtree: true });
})`;

async function openWizardMs(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Contexts', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Contexts' }).waitFor();
  const measured = page.evaluate(clickToPaint(PREVIEW));
  await page.waitForTimeout(20);
  await page.getByRole('button', { name: 'Issue', exact: true }).click();
  return Number(await measured);
}

/** The floor: the same preview's markup put into the same page by a plain click handler, no framework. */
const floorSetup = (markup: string) => `(() => {
  document.querySelector('#floor')?.remove();
  const host = document.createElement('div');
  host.id = 'floor';
  const button = document.createElement('button');
  button.textContent = 'floor';
  button.addEventListener('click', () => {
    const target = document.createElement('div');
    target.innerHTML = ${JSON.stringify(markup.replace('preview-heading', 'floor-heading'))};
    host.append(target);
  });
  host.append(button);
  document.body.append(host);
})()`;

async function floorMs(page: Page, markup: string): Promise<number> {
  await page.evaluate(floorSetup(markup));
  const measured = page.evaluate(clickToPaint('[aria-labelledby="floor-heading"] .preview-tasks'));
  await page.waitForTimeout(20);
  await page.locator('#floor button').click();
  return Number(await measured);
}

async function median(work: () => Promise<number>): Promise<number> {
  await work();
  const values: number[] = [];
  for (let run = 0; run < RUNS; run++) values.push(await work());
  values.sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)] ?? Number.NaN;
}

/** "Opening the issue wizard to a live preview <= 100 ms", over the real services and a seeded vault. */
export async function benchIssueWizard(browser: Browser): Promise<Figure> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 720 } });
  await serveRenderer(page);
  const app = await startRealApp(page);
  try {
    await seedVault(app);
    await page.goto(HARNESS_ENTRY_URL);
    await page.getByRole('heading', { level: 1, name: 'Contexts' }).waitFor();
    const open = await median(() => openWizardMs(page));
    // In-page code is given as text: this file is type-checked for Node, without the DOM's types.
    const markup = String(
      await page.evaluate(`document.querySelector('[aria-labelledby="preview-heading"]').outerHTML`),
    );
    const floor = await median(() => floorMs(page, markup));
    return figure('issue-wizard-to-live-preview', open, floor, 'ms', 100, 'value');
  } finally {
    await app.close();
    await page.close();
  }
}
