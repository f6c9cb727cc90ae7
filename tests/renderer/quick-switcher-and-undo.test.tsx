import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../renderer/src/App.js';
import { UNDO_MS } from '../../renderer/src/hooks/use-pending-removal.js';
import { fakeBridge, type FakeHandler } from '../support/fake-bridge.js';
import { contextItem, status } from '../support/context-items.js';

const items = [
  {
    ...contextItem('admin@prod', { cluster: 'prod', roles: ['os:admin'] }),
    lastUsed: '2026-11-30T10:00:00.000Z',
  },
  { ...contextItem('reader@prod', { cluster: 'prod', current: true }), lastUsed: '2026-11-30T12:00:00.000Z' },
  contextItem('staging', { cluster: 'staging', endpoints: ['172.16.5.10'], labels: { team: 'edge' } }),
];

function renderApp(handlers: Record<string, FakeHandler> = {}) {
  const use = vi.fn<FakeHandler>(() => ({
    current: 'x',
    path: '/p',
    mode: 'active',
    foreign: { imported: [], backupPath: null },
  }));
  const remove = vi.fn<FakeHandler>(() => ({ removed: ['staging'] }));
  window.talos = fakeBridge({
    'vault.status': () => status({ current: 'reader@prod', contexts: 3 }),
    'vault.list': () => items,
    'vault.use': use,
    'vault.remove': remove,
    'dialogs.openedFiles': () => ({ files: [] }),
    ...handlers,
  }).bridge;
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <App />
    </QueryClientProvider>,
  );
  return { use, remove };
}

afterEach(() => {
  vi.useRealTimers();
  Reflect.deleteProperty(window, 'talos');
});

describe('the quick switcher', () => {
  it('opens with Ctrl+K, lists the recently used first, and switches with Enter', async () => {
    const { use } = renderApp();
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'Contexts' });
    await user.keyboard('{Control>}k{/Control}');
    const dialog = screen.getByRole('dialog', { name: 'Switch context' });
    const options = within(dialog).getAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual([
      expect.stringContaining('reader@prod'),
      expect.stringContaining('admin@prod'),
      expect.stringContaining('staging'),
    ]);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(use).toHaveBeenCalledWith({ name: 'admin@prod' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('finds by cluster, label and endpoint, fuzzily', async () => {
    const { use } = renderApp();
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'Contexts' });
    await user.keyboard('{Meta>}k{/Meta}');
    const input = screen.getByRole('combobox', { name: 'Switch to context' });
    await user.type(input, 'team=edg');
    expect(screen.getAllByRole('option')).toHaveLength(1);
    await user.clear(input);
    await user.type(input, '172.16');
    expect(screen.getByRole('option', { selected: true })).toHaveTextContent('staging');
    await user.clear(input);
    await user.type(input, 'adm');
    await user.keyboard('{Enter}');
    expect(use).toHaveBeenCalledWith({ name: 'admin@prod' });
  });

  it('says so when nothing matches, and Escape closes it', async () => {
    renderApp();
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'Contexts' });
    await user.keyboard('{Control>}k{/Control}');
    await user.type(screen.getByRole('combobox', { name: 'Switch to context' }), 'zzzz');
    expect(screen.getByText('No context matches “zzzz”.')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('removing a context', () => {
  it('hides it at once, and Undo within the window keeps it', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { remove } = renderApp();
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime.bind(vi) });
    await user.click(await screen.findByRole('link', { name: 'staging' }));
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    expect(screen.getByRole('status')).toHaveTextContent('Removed staging.');
    expect(screen.queryByRole('article', { name: 'staging' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    act(() => {
      vi.advanceTimersByTime(UNDO_MS + 1000);
    });
    expect(remove).not.toHaveBeenCalled();
    expect(screen.getByRole('article', { name: 'staging' })).toBeInTheDocument();
  });

  it('removes it from the vault once the window has passed', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { remove } = renderApp();
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime.bind(vi) });
    await user.click(await screen.findByRole('link', { name: 'staging' }));
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    act(() => {
      vi.advanceTimersByTime(UNDO_MS + 100);
    });
    await vi.waitFor(() => {
      expect(remove).toHaveBeenCalledWith({ names: ['staging'] });
    });
  });
});
