import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { TalosError } from '../../renderer/src/api/bridge-types.js';
import { UnlockScreen } from '../../renderer/src/screens/UnlockScreen.js';
import { talosError } from '../support/context-items.js';

function renderUnlock(keySource: 'keychain' | 'passphrase' | null, error: TalosError | null = null) {
  const onUnlock = vi.fn();
  render(
    <UnlockScreen
      keySource={keySource}
      vaultPath="/v/vault"
      busy={false}
      error={error}
      onUnlock={onUnlock}
    />,
  );
  return { onUnlock };
}

describe('UnlockScreen', () => {
  it('unlocks a passphrase vault with what was typed, from the keyboard', async () => {
    const { onUnlock } = renderUnlock('passphrase');
    const field = screen.getByLabelText(/Passphrase/);
    expect(field).toHaveFocus();
    await userEvent.type(field, 'correct horse{Enter}');
    expect(onUnlock).toHaveBeenCalledWith('correct horse');
  });

  it('does not submit an empty passphrase', async () => {
    const { onUnlock } = renderUnlock('passphrase');
    await userEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(onUnlock).not.toHaveBeenCalled();
  });

  it('unlocks a keychain vault with one click and no passphrase field', async () => {
    const { onUnlock } = renderUnlock('keychain');
    expect(screen.queryByLabelText(/Passphrase/)).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(onUnlock).toHaveBeenCalledWith(undefined);
  });

  it('says a wrong passphrase in words', () => {
    renderUnlock('passphrase', talosError('wrong-passphrase', 'authentication tag mismatch'));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Wrong passphrase');
    expect(alert).toHaveTextContent('That passphrase does not open this vault');
    expect(alert).not.toHaveTextContent('authentication tag');
  });

  it('says a locked keychain in words', () => {
    renderUnlock('keychain', talosError('keychain-locked'));
    expect(screen.getByRole('alert')).toHaveTextContent('The keychain is locked');
  });

  it('falls back to the service message for a code it has no words for', () => {
    // A newer main process may send a code this renderer does not know yet.
    const unknown = Object.assign(new Error('The disk is full.'), { code: 'something-new', remedy: null });
    renderUnlock('keychain', unknown);
    expect(screen.getByRole('alert')).toHaveTextContent('The disk is full.');
  });
});
