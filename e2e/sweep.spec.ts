import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './harness/fixtures.js';
import { seriousViolations } from './support/axe.js';
import { openSection } from './support/choices.js';
import { plantProjects } from './support/sweep-folder.js';

/*
 * "Find plaintext credentials" over the REAL main side: a folder planted on disk, picked through the
 * folder dialog, scanned, imported and cleaned; the vault and the tree are read back afterwards.
 */

test('a picked folder is scanned, its talosconfigs imported, and only the safe copies removed', async ({
  app,
  page,
}) => {
  const planted = plantProjects(join(app.root, 'projects'));
  await app.services.vault.init({ keySource: 'keychain' });
  await app.open();
  await openSection(page, 'Find credentials', 'Find plaintext credentials');
  expect(await seriousViolations(page)).toEqual([]);

  app.answerOpen([planted.root]);
  await page.getByRole('button', { name: 'Choose folders…' }).click();
  const summary = page.getByRole('heading', { level: 2, name: '4 plaintext credential files found' });
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();

  const card = (path: string) => page.getByRole('listitem', { name: path, exact: true });
  await expect(card(planted.open)).toContainText('Readable by other users.');
  await expect(card(planted.open)).toContainText(`chmod 600 ${planted.open}`);
  await expect(card(planted.open)).toContainText('mode 0644');
  await expect(card(planted.committed)).toContainText('Committed to git.');
  await expect(card(planted.committed)).toContainText('rotate these credentials');
  await expect(card(planted.bundle)).toContainText('Talos secrets bundle (CA keys)');
  const admin = card(planted.loose).getByRole('row', { name: /no-roles/ });
  await expect(admin.getByText('os:admin')).toBeVisible();
  await expect(admin).toContainText(/expires in \d+ years? \(2031-07-03\)/);
  await expect(admin).toContainText('not in the vault');
  await expect(
    page.getByText(/^1 tracked by git · 1 readable by other users · 3 not in the vault yet · /),
  ).toBeVisible();
  // Nothing the vault holds yet: no removal is offered.
  await expect(page.getByRole('button', { name: /^Remove/ })).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Import 3 talosconfigs into the vault' }).click();
  const imported = page.getByRole('status', { name: 'Import outcome' });
  await expect(imported).toContainText('Imported 3 files.');
  await expect(imported).toContainText('no-roles as no-roles-1 (the name was taken)');
  const held = (await app.services.vault.list({})).map((item) => item.name).sort();
  expect(held).toEqual(['future-role', 'no-roles', 'no-roles-1']);
  await expect(page.getByRole('button', { name: /into the vault$/ })).toHaveCount(0);

  // The committed copy stays: deleting it would not unpublish it.
  await page.getByRole('button', { name: 'Remove 2 plaintext copies…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove 2 plaintext copies?' });
  const listed = dialog.getByRole('list', { name: 'Files to delete' });
  await expect(listed).toContainText(planted.loose);
  await expect(listed).toContainText(planted.open);
  await expect(listed).not.toContainText(planted.committed);
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Delete 2 files' }).click();

  const removed = page.getByRole('status', { name: 'Removal outcome' });
  await expect(removed).toContainText('Removed 2 files:');
  await expect(dialog).toBeHidden();
  await expect(card(planted.loose)).toHaveCount(0);
  await expect(card(planted.committed)).toBeVisible();

  expect(existsSync(planted.loose)).toBe(false);
  expect(existsSync(planted.open)).toBe(false);
  expect(existsSync(planted.committed)).toBe(true);
  expect(existsSync(planted.bundle)).toBe(true);
  expect((await app.services.vault.list({})).map((item) => item.name).sort()).toEqual(held);
  expect(app.pageErrors).toEqual([]);
});

test('a picked folder that is gone is said in words, and nothing is swept', async ({ app, page }) => {
  await app.services.vault.init({ keySource: 'keychain' });
  await app.open();
  await openSection(page, 'Find credentials', 'Find plaintext credentials');
  app.answerOpen([join(app.root, 'no-such-folder')]);
  await page.getByRole('button', { name: 'Choose folders…' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toHaveAttribute('data-code', 'sweep-path-unreadable');
  await expect(alert).toContainText('That folder cannot be read.');
  await expect(alert).toContainText('nothing was swept');
  await expect(page.getByRole('button', { name: 'Scan my home folder' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  expect(app.pageErrors).toEqual([]);
});
