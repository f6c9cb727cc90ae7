import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { TalosError } from '../../renderer/src/api/bridge-types.js';
import { FirstRunScreen } from '../../renderer/src/screens/FirstRunScreen.js';
import { talosError } from '../support/context-items.js';

function renderFirstRun(
  error: TalosError | null = null,
  talosconfigPath: string | null = '/h/.talos/config',
) {
  const onCreate = vi.fn();
  render(<FirstRunScreen talosconfigPath={talosconfigPath} busy={false} error={error} onCreate={onCreate} />);
  return { onCreate };
}

describe('FirstRunScreen', () => {
  it('creates a keychain vault and imports talosctl’s file by default', async () => {
    const { onCreate } = renderFirstRun();
    expect(screen.getByRole('checkbox', { name: /Import the contexts talosctl uses now/ })).toBeChecked();
    await userEvent.click(screen.getByRole('button', { name: 'Create vault with keychain' }));
    expect(onCreate).toHaveBeenCalledWith({ keySource: 'keychain', importTalosconfig: true });
  });

  it('can leave talosctl’s file out', async () => {
    const { onCreate } = renderFirstRun();
    await userEvent.click(screen.getByRole('checkbox', { name: /Import the contexts/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Create vault with keychain' }));
    expect(onCreate).toHaveBeenCalledWith({ keySource: 'keychain', importTalosconfig: false });
  });

  it('offers no import when talosctl has no file', () => {
    renderFirstRun(null, null);
    expect(screen.queryByRole('checkbox')).toBeNull();
  });

  it('switches to a passphrase when no keychain answers, saying why, with no way back', async () => {
    const { onCreate } = renderFirstRun(talosError('keychain-unavailable'));
    expect(screen.getByRole('alert')).toHaveTextContent('No keychain answered');
    expect(screen.queryByRole('button', { name: 'Use the keychain instead' })).toBeNull();
    await userEvent.type(screen.getByLabelText(/^Passphrase(?! again)/), 'long enough passphrase');
    await userEvent.type(screen.getByLabelText(/Passphrase again/), 'long enough passphrase');
    await userEvent.click(screen.getByRole('button', { name: 'Create vault' }));
    expect(onCreate).toHaveBeenCalledWith({
      keySource: 'passphrase',
      passphrase: 'long enough passphrase',
      importTalosconfig: true,
    });
  });

  it('refuses two passphrases that differ', async () => {
    const { onCreate } = renderFirstRun();
    await userEvent.click(screen.getByRole('button', { name: 'Use a passphrase instead' }));
    await userEvent.type(screen.getByLabelText(/^Passphrase(?! again)/), 'one');
    await userEvent.type(screen.getByLabelText(/Passphrase again/), 'two');
    await userEvent.click(screen.getByRole('button', { name: 'Create vault' }));
    expect(onCreate).not.toHaveBeenCalled();
    expect(screen.getByText('The two passphrases differ.')).toBeInTheDocument();
  });
});
