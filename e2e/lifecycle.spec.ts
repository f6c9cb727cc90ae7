import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseTalosconfig } from '../shared/talosconfig/parse.js';
import { expect, test } from './harness/fixtures.js';
import type { RealApp } from './harness/real-app.js';
import { seriousViolations } from './support/axe.js';
import { fixture, importExpiring, seedVault } from './support/real-vault.js';

/*
 * Expiry, renewal and elevation in the page over the REAL main side: the certificates the page caused are
 * read back from talosctl's file and checked with the real openssl.
 */

/** The context talosctl's file holds, and openssl's reading of its certificate. */
async function talosctlCertificate(app: RealApp) {
  const file = parseTalosconfig(await readFile(app.talosconfig, 'utf8'), app.talosconfig);
  const context = file.contexts.find((candidate) => candidate.name === file.context);
  const path = join(app.root, 'current.pem');
  await writeFile(path, Buffer.from(context?.crt ?? '', 'base64'));
  const text = execFileSync('openssl', ['x509', '-in', path, '-noout', '-text', '-nameopt', 'RFC2253'], {
    encoding: 'utf8',
  });
  return { current: file.context, text };
}

test('the banner names what is due and renews it in one click; the certificate is read back', async ({
  app,
  page,
}) => {
  await seedVault(app);
  await importExpiring(app, 'expiring@prod');
  await app.services.vault.use({ name: 'expiring@prod' });
  const before = (await app.services.vault.show({ name: 'expiring@prod' })).cert?.serial;
  await app.open();

  const banner = page.getByRole('region', { name: 'Expiring credentials' });
  await expect(banner).toContainText('1 credential expires soon');
  await expect(banner).toContainText('expiring@prod');
  await expect(page.getByLabel(/due for renewal/)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await banner.getByRole('button', { name: 'Renew all due (1)' }).click();
  await expect(banner.getByRole('status')).toContainText('Renewed 1 context');
  await expect(banner).not.toContainText('expires soon');

  const after = await app.services.vault.show({ name: 'expiring@prod' });
  expect(after.cert?.serial).not.toBe(before);
  expect(after.findings.map((finding) => finding.code)).toEqual([]);
  // talosctl's file held it: it has the new certificate, with the same roles.
  const file = await talosctlCertificate(app);
  expect(file.current).toBe('expiring@prod');
  expect(file.text).toContain(`Serial Number:`);
  expect(file.text).toContain('Subject: O=os:reader');
  expect(file.text.replace(/:/g, '').toLowerCase()).toContain(after.cert?.serial ?? 'missing');
  expect(app.pageErrors).toEqual([]);
});

test('elevate from the detail: a countdown while it lasts, "End now" switches talosctl back', async ({
  app,
  page,
}) => {
  await seedVault(app);
  await app.services.vault.use({ name: 'reader@prod' });
  await app.open();
  await page.getByRole('link', { name: 'reader@prod' }).click();
  await page.getByRole('button', { name: 'Elevate…' }).click();

  const dialog = page.getByRole('dialog', { name: 'Elevate reader@prod' });
  // The box is drawn by its label (the input is visually hidden), so the user's click lands there.
  const role = (name: string) => dialog.locator('label', { hasText: new RegExp(`^${name} `) });
  await role('os:operator').click();
  await expect(dialog.getByRole('checkbox', { name: /os:operator/ })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: '15m' })).toBeChecked();
  await expect(dialog.getByRole('button', { name: 'Elevate' })).toBeDisabled();
  // An admin role asks for its own, explicit yes.
  await role('os:admin').click();
  await expect(dialog.getByRole('checkbox', { name: /I understand that os:admin/ })).not.toBeChecked();
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('reboot cp-1 after the kernel update');
  await expect(dialog.getByRole('button', { name: 'Elevate' })).toBeDisabled();
  await role('os:admin').click();
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Elevate' }).click();

  const banner = page.getByRole('region', { name: 'Elevated access' });
  await expect(banner).toContainText('Elevated: reader@prod-elevated');
  await expect(banner.getByRole('timer', { name: 'Time left for reader@prod-elevated' })).toHaveText(
    /1[45]:\d\d left/,
  );
  const elevated = await talosctlCertificate(app);
  expect(elevated.current).toBe('reader@prod-elevated');
  expect(elevated.text).toContain('Subject: O=os:operator');
  const log = await app.services.issuing.log({});
  expect(log.entries.at(-1)).toMatchObject({
    elevatedFrom: 'reader@prod',
    reason: 'reboot cp-1 after the kernel update',
  });

  await banner.getByRole('button', { name: 'End now' }).click();
  await expect(banner).toHaveCount(0);
  expect((await talosctlCertificate(app)).current).toBe('reader@prod');
  expect((await app.services.vault.list({})).map((item) => item.name)).not.toContain('reader@prod-elevated');
  expect(app.pageErrors).toEqual([]);
});

test('a context whose CA is elsewhere offers a renewal request, saved through the dialog', async ({
  app,
  page,
}) => {
  await seedVault(app);
  // Signed by a cluster CA the vault does not hold.
  await importExpiring(app, 'elsewhere', fixture('secrets-tf-provider-v1.2-aescbc.yaml'));
  await app.open();
  const banner = page.getByRole('region', { name: 'Expiring credentials' });
  await expect(banner).toContainText('signed by a CA this vault does not hold');
  await expect(banner.getByRole('button', { name: /Renew all due/ })).toHaveCount(0);
  await page.getByRole('link', { name: 'elsewhere' }).click();
  await expect(page.getByRole('button', { name: 'Renew', exact: true })).toHaveCount(0);
  const path = join(app.root, 'elsewhere-renew.csr');
  app.answerSave(path);
  await page.getByRole('button', { name: 'Request renewal…' }).click();
  await expect(page.getByRole('status')).toContainText(`Renewal request saved to ${path}`);
  const csr = execFileSync('openssl', ['req', '-in', path, '-noout', '-text', '-nameopt', 'RFC2253'], {
    encoding: 'utf8',
  });
  expect(csr).toContain('Subject: O=os:reader');
  expect(app.pageErrors).toEqual([]);
});
