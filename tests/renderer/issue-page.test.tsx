import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { allowedMethods } from '../../shared/roles/permissions.js';
import { permissionTable } from '../../shared/roles/permissions-table.js';
import { IssuePage } from '../../renderer/src/pages/IssuePage.js';
import { contextItem, talosError } from '../support/context-items.js';
import { caItem, issueResult, settings } from '../support/issuing-items.js';
import { renderPage } from './render-page.js';

const items = [contextItem('reader@prod', { cluster: 'prod', endpoints: ['10.20.0.11', '10.20.0.12'] })];

function renderIssue(overrides: Record<string, (args: unknown) => unknown> = {}, vaultSettings = settings()) {
  const issue = vi.fn((args: unknown) => {
    const given = args as { ca: string; roles: string[]; name?: string; store: boolean; output?: object };
    return issueResult({ ...given, path: given.output ? '/home/ada/reader.age' : null, encrypted: true });
  });
  const pickSave = vi.fn(() => ({ picked: true, token: 'save-1', name: 'reader@prod.age' }));
  const view = renderPage(<IssuePage items={items} />, {
    'issuing.listCas': () => [caItem('prod', { contexts: ['reader@prod'] }), caItem('staging')],
    'vault.settings': () => vaultSettings,
    'issuing.issue': issue,
    'dialogs.pickSave': pickSave,
    ...overrides,
  });
  return { ...view, issue, pickSave };
}

const preview = () => screen.getByRole('region', { name: 'What this config can do' });
const issueButton = () => screen.getByRole('button', { name: 'Issue config' });

afterEach(() => {
  Reflect.deleteProperty(window, 'talos');
});

