import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FoundFile, ScanResult } from '../../shared/contract/sweep-contract.js';
import { SweepPage } from '../../renderer/src/pages/SweepPage.js';
import type { FakeHandler } from '../support/fake-bridge.js';
import { talosError } from '../support/context-items.js';
import { renderPage } from './render-page.js';

const found = (facts: Partial<FoundFile> & Pick<FoundFile, 'id' | 'path'>): FoundFile => ({
  kind: 'talosconfig',
  mode: '0600',
  readableByOthers: false,
  git: 'outside',
  talosctlFile: false,
  contexts: [],
  ...facts,
});

const ctx = (name: string, roles: string[], notAfter: string | null, inVault: boolean | null) => ({
  name,
  roles,
  notAfter,
  inVault,
});

const loose = found({
  id: 'f1',
  path: '/home/ada/talosconfig',
  mode: '0644',
  readableByOthers: true,
  contexts: [ctx('prod', ['os:admin'], '2031-07-03T12:00:00Z', false)],
});
const committed = found({
  id: 'f2',
  path: '/home/ada/repo/clusters/prod/talosconfig',
  git: 'committed',
  contexts: [ctx('no-roles', [], '2021-07-03T12:00:00Z', false)],
});
const bundle = found({ id: 'f3', path: '/home/ada/work/secrets.yaml', kind: 'secrets-bundle' });
const talosctls = found({
  id: 'f4',
  path: '/home/ada/.talos/config',
  talosctlFile: true,
  contexts: [ctx('staging', ['os:reader'], '2031-07-03T12:00:00Z', true)],
});

const result = (files: FoundFile[], facts: Partial<ScanResult> = {}): ScanResult => ({
  files,
  skipped: [],
  counts: { folders: 56, files: 1234, parsed: 4 },
  git: 'available',
  vault: { state: 'compared' },
  ...facts,
});

afterEach(() => {
  Reflect.deleteProperty(window, 'talos');
});

