import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { contentSecurityPolicy } from '../electron/security.js';
import { operationNames } from '../shared/contract/registry.js';
import { parseTalosconfig } from '../shared/talosconfig/parse.js';
import { expect, test } from './harness/fixtures.js';
import { HARNESS_ORIGIN } from './harness/serve-renderer.js';
import { seriousViolations } from './support/axe.js';
import { ADMIN_2021, NOROLES_2021, seedVault } from './support/real-vault.js';

/*
 * The built renderer in Debian Chromium over the REAL main side: the services from create-services.ts on a
 * temporary vault and the runner's gnome-keyring, reached through electron/ipc.ts and the real preload
 * (e2e/harness/real-app.ts). What a spec checks on disk is read back from disk.
 */

test('first run creates a keychain vault and imports the file talosctl uses', async ({ app, page }) => {
  await mkdir(dirname(app.talosconfig), { recursive: true });
  await copyFile(ADMIN_2021, app.talosconfig);
  await app.open();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Set up Talos Credential Manager');
  await expect(page.getByRole('checkbox', { name: /Import the contexts talosctl uses/ })).toBeChecked();
  await page.getByRole('button', { name: 'Create vault with keychain' }).click();

  const row = page.getByRole('article', { name: 'no-roles' });
  await expect(row).toContainText('os:admin');
  await expect(row).toContainText(/expires in \d+ years/);
  const status = await app.services.vault.status({});
  expect(status).toMatchObject({ exists: true, keySource: 'keychain', contexts: 1 });
  // Importing never rewrites talosctl's file: it is still the one the user had.
  expect(await readFile(app.talosconfig)).toEqual(await readFile(ADMIN_2021));
  expect(app.pageErrors).toEqual([]);
});

test('the list shows each cluster with the roles and expiry of real certificates', async ({ app, page }) => {
  await seedVault(app);
  await app.open();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText([
    'prod 3',
    'staging 1',
    'Other contexts 1',
  ]);
  const backup = page.getByRole('article', { name: 'backup@prod' });
  await expect(backup).toContainText('os:etcd:backup');
  // Issued for 2 days, backdated 5 minutes for clock skew: 1 day and 23 hours are left.
  await expect(backup).toContainText('expires in 1 day');
  await expect(page.getByRole('article', { name: 'admin@prod' })).toContainText('os:admin');
  await expect(page.getByRole('article', { name: 'future-role' })).toContainText('os:future');
});

test("one click switches the context, and talosctl's file on disk holds just it", async ({ app, page }) => {
  await seedVault(app);
  await app.open();
  await page.getByRole('button', { name: 'Switch to reader@prod' }).click();
  await expect(page.getByRole('article', { name: 'reader@prod' })).toContainText('Current');
  await expect(page.getByRole('contentinfo')).toContainText('reader@prod');
  const written = parseTalosconfig(await readFile(app.talosconfig, 'utf8'), app.talosconfig);
  expect(written.context).toBe('reader@prod');
  expect(written.contexts.map((context) => context.name)).toEqual(['reader@prod']);
  expect(written.contexts[0]?.endpoints).toEqual(['10.20.0.11', '10.20.0.12', '10.20.0.13']);
});

test('a `talcred import` in another process shows up without a reload', async ({ app, page }) => {
  await seedVault(app);
  await app.open();
  await expect(page.getByRole('article')).toHaveCount(5);
  await app.cli(['import', NOROLES_2021]);
  await expect(page.getByRole('article', { name: 'no-roles' })).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(6);
});

test("talosctl's own switch (an edit of the file's context) is followed", async ({ app, page }) => {
  await seedVault(app);
  await app.services.vault.settings({ set: { targetMode: 'all' } });
  await app.services.vault.use({ name: 'reader@prod' });
  await app.open();
  await expect(page.getByRole('article', { name: 'reader@prod' })).toContainText('Current');
  // What `talosctl config context admin@prod` does: rewrite the file's `context:` line, nothing else.
  const text = await readFile(app.talosconfig, 'utf8');
  await writeFile(app.talosconfig, text.replace(/^context: .*$/m, 'context: admin@prod'));
  await expect(page.getByRole('article', { name: 'admin@prod' })).toContainText('Current');
  await expect(page.getByRole('contentinfo')).toContainText('admin@prod');
  await expect(page.getByRole('article', { name: 'reader@prod' })).not.toContainText('Current');
});

