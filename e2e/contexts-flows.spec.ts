import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseTalosconfig } from '../shared/talosconfig/parse.js';
import { expect, test } from './harness/fixtures.js';
import type { RealApp } from './harness/real-app.js';
import { seriousViolations } from './support/axe.js';
import { ADMIN_2021, FUTURE_2021, NOROLES_2021, seedVault } from './support/real-vault.js';

/*
 * The contexts, detail, switcher and import flows over the REAL main side (real-app.ts): what the page
 * did is read back from the vault, talosctl's file, the CLI or the age CLI.
 */

const names = async (app: RealApp) => (await app.services.vault.list({})).map((item) => item.name).sort();

test('import of the real fixtures: the preview adjusted (one rename, one skip), then the vault', async ({
  app,
  page,
}) => {
  await seedVault(app);
  await app.open();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Import' }).click();
  app.answerOpen([ADMIN_2021, NOROLES_2021, FUTURE_2021]);
  await page.getByRole('button', { name: 'Choose files…' }).click();

  const preview = page.getByRole('region', { name: 'Merge preview' });
  const [admin, noroles] = [
    preview.getByRole('article', { name: 'no-roles' }).nth(0),
    preview.getByRole('article', { name: 'no-roles' }).nth(1),
  ];
  await expect(admin).toContainText('add');
  await expect(noroles).toContainText('rename to no-roles-1');
  await expect(preview.getByRole('article', { name: 'future-role' })).toContainText(
    'skip: identical to future-role',
  );
  // Each incoming context's findings: Talos 1.12+ refuses these 2021 certificates' EKU.
  await expect(admin.getByRole('list', { name: 'Findings of no-roles' })).toContainText(
    'eku-not-client-auth-only',
  );
  expect(await seriousViolations(page)).toEqual([]);

  await admin.getByRole('combobox', { name: 'What to do with no-roles' }).selectOption('skip');
  const name = noroles.getByRole('textbox', { name: 'Name for no-roles' });
  await name.fill('noroles-2021');
  await page.getByRole('button', { name: 'Import 1' }).click();
  await expect(page.getByRole('status')).toContainText(
    '1 stored (no-roles as noroles-2021), 0 replaced, 2 skipped.',
  );

  const vault = await names(app);
  expect(vault).toContain('noroles-2021');
  expect(vault).not.toContain('no-roles');
  expect(vault.filter((entry) => entry.startsWith('future-role'))).toEqual(['future-role']);
  expect(app.pageErrors).toEqual([]);
});

test('files opened with the app start the import flow with them', async ({ app, page }) => {
  await app.services.vault.init({ keySource: 'keychain' });
  await app.open();
  await page.getByRole('heading', { level: 1, name: 'Contexts' }).waitFor();
  // As a second launch or a double-click hands a file to the running app: the filesOpened event.
  app.openWith([ADMIN_2021]);
  await expect(
    page.getByRole('region', { name: 'Merge preview' }).getByRole('article', { name: 'no-roles' }),
  ).toContainText('add');
  await page.getByRole('button', { name: 'Import 1' }).click();
  await expect(page.getByRole('status')).toContainText('1 stored');
  expect(await names(app)).toEqual(['no-roles']);
});

test("a switch writes talosctl's file; the quick switcher does it by keyboard", async ({ app, page }) => {
  await seedVault(app);
  await app.open();
  await page.getByRole('button', { name: 'Switch to admin@prod' }).click();
  await expect(page.getByRole('article', { name: 'admin@prod' })).toContainText('Current');
  expect(parseTalosconfig(await readFile(app.talosconfig), 'talosconfig').context).toBe('admin@prod');
  await expect(page.getByRole('contentinfo')).toContainText(/admin@prodexpires in/);

  await page.keyboard.press('Control+k');
  const input = page.getByRole('combobox', { name: 'Switch to context' });
  await expect(input).toBeFocused();
  // Recents first: the context just used leads.
  await expect(page.getByRole('listbox', { name: 'Contexts' }).getByRole('option').first()).toContainText(
    'admin@prod',
  );
  await input.fill('operator');
  await expect(
    page.getByRole('listbox', { name: 'Contexts' }).getByRole('option', { selected: true }),
  ).toContainText('operator@staging');
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('article', { name: 'operator@staging' })).toContainText('Current');
  expect(parseTalosconfig(await readFile(app.talosconfig), 'talosconfig').context).toBe('operator@staging');
});

