import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  ContextDetailScreen,
  type ContextDetailActions,
} from '../../renderer/src/screens/ContextDetailScreen.js';
import { NOW, contextItem, status, talosError } from '../support/context-items.js';

const idle = { pending: false, error: null };

function actions(overrides: Partial<ContextDetailActions> = {}): ContextDetailActions {
  return {
    back: vi.fn(),
    switchTo: { ...idle, run: vi.fn() },
    endpoints: { ...idle, save: vi.fn() },
    nodes: { ...idle, save: vi.fn() },
    labels: { ...idle, set: vi.fn(), remove: vi.fn() },
    note: { ...idle, save: vi.fn() },
    rename: { ...idle, run: vi.fn(), reset: vi.fn() },
    exportTo: { ...idle, run: vi.fn(), done: null, reset: vi.fn() },
    remove: vi.fn(),
    fixes: { renew: null, requestRenewal: null, issueReplacement: vi.fn() },
    fixError: null,
    fixNotice: null,
    elevate: null,
    ...overrides,
  };
}

const expired = contextItem('reader@prod', {
  cluster: 'prod',
  roles: ['os:reader'],
  endpoints: [],
  notAfter: '2026-11-01T00:00:00.000Z',
  labels: { team: 'infra' },
  findings: [
    {
      code: 'cert-expired',
      severity: 'error',
      message: 'contexts.reader@prod.crt: the client certificate expired',
    },
    { code: 'no-endpoints', severity: 'warning', message: 'contexts.reader@prod.endpoints: empty' },
  ],
});

function renderDetail(given: Partial<ContextDetailActions> = {}, item = expired) {
  const wired = actions(given);
  render(
    <ContextDetailScreen
      item={item}
      status={status()}
      names={new Set(['reader@prod', 'admin@prod'])}
      now={NOW}
      actions={wired}
    />,
  );
  return wired;
}