test('window.talos has exactly the registry operations and events.subscribe, frozen', async ({
  app,
  page,
}) => {
  await app.open();
  const shape = await page.evaluate(() => {
    const bridge = window.talos as unknown as Record<string, Record<string, unknown>>;
    return {
      areas: Object.keys(bridge).sort(),
      methods: Object.fromEntries(
        Object.entries(bridge).map(([area, methods]) => [area, Object.keys(methods).sort()]),
      ),
      frozen: Object.isFrozen(bridge) && Object.values(bridge).every((area) => Object.isFrozen(area)),
    };
  });
  const names = operationNames();
  expect(shape.areas).toEqual([...Object.keys(names), 'events'].sort());
  for (const [area, operations] of Object.entries(names)) {
    expect(shape.methods[area]).toEqual([...operations].sort());
  }
  expect(shape.methods.events).toEqual(['subscribe']);
  expect(shape.frozen).toBe(true);
});

test('the page cannot name a file by path, only by a dialog token', async ({ app, page }) => {
  await seedVault(app);
  await app.open();
  const reply = await page.evaluate(() =>
    window.talos.vault.importContexts({
      sources: [{ kind: 'file', file: { kind: 'path', path: '/etc/passwd' } }],
    }),
  );
  expect(reply).toMatchObject({ ok: false, error: { code: 'file-path-refused' } });
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
  await seedVault(app);
  const response = page.waitForResponse((candidate) => candidate.url().endsWith('/index.html'));
  await app.open();
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

test('a locked passphrase vault asks, says a wrong passphrase in words, and opens', async ({ app, page }) => {
  await seedVault(app, 'passphrase');
  await app.services.vault.lockVault({});
  await app.open();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Unlock the vault');
  await page.getByLabel('Passphrase').fill('not it');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toContainText('Wrong passphrase');
  await page.getByLabel('Passphrase').fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('article', { name: 'admin@prod' })).toBeVisible();
  await page.getByRole('button', { name: 'Lock vault' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Unlock the vault');
  await expect(app.services.vault.list({})).rejects.toMatchObject({ code: 'vault-locked' });
});

test('a damaged vault is said in words, and one click puts the newest backup back', async ({ app, page }) => {
  await seedVault(app);
  const vaultFile = `${app.home}/vault`;
  const bytes = await readFile(vaultFile);
  bytes[bytes.length - 20] = (bytes[bytes.length - 20] ?? 0) ^ 0x80;
  await writeFile(vaultFile, bytes);
  await app.open();
  await expect(page.getByRole('heading', { name: 'The vault file is damaged' })).toBeVisible();
  expect(await readFile(vaultFile)).toEqual(bytes);
  await page.getByRole('button', { name: 'Restore the newest backup' }).click();
  // The newest backup is the vault before the last import: everything issued is back.
  await expect(page.getByRole('article', { name: 'admin@prod' })).toBeVisible();
  const kept = (await readdir(app.home)).filter((name) => name.startsWith('vault.damaged-'));
  expect(kept).toHaveLength(1);
  expect(await readFile(`${app.home}/${kept[0] ?? ''}`)).toEqual(bytes);
});

test("a switch that cannot write talosctl's file says why and changes nothing", async ({ app, page }) => {
  await seedVault(app);
  // A file where talosctl's folder should be: the folder cannot be made.
  await writeFile(dirname(app.talosconfig), 'not a folder');
  await app.open();
  await page.getByRole('button', { name: 'Switch to reader@prod' }).click();
  await expect(page.getByRole('alert')).toContainText('a part of the path is not a folder');
  await expect(page.getByRole('article', { name: 'reader@prod' })).not.toContainText('Current');
  expect((await app.services.vault.status({})).current).toBe('');
});

test("a FIFO as talosctl's file is refused at once, naming it, never opened", async ({ app, page }) => {
  await seedVault(app);
  await mkdir(dirname(app.talosconfig), { recursive: true });
  execFileSync('mkfifo', [app.talosconfig]);
  await app.open();
  await expect(page.getByRole('alert')).toContainText(`${app.talosconfig}: is a FIFO (named pipe)`);
});

test('no serious or critical accessibility violation on the list with a search', async ({ app, page }) => {
  await seedVault(app);
  await app.open();
  await page.getByRole('searchbox', { name: 'Search contexts' }).fill('prod');
  await expect(page.getByRole('article')).toHaveCount(3);
  expect(await seriousViolations(page)).toEqual([]);
});
