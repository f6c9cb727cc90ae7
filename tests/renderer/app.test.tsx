import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContextItem, Status } from '../../shared/contract/vault-contract.js';
import type { TalosBridge, TalosEventName } from '../../renderer/src/api/bridge-types.js';
import { App } from '../../renderer/src/App.js';
import { contextItem, status, talosError } from '../support/context-items.js';

/** A window.talos over plain state, with the events the main side would push. */
function fakeBridge(state: { status: Status; items: ContextItem[] | Error }) {
  const listeners = new Map<TalosEventName, Set<(payload: unknown) => void>>();
  const bridge = {
    vault: {
      status: vi.fn(() => Promise.resolve(state.status)),
      list: vi.fn(() =>
        state.items instanceof Error ? Promise.reject(state.items) : Promise.resolve(state.items),
      ),
      use: vi.fn(),
      unlock: vi.fn(() => Promise.resolve({})),
      lockVault: vi.fn(() => Promise.resolve({})),
      init: vi.fn(),
    },
    events: {
      subscribe(name: TalosEventName, listener: (payload: unknown) => void) {
        const set = listeners.get(name) ?? new Set();
        set.add(listener);
        listeners.set(name, set);
        return () => set.delete(listener);
      },
    },
  } satisfies TalosBridge;
  const emit = (name: TalosEventName) => {
    for (const listener of listeners.get(name) ?? []) listener({});
  };
  window.talos = bridge;
  return { bridge, emit, listeners };
}

function renderApp() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <App />
    </QueryClientProvider>,
  );
}

afterEach(() => {
  Reflect.deleteProperty(window, 'talos');
});

describe('App', () => {
  it('shows the first-run screen while there is no vault', async () => {
    fakeBridge({ status: status({ exists: false, keySource: null }), items: [] });
    renderApp();
    expect(
      await screen.findByRole('heading', { name: 'Set up Talos Credential Manager' }),
    ).toBeInTheDocument();
  });

  it('shows the unlock screen for a locked vault, then the list once unlocked', async () => {
    const state = {
      status: status({ keySource: 'keychain' }),
      items: talosError('vault-locked') as ContextItem[] | Error,
    };
    const { bridge } = fakeBridge(state);
    bridge.vault.unlock.mockImplementation(() => {
      state.items = [contextItem('prod', { current: true })];
      return Promise.resolve({});
    });
    renderApp();
    await userEvent.click(await screen.findByRole('button', { name: 'Unlock' }));
    await screen.findByRole('article', { name: 'prod' });
    expect(bridge.vault.unlock).toHaveBeenCalledWith({});
  });

  it('refetches when the main side says the vault changed', async () => {
    const state = { status: status(), items: [contextItem('one')] as ContextItem[] | Error };
    const { emit } = fakeBridge(state);
    renderApp();
    await screen.findByRole('article', { name: 'one' });
    state.items = [contextItem('one'), contextItem('two')];
    emit('vaultChanged');
    await screen.findByRole('article', { name: 'two' });
    state.items = [contextItem('two', { current: true })];
    emit('talosconfigChanged');
    await waitFor(() => {
      expect(screen.queryByRole('article', { name: 'one' })).toBeNull();
    });
  });

  it('unsubscribes from every event when it goes away', async () => {
    const { listeners } = fakeBridge({ status: status(), items: [] });
    const { unmount } = renderApp();
    await screen.findByText(/no contexts yet/);
    unmount();
    expect([...listeners.values()].every((set) => set.size === 0)).toBe(true);
  });

  it('shows a damaged vault as an error screen with its words', async () => {
    fakeBridge({ status: status(), items: talosError('vault-damaged', 'bad tag') });
    renderApp();
    expect(await screen.findByRole('heading', { name: 'The vault file is damaged' })).toBeInTheDocument();
  });

  it('says plainly when the bridge is missing', async () => {
    renderApp();
    expect(await screen.findByRole('alert')).toHaveTextContent('its bridge (window.talos) is missing');
  });
});
