import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionControls } from '../../renderer/src/shell/SessionControls.js';
import { settings } from '../support/issuing-items.js';
import { renderPage } from './render-page.js';

afterEach(() => {
  vi.useRealTimers();
  Reflect.deleteProperty(window, 'talos');
  delete document.documentElement.dataset.theme;
});

function renderControls(autoLockSeconds: number, theme: 'system' | 'light' | 'dark' = 'system') {
  const lockVault = vi.fn(() => ({ locked: true, talosconfig: null, clearFailed: null }));
  const view = renderPage(<SessionControls />, {
    'vault.settings': () => settings({ autoLockSeconds, theme }),
    'vault.lockVault': lockVault,
  });
  return { ...view, lockVault };
}

describe('the session controls', () => {
  it('lock with a click and drop every cached answer', async () => {
    const { lockVault, client } = renderControls(0);
    client.setQueryData(['vault', 'list'], ['a cached list']);
    await userEvent.click(screen.getByRole('button', { name: 'Lock vault' }));
    expect(lockVault).toHaveBeenCalledTimes(1);
    await waitFor(() => {
      expect(client.getQueryData(['vault', 'list'])).toBeUndefined();
    });
  });

  it('lock after the idle time, and input restarts the count', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { lockVault } = renderControls(60);
    await act(() => vi.advanceTimersByTimeAsync(100));
    await act(() => vi.advanceTimersByTimeAsync(45_000));
    window.dispatchEvent(new KeyboardEvent('keydown'));
    await act(() => vi.advanceTimersByTimeAsync(45_000));
    expect(lockVault).not.toHaveBeenCalled();
    await act(() => vi.advanceTimersByTimeAsync(16_000));
    expect(lockVault).toHaveBeenCalledTimes(1);
  });

  it('apply the theme setting to the page', async () => {
    renderControls(0, 'dark');
    await waitFor(() => {
      expect(document.documentElement.dataset.theme).toBe('dark');
    });
  });
});