describe('the issue wizard', () => {
  it('proposes the smallest role set for the ticked tasks, and previews it from the permission table', async () => {
    renderIssue();
    await screen.findByRole('button', { name: 'Issue config' });
    expect(within(preview()).getByRole('list', { name: 'Roles' })).toHaveTextContent('os:reader');
    expect(
      within(preview()).getByText(
        `${allowedMethods(['os:reader']).length} of ${permissionTable.length} API methods`,
      ),
    ).toBeInTheDocument();
    expect(within(preview()).getByText('Read logs and status')).toHaveTextContent('allowed');
    expect(within(preview()).getByText('Reboot nodes and restart services')).toHaveTextContent('not allowed');

    await userEvent.click(screen.getByRole('checkbox', { name: 'Take etcd snapshots' }));
    expect(within(preview()).getByRole('list', { name: 'Roles' })).toHaveTextContent(
      'os:etcd:backupos:reader',
    );
    const methods = within(preview()).getByRole('list', { name: 'Allowed API methods' });
    expect(
      within(methods)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(allowedMethods(['os:etcd:backup', 'os:reader']));
  });

  it('defaults endpoints to the cluster’s and the name as talosctl would; issues into the vault', async () => {
    const { issue } = renderIssue();
    await screen.findByRole('button', { name: 'Issue config' });
    expect(screen.getByRole('textbox', { name: 'Endpoints' })).toHaveValue('10.20.0.11, 10.20.0.12');
    expect(screen.getByRole('textbox', { name: 'Context name' })).toHaveAttribute(
      'placeholder',
      'reader@prod',
    );
    await userEvent.click(screen.getByRole('radio', { name: /^staging/ }));
    expect(screen.getByRole('textbox', { name: 'Endpoints' })).toHaveValue('');
    await userEvent.click(screen.getByRole('radio', { name: /^prod/ }));
    await userEvent.click(screen.getByRole('radio', { name: '24 hours' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Identity' }), 'ada@example.com');
    await userEvent.click(issueButton());
    expect(issue).toHaveBeenCalledWith({
      ca: 'prod',
      roles: ['os:reader'],
      ttlSeconds: 86_400,
      identity: 'ada@example.com',
      endpoints: ['10.20.0.11', '10.20.0.12'],
      nodes: [],
      store: true,
      allowAdmin: false,
    });
    expect(await screen.findByRole('heading', { name: 'Config issued' })).toBeInTheDocument();
    const summary = screen.getByRole('region', { name: 'What was issued' });
    expect(summary).toHaveTextContent('Stored in the vault as reader@prod.');
    expect(summary).toHaveTextContent(/Valid until2026-12-08 12:00 UTC/);
  });

  it('offers only lifetimes within the policy, says the maximum, and refuses a longer custom one', async () => {
    renderIssue({}, settings({ maxTtlSeconds: 86_400, defaultTtlSeconds: 3_600 }));
    await screen.findByRole('button', { name: 'Issue config' });
    const lifetime = screen.getByRole('radiogroup', { name: 'Valid for' });
    expect(
      within(lifetime)
        .getAllByRole('radio')
        .map((radio) => radio.closest('label')?.textContent),
    ).toEqual(['1 hour', '8 hours', '24 hours', 'Custom']);
    expect(within(lifetime).getByRole('radio', { name: '1 hour' })).toBeChecked();
    expect(screen.getByText(/allows at most 1d/)).toBeInTheDocument();
    await userEvent.click(within(lifetime).getByRole('radio', { name: 'Custom' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Custom lifetime' }), '30d');
    expect(screen.getByRole('status')).toHaveTextContent('The vault allows at most 1d.');
    expect(issueButton()).toBeDisabled();
  });

  it('asks for an explicit confirmation that says why admin is dangerous', async () => {
    const { issue } = renderIssue();
    await screen.findByRole('button', { name: 'Issue config' });
    await userEvent.click(screen.getByRole('checkbox', { name: 'Read secrets' }));
    const danger = screen.getByRole('group', { name: 'Dangerous roles' });
    expect(danger).toHaveTextContent(/read every secret/);
    expect(danger).toHaveTextContent(/cannot revoke/);
    expect(issueButton()).toBeDisabled();
    await userEvent.click(within(danger).getByRole('checkbox', { name: 'I understand: issue os:admin' }));
    await userEvent.click(issueButton());
    expect(issue).toHaveBeenCalledWith(expect.objectContaining({ roles: ['os:admin'], allowAdmin: true }));
  });

  it('ticks roles directly, starting from what the tasks proposed; impersonator needs the confirmation too', async () => {
    renderIssue();
    await screen.findByRole('button', { name: 'Issue config' });
    await userEvent.click(screen.getByRole('radio', { name: 'Roles' }));
    expect(screen.getByRole('checkbox', { name: /^os:reader/ })).toBeChecked();
    await userEvent.click(screen.getByRole('checkbox', { name: /^os:impersonator/ }));
    expect(screen.getByRole('group', { name: 'Dangerous roles' })).toHaveTextContent(/claim any role/);
  });

  it('encrypts to a pasted age recipient through the save dialog, and says where it went', async () => {
    const { issue, pickSave } = renderIssue();
    await screen.findByRole('button', { name: 'Issue config' });
    await userEvent.click(screen.getByRole('checkbox', { name: 'Store in the vault' }));
    await userEvent.click(screen.getByRole('radio', { name: 'Encrypt to a teammate’s age recipient' }));
    expect(issueButton()).toBeDisabled();
    await userEvent.type(screen.getByRole('textbox', { name: 'age recipients' }), 'age1abc age1def');
    await userEvent.click(issueButton());
    expect(pickSave).toHaveBeenCalledWith(expect.objectContaining({ defaultName: 'reader@prod.age' }));
    expect(issue).toHaveBeenCalledWith(
      expect.objectContaining({
        store: false,
        output: { file: { kind: 'picked', token: 'save-1' }, ageRecipients: ['age1abc', 'age1def'] },
      }),
    );
    expect(await screen.findByText('Saved age-encrypted to /home/ada/reader.age.')).toBeInTheDocument();
  });

  it('warns that a plain file holds the key, and issues nothing when the save dialog is cancelled', async () => {
    const { issue } = renderIssue({ 'dialogs.pickSave': () => ({ picked: false }) });
    await screen.findByRole('button', { name: 'Issue config' });
    await userEvent.click(screen.getByRole('radio', { name: /Save as a talosconfig file/ }));
    expect(screen.getByRole('note')).toHaveTextContent('private key in plaintext');
    await userEvent.click(issueButton());
    expect(issue).not.toHaveBeenCalled();
  });

  it.each([
    ['output-exists', 'The file already exists'],
    ['talosconfig-read-only', "talosctl's file is read-only"],
    ['ttl-above-maximum', 'Longer than the vault allows'],
  ] as const)('says %s in words beside the form', async (code, title) => {
    renderIssue({
      'issuing.issue': () => {
        throw talosError(code, 'from the service');
      },
    });
    await screen.findByRole('button', { name: 'Issue config' });
    await userEvent.click(issueButton());
    expect(await screen.findByRole('alert')).toHaveTextContent(title);
    expect(screen.getByRole('heading', { name: 'Issue a config' })).toBeInTheDocument();
  });

  it('with no CA stored, says so and imports one from a worker config with the refusal explained', async () => {
    renderIssue({
      'issuing.listCas': () => [],
      'dialogs.pickOpen': () => ({ files: [{ token: 'open-1', name: 'worker.yaml' }] }),
      'issuing.importCa': () => {
        throw talosError('ca-key-missing', 'worker.yaml: this file has no CA key');
      },
    });
    expect(await screen.findByText(/No CA is stored yet/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Import a CA…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import a CA' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Cluster name' }), 'prod');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Choose secrets or config file…' }));
    expect(within(dialog).getByText('worker.yaml')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Import CA' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      /no CA key.*worker machine config carries only the cluster’s CA certificate/,
    );
  });

  it('shows a locked vault’s failure instead of the form', async () => {
    renderIssue({
      'issuing.listCas': () => {
        throw talosError('vault-locked');
      },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('The vault is locked');
  });
});
