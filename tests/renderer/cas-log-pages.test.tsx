import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IssuedCertificate } from '../../shared/vault/vault-document.js';
import { CasPage } from '../../renderer/src/pages/CasPage.js';
import { LogPage } from '../../renderer/src/pages/LogPage.js';
import { talosError } from '../support/context-items.js';
import { caItem } from '../support/issuing-items.js';
import { renderPage } from './render-page.js';

function entry(context: string, roles: string[], fingerprint: string): IssuedCertificate {
  return {
    serial: fingerprint.slice(0, 8),
    fingerprintSha256: fingerprint.repeat(32),
    caFingerprintSha256: 'cd'.repeat(32),
    caName: 'prod',
    roles,
    notBefore: '2026-11-01T00:00:00.000Z',
    notAfter: '2026-12-31T00:00:00.000Z',
    identity: context === 'reader@prod' ? 'ada@example.com' : null,
    context,
    issuedAt: '2026-11-01T00:00:00.000Z',
    exportedTo: [],
    renews: null,
    elevatedFrom: null,
    reason: null,
  };
}

afterEach(() => {
  Reflect.deleteProperty(window, 'talos');
});

describe('the CAs page', () => {
  it('shows each CA with its fingerprint, validity, trusting contexts, issued count and revocation horizon', async () => {
    renderPage(<CasPage />, {
      'issuing.listCas': () => [
        caItem('prod', {
          contexts: ['reader@prod', 'admin@prod'],
          issued: 3,
          revocationHorizon: '2027-09-27T10:00:00.000Z',
        }),
        caItem('staging', { fingerprintSha256: 'ef'.repeat(32) }),
      ],
    });
    const prod = await screen.findByRole('listitem', { name: 'prod' });
    expect(prod).toHaveTextContent('Everything this CA issued is dead after 2027-09-27 10:00 UTC');
    expect(prod).toHaveTextContent('cd'.repeat(32));
    expect(prod).toHaveTextContent('Trusted byreader@prod, admin@prod');
    expect(prod).toHaveTextContent('Issued3 certificates');
    expect(screen.getByRole('listitem', { name: 'staging' })).toHaveTextContent(
      'Nothing this CA issued is still valid.',
    );
  });

  it('with none, says how to get one and imports from PEM files', async () => {
    const importCa = vi.fn(() => caItem('lab'));
    renderPage(<CasPage />, {
      'issuing.listCas': () => [],
      'dialogs.pickOpen': (args) => ({
        files: [{ token: (args as { title: string }).title, name: 'ca.pem' }],
      }),
      'issuing.importCa': importCa,
    });
    expect(await screen.findByText(/No CA is stored/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Import a CA…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import a CA' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Cluster name' }), 'lab');
    await userEvent.click(
      within(dialog).getByRole('radio', { name: 'PEM files: the CA certificate and its key' }),
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Choose CA certificate…' }));
    expect(within(dialog).getByRole('button', { name: 'Import CA' })).toBeDisabled();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Choose CA key…' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Import CA' }));
    expect(importCa).toHaveBeenCalledWith({
      name: 'lab',
      source: {
        kind: 'pem',
        cert: { kind: 'picked', token: 'Open the CA certificate (PEM)' },
        key: { kind: 'picked', token: 'Open the CA key (PEM)' },
      },
    });
  });
});

describe('the issuance log', () => {
  const log = {
    entries: [
      entry('reader@prod', ['os:reader'], 'a1'),
      entry('backup@prod', ['os:etcd:backup', 'os:reader'], 'b2'),
    ],
    horizons: [],
  };

  it('searches every word across the entries, newest first, and exports the rows shown', async () => {
    const exportLog = vi.fn(() => ({ path: '/home/ada/log.csv', entries: 1 }));
    renderPage(<LogPage />, {
      'issuing.log': () => log,
      'dialogs.pickSave': () => ({ picked: true, token: 'save', name: 'issuance-log.csv' }),
      'issuing.exportLog': exportLog,
    });
    const table = await screen.findByRole('table', { name: 'Issued certificates' });
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) => (row as HTMLTableRowElement).cells[1]?.textContent),
    ).toEqual(['backup@prod', 'reader@prod']);
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search the log' }), 'ada reader');
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(screen.getByText('1 of 2 match')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV…' }));
    expect(exportLog).toHaveBeenCalledWith({
      search: 'ada reader',
      output: { kind: 'picked', token: 'save' },
    });
    expect(await screen.findByRole('status')).toHaveTextContent('Saved 1 row to /home/ada/log.csv.');
  });

  it('an export over an existing file is refused in words', async () => {
    renderPage(<LogPage />, {
      'issuing.log': () => log,
      'dialogs.pickSave': () => ({ picked: true, token: 'save', name: 'issuance-log.csv' }),
      'issuing.exportLog': () => {
        throw talosError('output-exists', '/home/ada/log.csv already exists');
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Export CSV…' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The file already exists');
  });

  it('an empty log says nothing was issued', async () => {
    renderPage(<LogPage />, { 'issuing.log': () => ({ entries: [], horizons: [] }) });
    expect(await screen.findByText('Nothing has been issued from this vault yet.')).toBeInTheDocument();
  });
});
