import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SettingsPage } from '../../renderer/src/pages/SettingsPage.js';
import { status, talosError } from '../support/context-items.js';
import { settings } from '../support/issuing-items.js';
import { renderPage } from './render-page.js';

function renderSettings(
  overrides: Record<string, (args: unknown) => unknown> = {},
  keySource: 'keychain' | 'passphrase' = 'keychain',
) {
  const change = vi.fn((args: unknown) => ({ ...settings(), ...(args as { set: object }).set }));
  const rekey = vi.fn((args: unknown) => ({ keySource: (args as { keySource: string }).keySource }));
  renderPage(<SettingsPage status={status({ keySource })} />, {
    'vault.settings': change,
    'vault.rekey': rekey,
    ...overrides,
  });
  return { change, rekey };
}

afterEach(() => {
  Reflect.deleteProperty(window, 'talos');
  delete document.documentElement.dataset.theme;
});

describe('the settings page', () => {
  it('shows every setting and saves them together', async () => {
    const { change } = renderSettings();
    const max = await screen.findByRole('textbox', { name: 'Maximum lifetime' });
    expect(max).toHaveValue('365d');
    expect(screen.getByRole('textbox', { name: 'Default lifetime' })).toHaveValue('7d');
    expect(screen.getByRole('textbox', { name: 'Lock after idle' })).toHaveValue('15m');
    expect(
      screen.getByRole('checkbox', { name: 'Empty talosctl’s file when the vault locks' }),
    ).toBeChecked();
    expect(screen.getByText('/home/ada/.talos/config')).toBeInTheDocument();
    await userEvent.clear(max);
    await userEvent.type(max, '30d');
    const elevation = screen.getByRole('textbox', { name: 'Longest elevation' });
    expect(elevation).toHaveValue('1h');
    await userEvent.clear(elevation);
    await userEvent.type(elevation, '30m');
    await userEvent.click(screen.getByRole('checkbox', { name: /Renew due credentials automatically/ }));
    await userEvent.click(screen.getByRole('radio', { name: 'Dark' }));
    await userEvent.click(screen.getByRole('radio', { name: /^Every context in the vault/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    const saved = change.mock.calls.map(([args]) => args as { set: Record<string, unknown> });
    expect(saved.find((args) => Object.keys(args.set).length > 0)?.set).toMatchObject({
      maxTtlSeconds: 30 * 86_400,
      theme: 'dark',
      targetMode: 'all',
      autoLockSeconds: 900,
      elevateMaxTtlSeconds: 1800,
      autoRenew: true,
    });
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
  });

  it('refuses a default above the maximum and a lifetime that is not one, field by field', async () => {
    renderSettings();
    const max = await screen.findByRole('textbox', { name: 'Maximum lifetime' });
    await userEvent.clear(max);
    await userEvent.type(max, '1d');
    expect(screen.getByText('The default cannot be longer than the maximum.')).toBeInTheDocument();
    const idle = screen.getByRole('textbox', { name: 'Lock after idle' });
    await userEvent.clear(idle);
    await userEvent.type(idle, 'soon');
    expect(screen.getByText('A time such as 5m, 15m or 1h, or “off”.')).toBeInTheDocument();
    const elevation = screen.getByRole('textbox', { name: 'Longest elevation' });
    await userEvent.clear(elevation);
    await userEvent.type(elevation, '2d');
    expect(screen.getByText('A time such as 30m or 1h, at most 24h.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save settings' })).toBeDisabled();
  });

  it("says when talosctl's file is read-only (a new mode rewrites it)", async () => {
    renderSettings({
      'vault.settings': (args) => {
        if (Object.keys((args as { set: object }).set).length === 0) return settings();
        throw talosError('talosconfig-read-only', '/home/ada/.talos/config: read-only file system');
      },
    });
    await userEvent.click(await screen.findByRole('radio', { name: /^Every context in the vault/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByRole('alert')).toHaveTextContent("talosctl's file is read-only");
  });

  it('moves a keychain vault to a passphrase (typed twice)', async () => {
    const { rekey } = renderSettings();
    await screen.findByText(/kept in the system keychain/);
    const move = screen.getByRole('button', { name: 'Protect with a passphrase instead' });
    expect(move).toBeDisabled();
    await userEvent.type(screen.getByLabelText('New passphrase'), 'correct horse');
    await userEvent.type(screen.getByLabelText('New passphrase again'), 'correct hors');
    expect(screen.getByText('The two passphrases differ.')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('New passphrase again'), 'e');
    await userEvent.click(move);
    expect(rekey).toHaveBeenCalledWith({ keySource: 'passphrase', passphrase: 'correct horse' });
  });

  it.each([
    ['keychain-unavailable', 'No keychain answered', 'Protect the vault with a passphrase instead'],
    ['keychain-locked', 'The keychain is locked', 'Unlock your system keychain'],
  ] as const)('moving to the keychain: %s offers what to do', async (code, title, remedy) => {
    renderSettings(
      {
        'vault.rekey': () => {
          throw talosError(code);
        },
      },
      'passphrase',
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Keep the key in the keychain instead' }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(title);
    expect(alert).toHaveTextContent(remedy);
  });
});
