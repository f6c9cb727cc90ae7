import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RequestsPage } from '../../renderer/src/pages/RequestsPage.js';
import { contextItem, talosError } from '../support/context-items.js';
import { caItem, settings } from '../support/issuing-items.js';
import { renderPage } from './render-page.js';

const CSR = '-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n';

function renderRequests(overrides: Record<string, (args: unknown) => unknown> = {}) {
  const calls = {
    createRequest: vi.fn((args: unknown) => ({
      name: (args as { name: string }).name,
      roles: (args as { roles: string[] }).roles,
      keyType: 'ed25519',
      csrPem: CSR,
      path: '/home/ada/me.csr',
    })),
    sign: vi.fn((args: unknown) => ({
      serial: '01',
      fingerprintSha256: 'ab'.repeat(32),
      ca: 'prod',
      roles: (args as { roles: string[] }).roles,
      requestedRoles: ['os:etcd:backup', 'os:reader'],
      notBefore: '2026-12-01T12:00:00.000Z',
      notAfter: '2026-12-01T20:00:00.000Z',
      keyType: 'ed25519',
      path: '/home/ada/me.crt',
      notes: [],
    })),
    accept: vi.fn(() => ({
      request: 'me@prod',
      storedAs: 'me@prod',
      item: contextItem('me@prod', { roles: ['os:etcd:backup'] }),
    })),
  };
  renderPage(<RequestsPage />, {
    'issuing.listCas': () => [caItem('prod')],
    'vault.settings': () => settings(),
    'dialogs.pickSave': (args) => ({
      picked: true,
      token: 'save',
      name: (args as { defaultName: string }).defaultName,
    }),
    'dialogs.pickOpen': () => ({ files: [{ token: 'open', name: 'me.csr' }] }),
    'issuing.readRequest': () => ({
      roles: ['os:etcd:backup', 'os:reader'],
      commonName: 'ada',
      keyType: 'ed25519',
      csrPem: CSR,
    }),
    'issuing.createRequest': calls.createRequest,
    'issuing.sign': calls.sign,
    'issuing.accept': calls.accept,
    ...overrides,
  });
  return calls;
}

afterEach(() => {
  Reflect.deleteProperty(window, 'talos');
});

describe('the requests page', () => {
  it('request access: the roles the tasks need, a key kept in the vault, the CSR saved where chosen', async () => {
    const { createRequest } = renderRequests();
    await userEvent.type(await screen.findByRole('textbox', { name: 'Context name' }), 'me@prod');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Take etcd snapshots' }));
    await userEvent.click(screen.getByRole('button', { name: 'Create request and save…' }));
    expect(createRequest).toHaveBeenCalledWith({
      name: 'me@prod',
      roles: ['os:etcd:backup', 'os:reader'],
      output: { kind: 'picked', token: 'save' },
    });
    expect(await screen.findByRole('status')).toHaveTextContent('The key for me@prod stays in the vault');
  });

  it('sign: shows who asks for what, narrows roles, signs the request it showed', async () => {
    const { sign } = renderRequests();
    await userEvent.click(await screen.findByRole('tab', { name: 'Sign a request' }));
    await userEvent.click(screen.getByRole('button', { name: 'Open a request…' }));
    const form = await screen.findByRole('form', { name: 'Sign the request' });
    expect(form).toHaveTextContent('Asked byada');
    expect(form).toHaveTextContent('Roles asked foros:etcd:backup, os:reader');
    await userEvent.click(within(form).getByRole('checkbox', { name: 'os:reader' }));
    await userEvent.click(within(form).getByRole('radio', { name: '8 hours' }));
    await userEvent.click(screen.getByRole('button', { name: 'Sign and save certificate…' }));
    expect(sign).toHaveBeenCalledWith({
      ca: 'prod',
      csr: { kind: 'pem', pem: CSR, source: 'me.csr' },
      roles: ['os:etcd:backup'],
      ttlSeconds: 8 * 3600,
      allowAdmin: false,
      output: { kind: 'picked', token: 'save' },
    });
    expect(await screen.findByRole('status')).toHaveTextContent('certificate is saved to /home/ada/me.crt');
  });

  it('sign: a file that is not a request says so in words', async () => {
    renderRequests({
      'issuing.readRequest': () => {
        throw talosError('invalid-csr', 'me.csr: not a PKCS#10 request');
      },
    });
    await userEvent.click(await screen.findByRole('tab', { name: 'Sign a request' }));
    await userEvent.click(screen.getByRole('button', { name: 'Open a request…' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This is not a certificate request');
    expect(alert).toHaveTextContent('me.csr: not a PKCS#10 request');
    expect(screen.queryByRole('form', { name: 'Sign the request' })).toBeNull();
  });

  it('sign: admin asked for needs the explicit confirmation', async () => {
    renderRequests({
      'issuing.readRequest': () => ({
        roles: ['os:admin'],
        commonName: null,
        keyType: 'ed25519',
        csrPem: CSR,
      }),
    });
    await userEvent.click(await screen.findByRole('tab', { name: 'Sign a request' }));
    await userEvent.click(screen.getByRole('button', { name: 'Open a request…' }));
    await screen.findByRole('group', { name: 'Dangerous roles' });
    expect(screen.getByRole('button', { name: 'Sign and save certificate…' })).toBeDisabled();
  });

  it('complete: the certificate joins its key; one with no waiting request says so', async () => {
    const { accept } = renderRequests();
    await userEvent.click(await screen.findByRole('tab', { name: 'Complete a request' }));
    await userEvent.click(screen.getByRole('button', { name: 'Open the certificate…' }));
    expect(accept).toHaveBeenCalledWith({ cert: { kind: 'picked', token: 'open' } });
    expect(await screen.findByRole('status')).toHaveTextContent('the vault holds it as me@prod');
  });

  it('complete: a certificate no request waits for is said in words', async () => {
    renderRequests({
      'issuing.accept': () => {
        throw talosError('no-pending-request', 'me.crt: no waiting request has this key');
      },
    });
    await userEvent.click(await screen.findByRole('tab', { name: 'Complete a request' }));
    await userEvent.click(screen.getByRole('button', { name: 'Open the certificate…' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('No request is waiting for this certificate');
  });
});
