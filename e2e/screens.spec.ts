import { mkdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './harness/fixtures.js';
import type { RealApp } from './harness/real-app.js';
import { seriousViolations } from './support/axe.js';
import { choice, openSection } from './support/choices.js';
import { plantProjects } from './support/sweep-folder.js';
import { ADMIN_2021, FUTURE_2021, NOROLES_2021, importExpiring, seedVault } from './support/real-vault.js';

/*
 * Every screen, reached through the real main side: axe finds no serious or critical violation, and a
 * screenshot of it in light and dark goes to docs/screenshots/ (the README shows them).
 */

const screenshots = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
mkdirSync(screenshots, { recursive: true });

interface Screen {
  name: string;
  /** The main side's state for this screen. */
  prepare: (app: RealApp) => Promise<void>;
  /** What the user does on it before the picture. */
  reach?: (page: Page) => Promise<void>;
  ready: string;
}

/** A certificate request made by the real services, for the sign screen. */
async function requestFile(app: RealApp): Promise<string> {
  const path = `${app.root}/ada.csr`;
  await app.services.issuing.createRequest({
    name: 'ada@prod',
    roles: ['os:reader', 'os:etcd:backup'],
    output: { kind: 'path', path },
  });
  return path;
}

/** An empty vault, and a planted projects folder the next folder dialog answers with. */
async function plantAndAnswer(app: RealApp): Promise<void> {
  await app.services.vault.init({ keySource: 'keychain' });
  app.answerOpen([plantProjects(`${app.root}/projects`).root]);
}

async function scanPlanted(page: Page): Promise<void> {
  await openSection(page, 'Find credentials', 'Find plaintext credentials');
  await page.getByRole('button', { name: 'Choose folders…' }).click();
  await page.getByRole('heading', { level: 2, name: /plaintext credential files found/ }).waitFor();
}

const screens: Screen[] = [
  {
    name: 'contexts',
    prepare: async (app) => {
      await seedVault(app);
      await importExpiring(app, 'ci-reader@prod');
    },
    ready: 'Contexts',
  },
  {
    name: 'elevated',
    prepare: async (app) => {
      await seedVault(app);
      await app.services.vault.use({ name: 'reader@prod' });
      await app.services.lifecycle.elevate({
        name: 'reader@prod',
        roles: ['os:operator'],
        reason: 'reboot cp-1 after the kernel update',
      });
    },
    ready: 'Contexts',
  },
  {
    name: 'elevate-dialog',
    prepare: (app) => seedVault(app),
    reach: async (page) => {
      await page.getByRole('link', { name: 'reader@prod' }).click();
      await page.getByRole('button', { name: 'Elevate…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Elevate reader@prod' });
      await dialog.locator('label', { hasText: /^os:admin / }).click();
      await dialog.getByRole('textbox', { name: 'Reason' }).fill('upgrade to Talos 1.12');
    },
    ready: 'Contexts',
  },
  {
    name: 'contexts-search',
    prepare: (app) => seedVault(app),
    reach: async (page) => {
      await page.getByRole('searchbox', { name: 'Search contexts' }).fill('admin');
      await expect(page.getByRole('article')).toHaveCount(1);
    },
    ready: 'Contexts',
  },
  {
    name: 'contexts-switch-error',
    prepare: async (app) => {
      await seedVault(app);
      // A file where talosctl's folder should be: the switch cannot write, and says why.
      await writeFile(dirname(app.talosconfig), 'not a folder');
    },
    reach: async (page) => {
      await page.getByRole('button', { name: 'Switch to reader@prod' }).click();
      await page.getByRole('alert').waitFor();
    },
    ready: 'Contexts',
  },
  {
    name: 'contexts-empty',
    prepare: async (app) => {
      await app.services.vault.init({ keySource: 'keychain' });
    },
    ready: 'Contexts',
  },
  {
    name: 'unlock-keychain',
    prepare: async (app) => {
      await seedVault(app);
      await app.services.vault.lockVault({});
    },
    ready: 'Unlock the vault',
  },
  {
    name: 'unlock-wrong-passphrase',
    prepare: async (app) => {
      await seedVault(app, 'passphrase');
      await app.services.vault.lockVault({});
    },
    reach: async (page) => {
      await page.getByLabel('Passphrase').fill('not it');
      await page.getByRole('button', { name: 'Unlock' }).click();
      await page.getByRole('alert').waitFor();
    },
    ready: 'Unlock the vault',
  },
  {
    name: 'context-detail',
    prepare: (app) => seedVault(app),
    reach: async (page) => {
      await page.getByRole('link', { name: 'backup@prod' }).click();
      await page.getByRole('heading', { level: 1, name: 'backup@prod' }).waitFor();
    },
    ready: 'Contexts',
  },
  {
    name: 'context-detail-findings',
    prepare: (app) => seedVault(app),
    reach: async (page) => {
      await page.getByRole('link', { name: 'future-role' }).click();
      await page.getByRole('heading', { level: 1, name: 'future-role' }).waitFor();
    },
    ready: 'Contexts',
  },
  {
    name: 'contexts-filtered',
    prepare: async (app) => {
      await seedVault(app);
      await importExpiring(app, 'ci-reader@prod');
    },
    reach: async (page) => {
      await page.getByRole('combobox', { name: 'Expiry' }).selectOption('expiring');
      await expect(page.getByText(/contexts? of \d+ match/)).toBeVisible();
    },
    ready: 'Contexts',
  },
  {
    name: 'quick-switcher',
    prepare: (app) => seedVault(app),
    reach: async (page) => {
      await page.keyboard.press('Control+k');
      await page.getByRole('combobox', { name: 'Switch to context' }).fill('prod');
    },
    ready: 'Contexts',
  },
  {
    name: 'import',
    prepare: (app) => seedVault(app),
    reach: async (page) => {
      await page.getByRole('button', { name: 'Import…' }).click();
      await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor();
    },
    ready: 'Contexts',
  },
  {
    name: 'import-preview',
    prepare: async (app) => {
      await seedVault(app);
      app.answerOpen([ADMIN_2021, NOROLES_2021, FUTURE_2021]);
    },
    reach: async (page) => {
      await page.getByRole('button', { name: 'Import…' }).click();
      await page.getByRole('button', { name: 'Choose files…' }).click();
      await page.getByRole('region', { name: 'Merge preview' }).waitFor();
      await page.getByRole('textbox', { name: 'Name for no-roles' }).first().fill('future-role');
    },
    ready: 'Contexts',
  },
  {
    name: 'import-unreadable',
    prepare: async (app) => {
      await seedVault(app);
      const bad = `${app.root}/broken.talosconfig`;
      await writeFile(bad, 'context: a\ncontexts:\n  a: [\n');
      app.answerOpen([bad]);
    },
    reach: async (page) => {
      await page.getByRole('button', { name: 'Import…' }).click();
      await page.getByRole('button', { name: 'Choose files…' }).click();
      await page.getByRole('alert').waitFor();
    },
    ready: 'Contexts',
  },
  { name: 'first-run', prepare: () => Promise.resolve(), ready: 'Set up Talos Credential Manager' },
  {
    name: 'issue',
    prepare: (app) => seedVault(app),
    reach: async (page) => {
      await openSection(page, 'Issue', 'Issue a config');
      await choice(page, 'checkbox', 'Take etcd snapshots').click();
    },
    ready: 'Contexts',
  },
  {
    name: 'issue-admin-confirmation',
    prepare: (app) => seedVault(app),
    reach: async (page) => {
      await openSection(page, 'Issue', 'Issue a config');
      await choice(page, 'checkbox', 'Edit machine config').click();
      await choice(page, 'radio', 'Encrypt with an age passphrase').click();
      await page.getByRole('group', { name: 'Dangerous roles' }).scrollIntoViewIfNeeded();
    },
    ready: 'Contexts',
  },
  {
    name: 'import-ca-worker-config',
    prepare: async (app) => {
      await seedVault(app);
      const worker = `${app.root}/worker.yaml`;
      await writeFile(
        worker,
        'version: v1alpha1\nmachine:\n  type: worker\n  ca:\n    crt: LS0tLS1CRUdJTg==\n    key: ""\n',
      );
      app.answerOpen([worker]);
    },
    reach: async (page) => {
      await openSection(page, 'CAs', 'CAs');
      await page.getByRole('button', { name: 'Import a CA…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Import a CA' });
      await dialog.getByRole('textbox', { name: 'Cluster name' }).fill('workers');
      await dialog.getByRole('button', { name: 'Choose secrets or config file…' }).click();
      await dialog.getByRole('button', { name: 'Import CA' }).click();
      await dialog.getByRole('alert').waitFor();
    },
    ready: 'Contexts',
  },
  {
    name: 'requests-sign',
    prepare: async (app) => {
      await seedVault(app);
      app.answerOpen([await requestFile(app)]);
    },
    reach: async (page) => {
      await openSection(page, 'Requests', 'Requests');
      await page.getByRole('tab', { name: 'Sign a request' }).click();
      await page.getByRole('button', { name: 'Open a request…' }).click();
      await page.getByRole('form', { name: 'Sign the request' }).waitFor();
    },
    ready: 'Contexts',
  },
  {
    name: 'cas',
    prepare: (app) => seedVault(app),
    reach: (page) => openSection(page, 'CAs', 'CAs'),
    ready: 'Contexts',
  },
  {
    name: 'issuance-log',
    prepare: (app) => seedVault(app),
    reach: (page) => openSection(page, 'Issuance log', 'Issuance log'),
    ready: 'Contexts',
  },
  {
    name: 'settings',
    prepare: (app) => seedVault(app),
    reach: (page) => openSection(page, 'Settings', 'Settings'),
    ready: 'Contexts',
  },
  {
    name: 'sweep-results',
    prepare: plantAndAnswer,
    reach: scanPlanted,
    ready: 'Contexts',
  },
  {
    name: 'sweep-imported',
    prepare: plantAndAnswer,
    reach: async (page) => {
      await scanPlanted(page);
      await page.getByRole('button', { name: /^Import \d+ talosconfigs/ }).click();
      await page.getByRole('status', { name: 'Import outcome' }).waitFor();
    },
    ready: 'Contexts',
  },
  {
    name: 'issue-result',
    prepare: (app) => seedVault(app),
    reach: async (page) => {
      await openSection(page, 'Issue', 'Issue a config');
      await page.getByRole('button', { name: 'Issue config' }).click();
      await page.getByRole('heading', { level: 1, name: 'Config issued' }).waitFor();
    },
    ready: 'Contexts',
  },
  {
    name: 'error-vault-damaged',
    prepare: async (app) => {
      await seedVault(app);
      const path = `${app.home}/vault`;
      const bytes = await readFile(path);
      bytes[bytes.length - 20] = (bytes[bytes.length - 20] ?? 0) ^ 0x80;
      await writeFile(path, bytes);
    },
    ready: 'The vault file is damaged',
  },
];

for (const colorScheme of ['light', 'dark'] as const) {
  for (const screen of screens) {
    test(`${screen.name} (${colorScheme}): no serious accessibility violation; screenshot`, async ({
      app,
      page,
    }) => {
      await page.emulateMedia({ colorScheme });
      await screen.prepare(app);
      await app.open();
      await page.getByRole('heading', { level: 1, name: screen.ready }).waitFor();
      await screen.reach?.(page);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `${screenshots}${screen.name}-${colorScheme}.png` });
      expect(app.pageErrors).toEqual([]);
    });
  }
}
