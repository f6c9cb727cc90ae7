import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ContextsScreen, type ContextsScreenProps } from '../../renderer/src/screens/ContextsScreen.js';
import { NOW, contextItem, status, talosError } from '../support/context-items.js';

const items = [
  contextItem('prod-admin', { cluster: 'prod', roles: ['os:admin'], endpoints: ['10.1.0.1', '10.1.0.2'] }),
  contextItem('reader@prod', { cluster: 'prod', roles: ['os:reader'], current: true }),
  contextItem('staging', { cluster: 'staging', roles: ['os:operator'], endpoints: ['192.168.5.10'] }),
  contextItem('laptop', { cluster: null, roles: ['os:reader'] }),
];

function renderScreen(props: Partial<ContextsScreenProps> = {}) {
  const onSwitch = vi.fn();
  render(
    <ContextsScreen
      status={status({ current: 'reader@prod', contexts: items.length })}
      items={items}
      now={NOW}
      switching={null}
      switchError={null}
      onSwitch={onSwitch}
      onDismissError={() => {}}
      {...props}
    />,
  );
  return { onSwitch };
}

const headings = () => screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);
const contextNames = () =>
  screen.queryAllByRole('heading', { level: 3 }).map((heading) => heading.textContent);

describe('ContextsScreen', () => {
  it('groups contexts by cluster, with contexts of no known cluster last', () => {
    renderScreen();
    expect(headings()).toEqual(['prod 2', 'staging 1', 'Other contexts 1']);
    expect(contextNames()).toEqual(['prod-admin', 'reader@prod', 'staging', 'laptop']);
  });

  it('marks the current context and offers no switch to it', () => {
    renderScreen();
    const current = screen.getByRole('article', { name: 'reader@prod' });
    expect(within(current).getByText('Current')).toBeInTheDocument();
    expect(within(current).queryByRole('button')).toBeNull();
    expect(screen.getByRole('button', { name: 'Switch to staging' })).toBeEnabled();
  });

  it('shows roles, endpoints and the time to expiry in words', () => {
    renderScreen();
    const admin = screen.getByRole('article', { name: 'prod-admin' });
    expect(within(admin).getByRole('list', { name: 'Roles' })).toHaveTextContent('os:admin');
    expect(within(admin).getByText('os:admin')).toHaveClass('badge-powerful');
    expect(within(admin).getByText('10.1.0.1, 10.1.0.2')).toBeInTheDocument();
    expect(within(admin).getByText('expires in 6 months')).toBeInTheDocument();
  });

  it('switches with one click', async () => {
    const { onSwitch } = renderScreen();
    await userEvent.click(screen.getByRole('button', { name: 'Switch to laptop' }));
    expect(onSwitch).toHaveBeenCalledWith('laptop');
  });

  it('is reachable from the keyboard: Tab to a switch button, Enter switches', async () => {
    const { onSwitch } = renderScreen();
    const user = userEvent.setup();
    await user.tab();
    expect(screen.getByRole('searchbox', { name: 'Search contexts' })).toHaveFocus();
    // Every control on the way is a labelled one: the filters and the sort, then the first row.
    for (const [role, name] of [
      ['combobox', 'Role'],
      ['combobox', 'Expiry'],
      ['combobox', 'Source'],
      ['combobox', 'Sort by'],
      ['link', 'prod-admin'],
    ] as const) {
      await user.tab();
      expect(screen.getByRole(role, { name })).toHaveFocus();
    }
    await user.tab();
    expect(screen.getByRole('button', { name: 'Switch to prod-admin' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onSwitch).toHaveBeenCalledWith('prod-admin');
  });

  it.each([
    ['name', 'laptop', ['laptop']],
    ['cluster', 'staging', ['staging']],
    ['endpoint', '10.1.0.2', ['prod-admin']],
    ['role', 'os:admin', ['prod-admin']],
    ['several words', 'prod reader', ['reader@prod']],
  ])('filters by %s', async (_what, query, expected) => {
    renderScreen();
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search contexts' }), query);
    expect(contextNames()).toEqual(expected);
  });

  it('filters by label', async () => {
    const labelled = [contextItem('edge', { labels: { team: 'infra' } }), contextItem('other')];
    renderScreen({ items: labelled });
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search contexts' }), 'team=infra');
    expect(contextNames()).toEqual(['edge']);
  });

  it('says so when nothing matches, and when the vault is empty', async () => {
    renderScreen();
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search contexts' }), 'nothing-like-this');
    expect(screen.getByText('No context matches “nothing-like-this”.')).toBeInTheDocument();
    expect(screen.getByText('0 contexts of 4 match')).toBeInTheDocument();
  });

  it('shows an empty vault as such', () => {
    renderScreen({ items: [] });
    expect(screen.getByText(/The vault holds no contexts yet/)).toBeInTheDocument();
  });

  it("shows talosctl's file, its mode and the current context in the status bar", () => {
    renderScreen({
      status: status({
        current: 'reader@prod',
        talosconfig: { path: '/x/config', exists: true, readOnly: true, source: 'env' },
      }),
    });
    const bar = screen.getByRole('contentinfo');
    expect(bar).toHaveTextContent('Current contextreader@prod');
    expect(bar).toHaveTextContent('/x/config');
    expect(bar).toHaveTextContent('read-only');
    expect(bar).toHaveTextContent('only the current context');
  });

  it('shows a failed switch in words, keyed by its code', () => {
    renderScreen({ switchError: talosError('talosconfig-read-only', 'EROFS') });
    expect(screen.getByRole('alert')).toHaveTextContent("talosctl's file is read-only");
  });
});

describe('ContextsScreen filters and sort', () => {
  const many = [
    contextItem('old', {
      roles: ['os:reader'],
      notAfter: '2026-12-05T00:00:00.000Z',
      findings: [finding('cert-expiring-soon')],
    }),
    contextItem('dead', {
      roles: ['os:operator'],
      notAfter: '2026-11-01T00:00:00.000Z',
      findings: [finding('cert-expired')],
    }),
    contextItem('fresh', { roles: ['os:admin'], labels: { team: 'infra' } }),
  ];

  function finding(code: 'cert-expired' | 'cert-expiring-soon') {
    return {
      code,
      severity: code === 'cert-expired' ? ('error' as const) : ('warning' as const),
      message: code,
    };
  }

  it('filters by role, expiry and label from the filter bar, and clears them', async () => {
    renderScreen({ items: many });
    const user = userEvent.setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'os:admin');
    expect(contextNames()).toEqual(['fresh']);
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Expiry' }), 'expired');
    expect(contextNames()).toEqual(['dead']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Expiry' }), 'expiring');
    expect(contextNames()).toEqual(['old']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Expiry' }), 'any');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Label' }), 'team=infra');
    expect(contextNames()).toEqual(['fresh']);
    expect(screen.getByText('1 context of 3 match')).toBeInTheDocument();
  });

  it('sorts by name or by expiry', async () => {
    renderScreen({ items: many });
    expect(contextNames()).toEqual(['dead', 'fresh', 'old']);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'expiry');
    expect(contextNames()).toEqual(['dead', 'old', 'fresh']);
  });

  it('offers a way back when filters hide everything', async () => {
    renderScreen({ items: many });
    const user = userEvent.setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'os:admin');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Expiry' }), 'expired');
    expect(screen.getByText('No context matches these filters.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show every context' }));
    expect(contextNames()).toHaveLength(3);
  });

  it('opens a context from its name, and offers the import from an empty vault', async () => {
    const onOpen = vi.fn();
    const onImport = vi.fn();
    renderScreen({ items: many, onOpen, onImport });
    await userEvent.click(screen.getByRole('link', { name: 'fresh' }));
    expect(onOpen).toHaveBeenCalledWith('fresh');
    cleanup();
    renderScreen({ items: [], onImport });
    await userEvent.click(screen.getByRole('button', { name: 'Import a talosconfig…' }));
    expect(onImport).toHaveBeenCalled();
  });

  it("shows the current context's time left in the status bar", () => {
    renderScreen();
    expect(screen.getByRole('contentinfo')).toHaveTextContent('reader@prodexpires in 6 months');
  });
});