test('detail: endpoints edited inline persist (read back through the CLI); labels and note too', async ({
  app,
  page,
}) => {
  await seedVault(app);
  await app.open();
  await page.getByRole('link', { name: 'backup@prod' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('backup@prod');
  await expect(page.getByRole('region', { name: 'What can this do?' })).toContainText(
    'talosctl etcd snapshot',
  );
  expect(await seriousViolations(page)).toEqual([]);

  const addresses = page.getByRole('region', { name: 'Endpoints and nodes' });
  await addresses.getByRole('button', { name: 'Edit endpoints' }).click();
  const field = addresses.getByRole('textbox', { name: 'Endpoints' });
  await field.fill('not an address!');
  await expect(addresses).toContainText('is not an address');
  await field.fill('10.20.0.99\n10.20.0.98:50000');
  await addresses.getByRole('button', { name: 'Save endpoints' }).click();
  await expect(addresses.getByRole('list', { name: 'Endpoints' }).getByRole('listitem')).toHaveText([
    '10.20.0.99',
    '10.20.0.98:50000',
  ]);

  await page.getByRole('textbox', { name: 'Add a label' }).fill('team=backup');
  await page.getByRole('button', { name: 'Add label' }).click();
  await expect(page.getByRole('list', { name: 'Labels' })).toContainText('team=backup');
  await page.getByRole('textbox', { name: 'Note' }).fill('nightly etcd job');
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.getByRole('button', { name: 'Save note' })).toBeDisabled();

  const { stdout } = await app.cli(['show', 'backup@prod', '--json']);
  const shown = JSON.parse(stdout) as { endpoints: string[]; labels: Record<string, string>; note: string };
  expect(shown.endpoints).toEqual(['10.20.0.99', '10.20.0.98:50000']);
  expect(shown.labels).toEqual({ team: 'backup' });
  expect(shown.note).toBe('nightly etcd job');
});

test('remove, then undo: the context stays; remove again: it goes', async ({ app, page }) => {
  await seedVault(app);
  await app.open();
  await page.getByRole('link', { name: 'backup@prod' }).click();
  await page.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByRole('status')).toContainText('Removed backup@prod.');
  await expect(page.getByRole('article', { name: 'backup@prod' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('article', { name: 'backup@prod' })).toHaveCount(1);
  expect(await names(app)).toContain('backup@prod');

  await page.getByRole('link', { name: 'backup@prod' }).click();
  await page.getByRole('button', { name: 'Remove' }).click();
  // Dismissing the notice makes the removal at once.
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect.poll(() => names(app)).not.toContain('backup@prod');
});

test('export with age to a recipient: the age CLI decrypts it', async ({ app, page }) => {
  await seedVault(app);
  const identity = join(app.root, 'identity.txt');
  execFileSync('age-keygen', ['-o', identity], { stdio: 'pipe' });
  const recipient = execFileSync('age-keygen', ['-y', identity], { encoding: 'utf8' }).trim();
  const output = join(app.root, 'reader.talosconfig.age');
  await app.open();
  await page.getByRole('link', { name: 'reader@prod' }).click();
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export reader@prod' });
  await dialog.getByRole('textbox', { name: 'Recipient' }).fill(recipient);
  expect(await seriousViolations(page)).toEqual([]);
  app.answerSave(output);
  await dialog.getByRole('button', { name: 'Choose where to save…' }).click();
  await expect(dialog.getByRole('status')).toContainText('encrypted with age');
  const plain = execFileSync('age', ['-d', '-i', identity, output], { encoding: 'utf8' });
  const config = parseTalosconfig(plain, 'decrypted');
  expect(config.contexts.map((context) => context.name)).toEqual(['reader@prod']);
});
