import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readOsCaFromYaml } from '../electron/pki/os-ca.js';
import { expect, test } from './harness/fixtures.js';
import type { RealApp } from './harness/real-app.js';
import { choice, openSection } from './support/choices.js';
import { ADMIN_2021, fixture, importExpiring, seedVault } from './support/real-vault.js';

/*
 * DESIGN.md "Electron security": no key ever reaches the renderer. One session through the flows, then
 * everything that crossed to the page and everything the page holds is searched for key material: PEM
 * private keys, their base64 as talosconfig fields carry them, and the actual keys of this vault.
 */

/** The secrets of this vault: every context's key field and every CA key, as stored and as PEM. */
async function secretsOf(app: RealApp): Promise<string[]> {
  const secrets: string[] = [];
  for (const bundle of ['secrets-talos-generate-testdata.yaml', 'secrets-talos-stability-testdata.yaml']) {
    const path = fixture(bundle);
    const ca = readOsCaFromYaml(await readFile(path, 'utf8'), path, new Date());
    secrets.push(ca.keyPem, Buffer.from(ca.keyPem).toString('base64'));
  }
  const exported = join(app.root, 'all-for-the-check.yaml');
  const names = (await app.services.vault.list({})).map((item) => item.name);
  await app.services.vault.exportContexts({ names, output: { kind: 'path', path: exported } });
  for (const match of (await readFile(exported, 'utf8')).matchAll(/^ {8}key: (\S+)$/gm)) {
    const field = match[1] ?? '';
    secrets.push(field, Buffer.from(field, 'base64').toString('latin1'));
  }
  return secrets.filter((secret) => secret.length > 40);
}

const keyMarkers = [
  /PRIVATE KEY-----/,
  /LS0tLS1CRUdJTiBFQyBQUklWQVRFIEtFWS0tLS0t|LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t/,
];

test('after a session of every flow, no key material crossed to the page or stays in it', async ({
  app,
  page,
}) => {
  test.setTimeout(90_000);
  await seedVault(app);
  await importExpiring(app, 'ci-reader@prod');
  await app.services.vault.use({ name: 'reader@prod' });
  await app.open();

  // Contexts, a detail with its certificate and what it can do, an export to a file.
  await page.getByRole('link', { name: 'admin@prod' }).click();
  await expect(page.getByRole('region', { name: 'Certificate' })).toContainText('os:admin');
  app.answerSave(join(app.root, 'admin-export.yaml'));
  await page.getByRole('button', { name: 'Export…' }).click();
  const exportDialog = page.getByRole('dialog');
  await exportDialog.locator('label', { hasText: /^Plain talosconfig/ }).click();
  await exportDialog.getByRole('button', { name: 'Choose where to save…' }).click();
  await expect(exportDialog).toContainText('admin-export.yaml');
  await exportDialog.getByRole('button', { name: 'Done' }).click();
  await expect(exportDialog).toHaveCount(0);
  await page.getByRole('button', { name: '← Contexts' }).click();

  // Renewal and elevation.
  await page.getByRole('button', { name: 'Renew all due (1)' }).click();
  await expect(page.getByRole('region', { name: 'Expiring credentials' }).getByRole('status')).toContainText(
    'Renewed 1',
  );
  await page.getByRole('link', { name: 'reader@prod', exact: true }).click();
  await page.getByRole('button', { name: 'Elevate…' }).click();
  const elevate = page.getByRole('dialog', { name: 'Elevate reader@prod' });
  await elevate.locator('label', { hasText: /^os:operator / }).click();
  await elevate.getByRole('textbox', { name: 'Reason' }).fill('reboot');
  await elevate.getByRole('button', { name: 'Elevate' }).click();
  await page
    .getByRole('region', { name: 'Elevated access' })
    .getByRole('button', { name: 'End now' })
    .click();
  await expect(page.getByRole('region', { name: 'Elevated access' })).toHaveCount(0);

  // Import with a preview of a real talosconfig, holding its key.
  await openSection(page, 'Import', 'Import');
  app.answerOpen([ADMIN_2021]);
  await page.getByRole('button', { name: 'Choose files…' }).click();
  await page.getByRole('region', { name: 'Merge preview' }).waitFor();
  await page.getByRole('button', { name: /^Import \d/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'replaced' })).toContainText('stored');

  // Issue into the vault, the CAs, the log, a request, the settings.
  await openSection(page, 'Issue', 'Issue a config');
  await page.getByRole('button', { name: 'Issue config' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/Issued|issued/);
  await openSection(page, 'CAs', 'CAs');
  await openSection(page, 'Issuance log', 'Issuance log');
  await openSection(page, 'Requests', 'Requests');
  await page.getByRole('textbox', { name: 'Context name' }).fill('me@prod');
  await choice(page, 'checkbox', 'Take etcd snapshots').click();
  app.answerSave(join(app.root, 'me.csr'));
  await page.getByRole('button', { name: 'Create request and save…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'saved to' })).toBeVisible();
  await openSection(page, 'Settings', 'Settings');

  const secrets = await secretsOf(app);
  expect(secrets.length).toBeGreaterThan(8);
  const held = await page.evaluate(() => ({
    dom: document.documentElement.outerHTML,
    local: JSON.stringify(Object.entries(localStorage)),
    session: JSON.stringify(Object.entries(sessionStorage)),
  }));
  const everything = [...app.crossed, held.dom, held.local, held.session];
  expect(app.crossed.length).toBeGreaterThan(30);
  for (const text of everything) {
    for (const marker of keyMarkers) expect(text).not.toMatch(marker);
    for (const secret of secrets) expect(text.includes(secret)).toBe(false);
  }
  expect(app.pageErrors).toEqual([]);
});
