import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ErrorScreen } from '../../renderer/src/screens/ErrorScreen.js';
import { talosError } from '../support/context-items.js';

const damaged = Object.assign(talosError('vault-damaged', 'the vault file does not decrypt'), {
  remedy: 'restore-backup',
});

describe('ErrorScreen', () => {
  it('offers the newest backup, or one chosen by its date; an unreadable one is named, not offered', async () => {
    const onRestore = vi.fn();
    render(
      <ErrorScreen
        error={damaged}
        onRetry={vi.fn()}
        onRestore={onRestore}
        restoring={false}
        restoreError={null}
        backups={[
          { name: 'vault.bak1', savedAt: '2026-11-30T09:00:00.000Z', readable: true },
          { name: 'vault.bak2', savedAt: '2026-11-29T09:00:00.000Z', readable: false },
        ]}
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('2026-11-30 09:00:00');
    await userEvent.click(screen.getByRole('button', { name: 'Restore the newest backup' }));
    expect(onRestore).toHaveBeenLastCalledWith();
    await userEvent.click(screen.getByRole('button', { name: 'Restore vault.bak1' }));
    expect(onRestore).toHaveBeenLastCalledWith('vault.bak1');
    expect(screen.queryByRole('button', { name: 'Restore vault.bak2' })).toBeNull();
    expect(screen.getByText('unreadable')).toBeInTheDocument();
  });

  it('offers no restore where a backup is not the remedy', () => {
    render(
      <ErrorScreen
        error={talosError('vault-too-new', 'written by a newer talcred')}
        onRetry={vi.fn()}
        onRestore={vi.fn()}
        restoring={false}
        restoreError={null}
      />,
    );
    expect(screen.queryByRole('button', { name: /Restore/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
