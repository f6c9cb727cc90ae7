import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { startRealApp } from '../e2e/harness/real-app.js';
import { repoPath } from '../e2e/harness/repo-path.js';
import { HARNESS_ENTRY_URL, HARNESS_ORIGIN, serveRenderer } from '../e2e/harness/serve-renderer.js';
import { serializeTalosconfig } from '../shared/talosconfig/serialize.js';
import { configWith } from './fixture-contexts.js';
import { benchIssueWizard } from './issue-wizard-bench.js';
import { figure, type Figure } from './measure.js';

/*
 * The renderer's figures (DESIGN.md "Performance targets"), through the browser harness: the built UI in
 * Debian Chromium over the real services, with 2,000 contexts in a keychain vault. Floors are measured in
 * the same run: a plain HTML table of the same rows, and React itself for the bundle size.
 */

const CONTEXTS = 2_000;
const RUNS = 7;
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'];

/** Records, from navigation start, when the first row is in the page and the frame after it. */
const firstRowProbe = `
  new MutationObserver((_, observer) => {
    if (document.querySelector('article, tr') === null) return;
    observer.disconnect();
    requestAnimationFrame(() => { window.__firstRowPainted = performance.now(); });
  }).observe(document, { childList: true, subtree: true });`;

export async function benchRenderer(): Promise<Figure[]> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  try {
    return [bundleSize(), ...(await listFigures(browser)), await benchIssueWizard(browser)];
  } finally {
    await browser.close();
  }
}

/** gzip of everything the renderer build ships, against React and ReactDOM's own production builds. */
function bundleSize(): Figure {
  const assets = repoPath('out', 'renderer', 'assets');
  const gzipped = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;
  const total = readdirSync(assets).reduce((sum, name) => sum + gzipped(join(assets, name)), 0);
  const react = ['react/cjs/react.production.js', 'react-dom/cjs/react-dom-client.production.js']
    .map((file) => gzipped(repoPath('node_modules', file)))
    .reduce((a, b) => a + b, 0);
  return figure('renderer-gzip-total', total / 1024, react / 1024, 'KiB', 200, 'value');
}

async function listFigures(browser: Browser): Promise<Figure[]> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 720 } });
  await serveRenderer(page);
  const app = await startRealApp(page);
  try {
    await app.services.vault.init({ keySource: 'keychain' });
    const text = serializeTalosconfig(configWith(CONTEXTS));
    await app.services.vault.importContexts({ sources: [{ kind: 'text', text, label: 'bench' }] });
    const items = await app.services.vault.list({});
    await servePlainTable(page, items);

    await page.addInitScript({ content: firstRowProbe });
    const paint = await median(RUNS, () => firstRowAt(page, HARNESS_ENTRY_URL));
    const floorPaint = await median(RUNS, () => firstRowAt(page, `${HARNESS_ORIGIN}/floor.html`));

    await page.goto(HARNESS_ENTRY_URL);
    await page.locator('article').first().waitFor();
    const keystroke = await median(RUNS, () => keystrokeMs(page, '.context-list'));
    await page.goto(`${HARNESS_ORIGIN}/floor.html`);
    await page.locator('tr').first().waitFor();
    const floorKeystroke = await median(RUNS, () => keystrokeMs(page, 'tbody'));
    return [
      figure('first-list-paint-2000-contexts', paint, floorPaint, 'ms', 300, 'value'),
      figure('filter-keystroke-2000-contexts', keystroke, floorKeystroke, 'ms', 16, 'value'),
    ];
  } finally {
    await app.close();
    await page.close();
  }
}

// In-page code is given as text: this file is type-checked for Node, without the DOM's types.
async function firstRowAt(page: Page, url: string): Promise<number> {
  await page.goto(url);
  // A function, not a string: the app's CSP forbids the eval a string predicate needs.
  await page.waitForFunction(() => '__firstRowPainted' in globalThis);
  return page.evaluate(() => (globalThis as unknown as { __firstRowPainted: number }).__firstRowPainted);
}

/** Resolves with the time from the next keydown to the frame after `selector`'s content changed. */
const keystrokeProbe = (selector: string) => `new Promise((resolve) => {
  const target = document.querySelector(${JSON.stringify(selector)}) ?? document.body;
  let started = 0;
  document.addEventListener('keydown', () => { started = performance.now(); }, { capture: true, once: true });
  new MutationObserver((_, observer) => {
    if (started === 0) return;
    observer.disconnect();
    requestAnimationFrame(() => resolve(performance.now() - started));
  }).observe(target, { childList: true, subtree: true, characterData: true });
})`;

/**
 * From a key going down in the search box to the frame after the list changed. Each keystroke narrows
 * the filter (`cluster-0`, then a digit more), so every one changes what is shown; cleared between runs.
 */
async function keystrokeMs(page: Page, list: string): Promise<number> {
  const search = page.getByRole('searchbox');
  await search.fill('cluster-');
  await page.waitForTimeout(50);
  const measured = page.evaluate(keystrokeProbe(list));
  // Let the probe arm itself before the key goes down.
  await page.waitForTimeout(20);
  await search.press('1');
  const ms = Number(await measured);
  await search.fill('');
  return ms;
}

/** The floor: the same rows as a plain table with a filter box, no framework, no virtualization. */
async function servePlainTable(page: Page, items: readonly { name: string; endpoints: string[] }[]) {
  const rows = items.map((item) => [item.name, item.endpoints.join(', ')]);
  const html = `<!doctype html><meta charset="utf-8"><title>floor</title>
<input type="search" aria-label="Search"><table><tbody></tbody></table>
<script>
  const rows = ${JSON.stringify(rows)};
  const body = document.querySelector('tbody');
  const draw = (query) => {
    body.innerHTML = rows.filter(([name]) => name.includes(query))
      .map(([name, endpoints]) => '<tr><td>' + name + '</td><td>' + endpoints + '</td></tr>').join('');
  };
  draw('');
  document.querySelector('input').addEventListener('input', (event) => draw(event.target.value));
</script>`;
  // The floor page is ours, not the app: served without the app's CSP so its inline script runs.
  await page.route(`${HARNESS_ORIGIN}/floor.html`, (route) =>
    route.fulfill({ contentType: 'text/html', body: html }),
  );
}

async function median(runs: number, work: () => Promise<number>): Promise<number> {
  await work();
  const values: number[] = [];
  for (let run = 0; run < runs; run++) values.push(await work());
  values.sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)] ?? Number.NaN;
}