describe('the sweep page', () => {
  it('scans the home folder by default, shows where the walk is, and Cancel stops it', async () => {
    const scan = vi.fn<FakeHandler>(
      (_args, options) =>
        new Promise((_resolve, reject) => {
          options?.onProgress?.({ folders: 12, files: 3456, found: 1, folder: '/home/ada/work/org' });
          options?.signal?.addEventListener('abort', () => {
            reject(talosError('cancelled'));
          });
        }),
    );
    renderPage(<SweepPage />, { 'sweep.scan': scan });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Scan my home folder' }));
    expect(scan.mock.calls[0]?.[0]).toEqual({ folders: [] });

    const progress = await screen.findByRole('region', { name: 'Scanning your home folder…' });
    expect(progress).toHaveAttribute('aria-busy', 'true');
    await within(progress).findByText(/3,456 files in 12 folders looked at, 1 credential file found/);
    expect(within(progress).getByText('/home/ada/work/org')).toBeInTheDocument();

    await user.click(within(progress).getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('The scan was cancelled. Nothing was changed.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Scan my home folder' })).toBeInTheDocument();
  });

  it('scans the folders chosen in the dialog and lists each file with what matters about it', async () => {
    const pickOpen = vi.fn<FakeHandler>(() => ({
      files: [
        { token: 'a', name: 'infra' },
        { token: 'b', name: 'home' },
      ],
    }));
    const scan = vi.fn<FakeHandler>(() => result([loose, committed, bundle, talosctls]));
    renderPage(<SweepPage />, { 'dialogs.pickOpen': pickOpen, 'sweep.scan': scan });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Choose folders…' }));

    expect(pickOpen.mock.calls[0]?.[0]).toMatchObject({ folders: true });
    const heading = await screen.findByRole('heading', {
      name: '4 plaintext credential files found',
    });
    expect(
      screen.getByText(
        '1 tracked by git · 1 readable by other users · 2 not in the vault yet · 1,234 files in 56 folders looked at',
      ),
    ).toBeInTheDocument();
    expect(scan.mock.calls[0]?.[0]).toEqual({
      folders: [
        { kind: 'picked', token: 'a' },
        { kind: 'picked', token: 'b' },
      ],
    });
    // The answer takes the focus the progress had.
    expect(heading).toHaveFocus();

    const open = screen.getByRole('listitem', { name: loose.path });
    expect(within(open).getByText(/talosconfig with client keys/)).toBeInTheDocument();
    expect(within(open).getByText('Readable by other users.')).toBeInTheDocument();
    expect(within(open).getByText('chmod 600 /home/ada/talosconfig')).toBeInTheDocument();
    const row = within(open).getByRole('row', { name: /prod/ });
    expect(within(row).getByText('os:admin')).toHaveClass('badge-powerful');
    expect(within(row).getByText(/^expires in .* \(2031-07-03\)$/)).toBeInTheDocument();
    expect(within(row).getByText('not in the vault')).toBeInTheDocument();

    const tracked = screen.getByRole('listitem', { name: committed.path });
    expect(within(tracked).getByText('Committed to git.')).toBeInTheDocument();
    expect(
      within(tracked).getByText(/Deleting it does not unpublish it: rotate these credentials/),
    ).toBeInTheDocument();
    expect(within(tracked).getByText(/^expired .* ago \(2021-07-03\)$/)).toBeInTheDocument();
    expect(within(tracked).getByText('no roles')).toBeInTheDocument();

    const secrets = screen.getByRole('listitem', { name: bundle.path });
    expect(within(secrets).getByText(/Talos secrets bundle \(CA keys\)/)).toBeInTheDocument();
    // Only talosconfigs are imported.
    expect(within(secrets).queryByRole('checkbox')).toBeNull();

    const own = screen.getByRole('listitem', { name: talosctls.path });
    expect(within(own).getByText('talosctl’s file')).toBeInTheDocument();
    expect(within(own).getByText('in the vault')).toBeInTheDocument();
    expect(within(own).getByText(/talosctl reads this file: the app never removes it/)).toBeInTheDocument();
    // Nothing is removable yet: the one file the vault holds is talosctl's own.
    expect(screen.queryByRole('button', { name: /Remove/ })).toBeNull();
  });

  it('says so when nothing was found, and what could not be read', async () => {
    renderPage(<SweepPage />, {
      'sweep.scan': () =>
        result([], {
          skipped: [
            {
              path: '/home/ada/private',
              reason: 'folder-unreadable',
              message: '/home/ada/private: permission denied',
            },
          ],
        }),
    });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Scan my home folder' }));
    expect(
      await screen.findByRole('heading', {
        name: 'No plaintext credentials found in 1,234 files in 56 folders',
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('1 place could not be read and was passed over')).toBeInTheDocument();
    expect(screen.getByText('/home/ada/private: permission denied')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Import/ })).toBeNull();
  });

  it('says in words why a folder cannot be swept, keyed by its code', async () => {
    renderPage(<SweepPage />, {
      'dialogs.pickOpen': () => ({ files: [{ token: 'a', name: 'gone' }] }),
      'sweep.scan': () => {
        throw talosError('sweep-path-unreadable', '/home/ada/gone: no such folder; nothing was swept');
      },
    });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Choose folders…' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveAttribute('data-code', 'sweep-path-unreadable');
    expect(alert).toHaveTextContent('That folder cannot be read.');
    expect(alert).toHaveTextContent('/home/ada/gone: no such folder; nothing was swept');
    expect(screen.getByRole('button', { name: 'Choose folders…' })).toBeInTheDocument();
  });

  it('imports every talosconfig, then offers removal only of the copies the vault holds, after a confirmation', async () => {
    const importFound = vi.fn<FakeHandler>(() => ({
      added: ['prod'],
      renamed: [{ from: 'no-roles', to: 'no-roles-1' }],
      replaced: [],
      skipped: ['staging'],
      current: { from: '', to: '' },
      written: true,
      files: [loose, committed].map(({ id, path }) => ({ id, path })),
    }));
    const removeFound = vi.fn<FakeHandler>(() => ({
      removed: [{ id: loose.id, path: loose.path }],
      kept: [],
    }));
    renderPage(<SweepPage />, {
      'sweep.scan': () => result([loose, committed, bundle, talosctls]),
      'sweep.importFound': importFound,
      'sweep.removeFound': removeFound,
    });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Scan my home folder' }));
    // talosctl's file is held already: the import takes the two the vault lacks.
    await user.click(await screen.findByRole('button', { name: 'Import 2 talosconfigs into the vault' }));

    expect(importFound.mock.calls[0]?.[0]).toEqual({ ids: ['f1', 'f2'] });
    const imported = await screen.findByRole('status', { name: 'Import outcome' });
    expect(imported).toHaveTextContent('Imported 2 files.');
    expect(imported).toHaveTextContent('Stored prod, no-roles as no-roles-1 (the name was taken).');
    expect(imported).toHaveTextContent('Already in the vault: staging.');
    expect(
      within(screen.getByRole('listitem', { name: loose.path })).getByText('in the vault'),
    ).toBeInTheDocument();
    // Everything is held now: no import is left to offer, nor a file to select for one.
    expect(screen.queryByRole('button', { name: /^Import/ })).toBeNull();
    expect(screen.queryByRole('checkbox')).toBeNull();

    // The committed file and talosctl's own are never offered: one copy can go.
    await user.click(screen.getByRole('button', { name: 'Remove 1 plaintext copy…' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove 1 plaintext copy?' });
    expect(within(dialog).getByRole('list', { name: 'Files to delete' })).toHaveTextContent(loose.path);
    expect(within(dialog).getByRole('list', { name: 'Files to delete' })).not.toHaveTextContent(
      committed.path,
    );
    expect(removeFound).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Delete the file' }));

    expect(removeFound.mock.calls[0]?.[0]).toEqual({ ids: ['f1'] });
    const removed = await screen.findByRole('status', { name: 'Removal outcome' });
    expect(removed).toHaveTextContent('Removed 1 file:');
    expect(removed).toHaveTextContent(loose.path);
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).toBeNull();
    });
    expect(screen.queryByRole('listitem', { name: loose.path })).toBeNull();
    expect(screen.getByRole('listitem', { name: committed.path })).toBeInTheDocument();
  });

  it('imports only the files selected; Cancel in the confirmation removes nothing; kept files say why', async () => {
    const held = found({
      id: 'f5',
      path: '/home/ada/old/talosconfig',
      contexts: [ctx('prod', ['os:reader'], '2031-07-03T12:00:00Z', true)],
    });
    const importFound = vi.fn<FakeHandler>(() => ({
      added: ['prod'],
      renamed: [],
      replaced: [],
      skipped: [],
      current: { from: '', to: '' },
      written: true,
      files: [{ id: loose.id, path: loose.path }],
    }));
    const removeFound = vi.fn<FakeHandler>(() => ({
      removed: [],
      kept: [{ id: held.id, path: held.path, reason: 'changed' }],
    }));
    renderPage(<SweepPage />, {
      'sweep.scan': () => result([loose, committed, held]),
      'sweep.importFound': importFound,
      'sweep.removeFound': removeFound,
    });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Scan my home folder' }));
    await user.click(await screen.findByRole('checkbox', { name: `Select for import ${loose.path}` }));
    await user.click(screen.getByRole('button', { name: 'Import 1 selected into the vault' }));
    expect(importFound.mock.calls[0]?.[0]).toEqual({ ids: ['f1'] });
    await screen.findByRole('status', { name: 'Import outcome' });

    await user.click(screen.getByRole('button', { name: 'Remove 2 plaintext copies…' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    expect(removeFound).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Remove 2 plaintext copies…' }));
    await user.keyboard('{Escape}');
    expect(removeFound).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Remove 2 plaintext copies…' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete 2 files' }));
    expect(removeFound.mock.calls[0]?.[0]).toEqual({ ids: ['f1', 'f5'] });
    const outcome = await screen.findByRole('status', { name: 'Removal outcome' });
    expect(outcome).toHaveTextContent(`Kept 1 file:${held.path}: it changed since the scan: scan again`);
  });

  it('shows a failed import in words and keeps the results', async () => {
    renderPage(<SweepPage />, {
      'sweep.scan': () => result([loose]),
      'sweep.importFound': () => {
        throw talosError('vault-busy');
      },
    });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Scan my home folder' }));
    await user.click(await screen.findByRole('button', { name: 'Import the talosconfig into the vault' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The vault is busy.');
    expect(screen.getByRole('listitem', { name: loose.path })).toBeInTheDocument();
  });
});
