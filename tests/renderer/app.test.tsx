import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContextItem, Status } from '../../shared/contract/vault-contract.js';
import type { TalosEventName } from '../../renderer/src/api/bridge-types.js';
import { fakeBridge } from '../support/fake-bridge.js';
import { App } from '../../renderer/src/App.js';
import { contextItem, status, talosError } from '../support/context-items.js';

/** A window.talos over plain state (built by the real bridge code), with the events the main side pushes. */
function fakeApp(state: { status: Status; items: ContextItem[] | Error }) {
  const unlock = vi.fn<(args: unknown) => unknown>(() => ({ keySource: 'keychain' }));
  const restore = vi.fn<() => unknown>(() => ({ name: 'vault.bak1', savedAt: null, readable: true }));
  const fake = fakeBridge({
    'vault.status': () => state.status,
    'vault.list': () => {
      if (state.items instanceof Error) throw state.items;
      return state.items;
    },
    'vault.unlock': (args) => unlock(args),
    'vault.lockVault': () => ({ locked: true }),
    'vault.restore': () => restore(),
  });
  window.talos = fake.bridge;
  return {
    unlock,
    restore,
    emit: (name: TalosEventName) => {
      fake.emit(name, eventPayload(name));
    },
    listeners: fake.listeners,
  };
}

function eventPayload(name: TalosEventName) {
  if (name === 'sessionChanged') return { locked: false };
  if (name === 'talosconfigChanged') return { path: '/home/ada/.talos/config', current: '' };
  return { path: '/v' };
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
    fakeApp({ status: status({ exists: false, keySource: null }), items: [] });
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
    const { unlock } = fakeApp(state);
    unlock.mockImplementation(() => {
      state.items = [contextItem('prod', { current: true })];
      return { keySource: 'keychain' };
    });
    renderApp();
    await userEvent.click(await screen.findByRole('button', { name: 'Unlock' }));
    await screen.findByRole('article', { name: 'prod' });
    expect(unlock).toHaveBeenCalledWith({});
  });

  it('refetches when the main side says the vault changed', async () => {
    const state = { status: status(), items: [contextItem('one')] as ContextItem[] | Error };
    const { emit } = fakeApp(state);
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
    const { listeners } = fakeApp({ status: status(), items: [] });
    const { unmount } = renderApp();
    await screen.findByText(/no contexts yet/);
    unmount();
    expect(listeners.size).toBe(0);
  });

  it('shows a damaged vault as an error screen with its words', async () => {
    fakeApp({ status: status(), items: talosError('vault-damaged', 'bad tag') });
    renderApp();
    expect(await screen.findByRole('heading', { name: 'The vault file is damaged' })).toBeInTheDocument();
  });

  it('offers to restore a damaged vault from its backup, and shows the list after', async () => {
    const state = {
      status: status(),
      items: talosError('vault-damaged', 'bad tag') as ContextItem[] | Error,
    };
    const { restore } = fakeApp(state);
    restore.mockImplementation(() => {
      state.items = [contextItem('prod')];
      return { name: 'vault.bak1', savedAt: null, readable: true };
    });
    renderApp();
    await userEvent.click(await screen.findByRole('button', { name: 'Restore the newest backup' }));
    await screen.findByRole('article', { name: 'prod' });
    expect(restore).toHaveBeenCalledTimes(1);
  });

  it('says plainly when the bridge is missing', async () => {
    renderApp();
    expect(await screen.findByRole('alert')).toHaveTextContent('its bridge (window.talos) is missing');
  });
});
