import { spawnSync } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseTalosconfig } from '../shared/talosconfig/parse.js';
import { expect, test } from './harness/fixtures.js';
import { seedVault } from './support/real-vault.js';

/*
 * talosctl's folder on a real read-only file system (a tmpfs remounted read-only; needs root, as CI runs):
 * a switch says so in words and what to do, and neither the file nor the vault changes.
 */

const mount = (...args: string[]) => spawnSync('mount', args, { encoding: 'utf8' });
const canMount = process.getuid?.() === 0;

test('a switch onto a read-only disk says why and changes neither the file nor the vault', async ({
  app,
  page,
}) => {
  test.skip(!canMount, 'mounting a read-only tmpfs needs root');
  await seedVault(app);
  const folder = dirname(app.talosconfig);
  await mkdir(folder, { recursive: true });
  expect(mount('-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', folder).status).toBe(0);
  try {
    await app.services.vault.use({ name: 'reader@prod' });
    const before = await readFile(app.talosconfig, 'utf8');
    expect(mount('-o', 'remount,ro', folder).status).toBe(0);
    await app.open();

    await page.getByRole('button', { name: 'Switch to admin@prod' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('A file could not be written');
    await expect(alert).toContainText('read-only');
    expect(await readFile(app.talosconfig, 'utf8')).toBe(before);
    expect(parseTalosconfig(before, app.talosconfig).context).toBe('reader@prod');
    expect((await app.services.vault.status({})).current).toBe('reader@prod');
    await expect(page.getByRole('article', { name: 'reader@prod' })).toContainText('Current');
  } finally {
    mount('-o', 'remount,rw', folder);
    spawnSync('umount', [folder]);
  }
  expect(app.pageErrors).toEqual([]);
});
