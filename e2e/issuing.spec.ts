import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import type { Page } from '@playwright/test';
import { allowedMethods } from '../shared/roles/permissions.js';
import { permissionTable } from '../shared/roles/permissions-table.js';
import { rolesForTasks, tasks } from '../shared/roles/tasks.js';
import { parseTalosconfig } from '../shared/talosconfig/parse.js';
import { expect, test } from './harness/fixtures.js';
import { seriousViolations } from './support/axe.js';
import { choice, openSection } from './support/choices.js';
import { fixture, seedVault } from './support/real-vault.js';

/*
 * The issue wizard over the real services: what the preview says is what the permission table says, and
 * what lands in the teammate's age file is a certificate whose Organization values are those roles.
 */

/** The certificate's subject as OpenSSL reads it (RFC 2253: `O=os:reader`, several O joined by `+`). */
function subjectOf(crtBase64: string): string {
  const pem = Buffer.from(crtBase64, 'base64').toString('utf8');
  return execFileSync('openssl', ['x509', '-noout', '-subject', '-nameopt', 'RFC2253'], { input: pem })
    .toString()
    .trim();
}

/** A worker machine config of the bundle's cluster: the OS CA's certificate, and no key (as Talos writes it). */
async function writeWorkerConfig(path: string): Promise<void> {
  const bundle = parse(await readFile(fixture('secrets-talos-generate-testdata.yaml'), 'utf8')) as {
    certs: { os: { crt: string } };
  };
  const machine = { type: 'worker', ca: { crt: bundle.certs.os.crt, key: '' } };
  await writeFile(path, stringify({ version: 'v1alpha1', machine, cluster: { clusterName: 'prod' } }));
}

async function openIssue(page: Page) {
  await openSection(page, 'Issue', 'Issue a config');
  await page.getByRole('button', { name: 'Issue config' }).waitFor();
}

const taskLabel = (id: string) => tasks.find((task) => task.id === id)?.label ?? id;

const mixes: { tasks: string[]; roles: string[] }[] = [
  { tasks: ['observe'], roles: ['os:reader'] },
  { tasks: ['observe', 'etcd-snapshot'], roles: ['os:etcd:backup', 'os:reader'] },
  { tasks: ['observe', 'reboot'], roles: ['os:operator'] },
];

test('each task mix: the preview matches the permission table; the age file opens with age, roles in O', async ({
  app,
  page,
}) => {
  test.setTimeout(90_000);
  await seedVault(app);
  const key = join(app.root, 'teammate.key');
  execFileSync('age-keygen', ['-o', key], { stdio: 'pipe' });
  const recipient = execFileSync('age-keygen', ['-y', key], { encoding: 'utf8' }).trim();
  await app.open();
  await openIssue(page);
  expect(await seriousViolations(page)).toEqual([]);

  for (const [index, mix] of mixes.entries()) {
    expect(rolesForTasks(mix.tasks)).toEqual(mix.roles);
    for (const task of tasks) {
      const box = page.getByRole('checkbox', { name: task.label, exact: true });
      if ((await box.isChecked()) !== mix.tasks.includes(task.id))
        await choice(page, 'checkbox', task.label).click();
    }
    const preview = page.getByRole('region', { name: 'What this config can do' });
    await expect(preview.getByRole('list', { name: 'Roles' }).getByRole('listitem')).toHaveText(mix.roles);
    await expect(preview).toContainText(
      `${allowedMethods(mix.roles).length} of ${permissionTable.length} API methods`,
    );
    await preview.getByText('API methods these roles may call').click();
    await expect(preview.getByRole('list', { name: 'Allowed API methods' }).getByRole('listitem')).toHaveText(
      allowedMethods(mix.roles),
    );
    for (const id of mix.tasks) await expect(preview.getByText(taskLabel(id))).toContainText(': allowed');

    const name = `mix-${index}`;
    await page.getByRole('textbox', { name: 'Context name' }).fill(name);
    await choice(page, 'radio', '8 hours').click();
    const store = page.getByRole('checkbox', { name: 'Store in the vault' });
    if (await store.isChecked()) await choice(page, 'checkbox', 'Store in the vault').click();
    await choice(page, 'radio', 'Encrypt to a teammate’s age recipient').click();
    await page.getByRole('textbox', { name: 'age recipients' }).fill(recipient);
    const target = join(app.root, `${name}.age`);
    app.answerSave(target);
    await page.getByRole('button', { name: 'Issue config' }).click();

    const summary = page.getByRole('region', { name: 'What was issued' });
    await expect(summary).toContainText(`Saved age-encrypted to ${target}.`);
    await expect(summary).toContainText(/in 7 hours/);
    const plain = execFileSync('age', ['-d', '-i', key, target], { encoding: 'utf8' });
    const issued = parseTalosconfig(plain, target).contexts[0];
    expect(issued?.name).toBe(name);
    expect(issued?.endpoints).toEqual(['10.20.0.11', '10.20.0.12', '10.20.0.13']);
    expect(subjectOf(issued?.crt ?? '')).toBe(`subject=${mix.roles.map((role) => `O=${role}`).join('+')}`);
    await page.getByRole('button', { name: 'Issue another' }).click();
  }
  const log = await app.services.issuing.log({});
  expect(
    log.entries.filter((entry) => entry.context?.startsWith('mix-')).map((entry) => entry.roles),
  ).toEqual(mixes.map((mix) => mix.roles));
  expect(app.pageErrors).toEqual([]);
});

test('admin needs the confirmation; a worker config is refused as a CA source in words', async ({
  app,
  page,
}) => {
  await seedVault(app);
  await app.open();
  await openIssue(page);
  await choice(page, 'checkbox', 'Read secrets').click();
  await expect(page.getByRole('group', { name: 'Dangerous roles' })).toContainText('read every secret');
  await expect(page.getByRole('button', { name: 'Issue config' })).toBeDisabled();
  await choice(page, 'checkbox', 'I understand: issue os:admin').click();
  await page.getByRole('button', { name: 'Issue config' }).click();
  await expect(page.getByRole('region', { name: 'What was issued' })).toContainText(
    'Stored in the vault as admin@prod-1.',
  );

  await page.getByRole('button', { name: 'Issue another' }).click();
  await page.getByRole('button', { name: 'Import a CA…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a CA' });
  await dialog.getByRole('textbox', { name: 'Cluster name' }).fill('workers');
  const worker = join(app.root, 'worker.yaml');
  await writeWorkerConfig(worker);
  app.answerOpen([worker]);
  await dialog.getByRole('button', { name: 'Choose secrets or config file…' }).click();
  await dialog.getByRole('button', { name: 'Import CA' }).click();
  await expect(dialog.getByRole('alert')).toContainText('worker machine config carries only');
  expect(await seriousViolations(page)).toEqual([]);
});