describe('ContextDetailScreen', () => {
  it('shows the certificate facts', () => {
    renderDetail();
    expect(screen.getByRole('heading', { level: 1, name: 'reader@prod' })).toBeInTheDocument();
    const facts = screen.getByRole('region', { name: 'Certificate' });
    for (const text of [
      'O=os:reader',
      'O=talos',
      'ed25519',
      'ab'.repeat(32),
      'clientAuth',
      '2026-11-01 00:00:00 UTC',
    ]) {
      expect(facts).toHaveTextContent(text);
    }
  });

  it('offers each finding its fix: a renewal request for an expired certificate whose CA is elsewhere, the endpoint editor for none', async () => {
    const requestRenewal = vi.fn();
    renderDetail({ fixes: { renew: null, requestRenewal, issueReplacement: vi.fn() } });
    const findings = screen.getByRole('list', { name: 'Findings' });
    await userEvent.click(within(findings).getByRole('button', { name: 'Request renewal…' }));
    expect(requestRenewal).toHaveBeenCalled();
    // No stored CA signed it: no Renew button that would fail, and renewal beats a new context.
    expect(within(findings).queryByRole('button', { name: 'Renew' })).toBeNull();
    expect(within(findings).queryByRole('button', { name: 'Issue a replacement' })).toBeNull();
    await userEvent.click(within(findings).getByRole('button', { name: 'Edit endpoints' }));
    expect(screen.getByRole('textbox', { name: 'Endpoints' })).toHaveFocus();
  });

  it('renews when renewal is wired', async () => {
    const renew = vi.fn();
    renderDetail({ fixes: { renew, requestRenewal: null, issueReplacement: null } });
    await userEvent.click(screen.getByRole('button', { name: 'Renew' }));
    expect(renew).toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: 'Request renewal…' })).toBeNull();
  });

  it('elevates through its dialog: roles, 15 minutes by default, a reason, and a second yes for admin', async () => {
    const run = vi.fn();
    const user = userEvent.setup();
    renderDetail({ elevate: { ...idle, maxSeconds: 3600, done: null, run, reset: vi.fn() } });
    await user.click(screen.getByRole('button', { name: 'Elevate…' }));
    const dialog = screen.getByRole('dialog', { name: 'Elevate reader@prod' });
    const elevate = within(dialog).getByRole('button', { name: 'Elevate' });
    expect(within(dialog).getByRole('radio', { name: '15m' })).toBeChecked();
    expect(within(dialog).queryByRole('radio', { name: '2h' })).toBeNull();
    await user.click(within(dialog).getByRole('checkbox', { name: /os:admin/ }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Reason' }), 'upgrade');
    expect(elevate).toBeDisabled();
    await user.click(within(dialog).getByRole('checkbox', { name: /I understand that os:admin/ }));
    await user.click(within(dialog).getByRole('radio', { name: '30m' }));
    await user.click(elevate);
    expect(run).toHaveBeenCalledWith({
      name: 'reader@prod',
      roles: ['os:admin'],
      reason: 'upgrade',
      ttlSeconds: 1800,
      allowAdmin: true,
    });
  });

  it('offers no elevation where the cluster CA is not stored', () => {
    renderDetail({ elevate: null });
    expect(screen.queryByRole('button', { name: 'Elevate…' })).toBeNull();
  });

  it('edits endpoints inline, refusing a bad address before anything is sent', async () => {
    const wired = renderDetail();
    const user = userEvent.setup();
    const addresses = screen.getByRole('region', { name: 'Endpoints and nodes' });
    await user.click(within(addresses).getByRole('button', { name: 'Edit endpoints' }));
    const field = screen.getByRole('textbox', { name: 'Endpoints' });
    await user.type(field, 'bad host!');
    expect(screen.getByText(/is not an address/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save endpoints' })).toBeDisabled();
    await user.clear(field);
    await user.type(field, '10.0.0.5{Enter}10.0.0.6:50000');
    await user.click(screen.getByRole('button', { name: 'Save endpoints' }));
    expect(wired.endpoints.save).toHaveBeenCalledWith(['10.0.0.5', '10.0.0.6:50000']);
  });

  it('shows a failed edit in words', async () => {
    renderDetail({ endpoints: { pending: false, error: talosError('vault-busy', 'busy'), save: vi.fn() } });
    const addresses = screen.getByRole('region', { name: 'Endpoints and nodes' });
    await userEvent.click(within(addresses).getByRole('button', { name: 'Edit endpoints' }));
    expect(screen.getByRole('alert')).toBeInTheDocument();
  });

  it('adds and removes labels, and saves the note', async () => {
    const wired = renderDetail();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Remove label team' }));
    expect(wired.labels.remove).toHaveBeenCalledWith('team');
    await user.type(screen.getByRole('textbox', { name: 'Add a label' }), 'env=prod');
    await user.click(screen.getByRole('button', { name: 'Add label' }));
    expect(wired.labels.set).toHaveBeenCalledWith('env', 'prod');
    await user.type(screen.getByRole('textbox', { name: 'Note' }), 'for the backup job');
    await user.click(screen.getByRole('button', { name: 'Save note' }));
    expect(wired.note.save).toHaveBeenCalledWith('for the backup job');
  });

  it('says what the roles can do, and which commands need which role', () => {
    renderDetail();
    const can = screen.getByRole('region', { name: 'What can this do?' });
    expect(within(can).getByRole('list', { name: 'talosctl commands that will work' })).toHaveTextContent(
      'talosctl dmesg',
    );
    const refused = within(can).getByRole('list', { name: 'Will not work' });
    expect(refused).toHaveTextContent('talosctl reboot needs os:operator');
    expect(refused).toHaveTextContent('talosctl edit machineconfig needs os:admin');
    expect(can).toHaveTextContent('machine.MachineService');
  });

  it('renames, refusing a taken name', async () => {
    const wired = renderDetail();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Rename…' }));
    const dialog = screen.getByRole('dialog', { name: 'Rename reader@prod' });
    const field = within(dialog).getByRole('textbox', { name: 'New name' });
    await user.clear(field);
    await user.type(field, 'admin@prod');
    expect(within(dialog).getByText(/already exists/)).toBeInTheDocument();
    await user.clear(field);
    await user.type(field, 'reader@prod-old');
    await user.click(within(dialog).getByRole('button', { name: 'Rename' }));
    expect(wired.rename.run).toHaveBeenCalledWith('reader@prod-old');
  });

  it('exports to an age recipient, checking the key first', async () => {
    const wired = renderDetail();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Export…' }));
    const dialog = screen.getByRole('dialog', { name: 'Export reader@prod' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Recipient' }), 'age1nope');
    expect(within(dialog).getByText(/starting with age1/)).toBeInTheDocument();
    const recipient = `age1${'q'.repeat(58)}`;
    await user.clear(within(dialog).getByRole('textbox', { name: 'Recipient' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Recipient' }), recipient);
    await user.click(within(dialog).getByRole('button', { name: 'Choose where to save…' }));
    expect(wired.exportTo.run).toHaveBeenCalledWith({ name: 'reader@prod', encryption: 'age', recipient });
  });

  it('keeps the current context from removal and says why', () => {
    renderDetail({}, contextItem('cur', { current: true }));
    expect(screen.getByRole('button', { name: 'Remove' })).toBeDisabled();
    expect(screen.getByText(/switch to another one before removing it/)).toBeInTheDocument();
  });

  it('switches and removes from its header', async () => {
    const wired = renderDetail();
    await userEvent.click(screen.getByRole('button', { name: 'Switch to this context' }));
    expect(wired.switchTo.run).toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Remove' }));
    expect(wired.remove).toHaveBeenCalled();
  });
});
