import { spawnSync } from 'node:child_process';
import { expect, test } from './harness/fixtures.js';
import { seedVault } from './support/real-vault.js';

/*
 * The runner's real gnome-keyring, locked through the Secret Service while the app is locked: Unlock says
 * what to do, in words; once the keyring is unlocked again, the same button opens the vault. Playwright runs
 * one test at a time (playwright.config.ts), so locking the shared keyring disturbs no other test.
 */

const password = process.env.TALCRED_TEST_KEYRING_PASSWORD;

function lockKeyring(): void {
  const result = spawnSync('dbus-send', [
    '--session',
    '--print-reply',
    '--dest=org.freedesktop.secrets',
    '/org/freedesktop/secrets',
    'org.freedesktop.Secret.Service.Lock',
    'array:objpath:/org/freedesktop/secrets/collection/login',
  ]);
  expect(result.status, result.stderr.toString()).toBe(0);
}

/** As scripts/with-secret-service.mjs started it: the daemon takes the password on standard input. */
function unlockKeyring(): void {
  const result = spawnSync('gnome-keyring-daemon', ['--replace', '--unlock', '--components=secrets'], {
    input: password ?? '',
  });
  expect(result.status, result.stderr.toString()).toBe(0);
}

test('a locked keyring: Unlock says to unlock it, and opens the vault once it is', async ({ app, page }) => {
  test.skip(password === undefined, 'needs the private keyring of scripts/with-secret-service.mjs');
  await seedVault(app, 'keychain');
  await app.services.vault.lockVault({});
  lockKeyring();
  try {
    await app.open();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Unlock the vault');
    await page.getByRole('button', { name: 'Unlock' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('The keychain is locked');
    await expect(alert).toContainText('unlock the login keyring');
    await expect(app.services.vault.status({ brief: true })).resolves.toMatchObject({ locked: true });
  } finally {
    unlockKeyring();
  }
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Contexts' })).toBeVisible();
  expect(app.pageErrors).toEqual([]);
});
