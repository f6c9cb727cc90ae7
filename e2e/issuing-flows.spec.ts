import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './harness/fixtures.js';
import { seriousViolations } from './support/axe.js';
import { choice, openSection } from './support/choices.js';
import { fixture, seedVault } from './support/real-vault.js';

/*
 * The request, CA, log, lock and settings flows over the real services: files are read back from disk,
 * certificates with OpenSSL, settings with the real `talcred`.
 */

test('request → sign → complete: the key stays in the vault, the certificate carries the granted roles', async ({
  app,
  page,
}) => {
  await seedVault(app);
  await app.open();
  await openSection(page, 'Requests', 'Requests');

  await page.getByRole('textbox', { name: 'Context name' }).fill('me@prod');
  await choice(page, 'checkbox', 'Take etcd snapshots').click();
  const csr = join(app.root, 'me.csr');
  app.answerSave(csr);
  await page.getByRole('button', { name: 'Create request and save…' }).click();
  await expect(page.getByRole('status')).toContainText(`saved to ${csr}`);
  expect(await readFile(csr, 'utf8')).toMatch(/^-----BEGIN CERTIFICATE REQUEST-----/);
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('tab', { name: 'Sign a request' }).click();
  app.answerOpen([csr]);
  await page.getByRole('button', { name: 'Open a request…' }).click();
  const form = page.getByRole('form', { name: 'Sign the request' });
  await expect(form).toContainText('os:etcd:backup, os:reader');
  // The signer narrows: snapshots only.
  await choice(page, 'checkbox', 'os:reader').click();
  await choice(page, 'radio', '8 hours').click();
  const crt = join(app.root, 'me.crt');
  app.answerSave(crt);
  await page.getByRole('button', { name: 'Sign and save certificate…' }).click();
  await expect(page.getByRole('status')).toContainText(`Signed os:etcd:backup until`);
  const subject = execFileSync('openssl', ['x509', '-in', crt, '-noout', '-subject', '-nameopt', 'RFC2253'], {
    encoding: 'utf8',
  });
  expect(subject.trim()).toBe('subject=O=os:etcd:backup');

  await page.getByRole('tab', { name: 'Complete a request' }).click();
  app.answerOpen([crt]);
  await page.getByRole('button', { name: 'Open the certificate…' }).click();
  await expect(page.getByRole('status')).toContainText('the vault holds it as me@prod');
  expect((await app.services.vault.show({ name: 'me@prod' })).cert?.roles).toEqual(['os:etcd:backup']);
  expect(app.pageErrors).toEqual([]);
});

test('a CA imported from a secrets bundle is listed with its fingerprint and revocation horizon', async ({
  app,
  page,
}) => {
  await app.services.vault.init({ keySource: 'keychain' });
  await app.open();
  await openSection(page, 'CAs', 'CAs');
  await expect(page.getByText('No CA is stored.')).toBeVisible();
  await page.getByRole('button', { name: 'Import a CA…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a CA' });
  await dialog.getByRole('textbox', { name: 'Cluster name' }).fill('lab');
  app.answerOpen([fixture('secrets-tf-provider-v1.2-aescbc.yaml')]);
  await dialog.getByRole('button', { name: 'Choose secrets or config file…' }).click();
  await dialog.getByRole('button', { name: 'Import CA' }).click();
  await expect(dialog).toBeHidden();
  const [stored] = await app.services.issuing.listCas({});
  const card = page.getByRole('listitem', { name: 'lab' });
  await expect(card).toContainText(stored?.fingerprintSha256 ?? 'missing');
  await expect(card).toContainText('Nothing this CA issued is still valid.');

  await openSection(page, 'Issue', 'Issue a config');
  await page.getByRole('textbox', { name: 'Endpoints' }).fill('192.0.2.10');
  await page.getByRole('button', { name: 'Issue config' }).click();
  await page.getByRole('heading', { level: 1, name: 'Config issued' }).waitFor();
  await openSection(page, 'CAs', 'CAs');
  const [after] = await app.services.issuing.listCas({});
  await expect(card).toContainText(
    `Everything this CA issued is dead after ${(after?.revocationHorizon ?? '').slice(0, 16).replace('T', ' ')} UTC`,
  );
  await expect(card).toContainText('1 certificate');
});

test('the log searches, and its CSV export holds exactly the rows shown', async ({ app, page }) => {
  await seedVault(app);
  await app.open();
  await openSection(page, 'Issuance log', 'Issuance log');
  const rows = page.getByRole('table', { name: 'Issued certificates' }).getByRole('row');
  await expect(rows).toHaveCount(5); // the header and four certificates
  await page.getByRole('searchbox', { name: 'Search the log' }).fill('etcd');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('backup@prod');
  const csv = join(app.root, 'log.csv');
  app.answerSave(csv);
  await page.getByRole('button', { name: 'Export CSV…' }).click();
  await expect(page.getByRole('status')).toContainText(`Saved 1 row to ${csv}.`);
  const lines = (await readFile(csv, 'utf8')).trimEnd().split('\r\n');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(',os:etcd:backup os:reader,');
  expect(lines[1]).toContain(',backup@prod,');
  expect(await seriousViolations(page)).toEqual([]);
});

test("idle locks the vault (a short setting), empties talosctl's file, and one click unlocks", async ({
  app,
  page,
}) => {
  await seedVault(app);
  await app.services.vault.use({ name: 'reader@prod' });
  await app.services.vault.settings({ set: { autoLockSeconds: 2 } });
  await app.open();
  await openSection(page, 'Issue', 'Issue a config');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Unlock the vault', { timeout: 10_000 });
  expect(await readFile(app.talosconfig, 'utf8')).toBe('context: ""\ncontexts: {}\n');
  await expect(app.services.vault.list({})).rejects.toMatchObject({ code: 'vault-locked' });
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contexts');
});

test('a settings change is saved in the vault, as the CLI reads it back', async ({ app, page }) => {
  await seedVault(app);
  await app.open();
  await openSection(page, 'Settings', 'Settings');
  await page.getByRole('textbox', { name: 'Maximum lifetime' }).fill('30d');
  await page.getByRole('textbox', { name: 'Lock after idle' }).fill('5m');
  await choice(page, 'radio', /^Every context in the vault/).click();
  await choice(page, 'radio', 'Dark').click();
  await choice(page, 'checkbox', 'Empty talosctl’s file when the vault locks').click();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved.');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const { stdout } = await app.cli(['settings', '--json']);
  expect(JSON.parse(stdout)).toMatchObject({
    maxTtlSeconds: 30 * 86_400,
    autoLockSeconds: 300,
    targetMode: 'all',
    theme: 'dark',
    clearTalosconfigOnLock: false,
  });
  expect(await seriousViolations(page)).toEqual([]);
});
