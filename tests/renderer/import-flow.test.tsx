import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportPreview } from '../../shared/contract/import-preview.js';
import { ImportPage } from '../../renderer/src/pages/ImportPage.js';
import { fakeBridge, type FakeHandler } from '../support/fake-bridge.js';
import { contextItem, status, talosError } from '../support/context-items.js';

const report = (name: string, findings: ImportPreview['items'][number]['report']['findings'] = []) => {
  const { cert, endpoints, nodes, auth, ca } = contextItem(name);
  return { name, current: false, endpoints, nodes, auth, cert, ca, findings };
};

const preview: ImportPreview = {
  id: 'p1',
  sources: [{ label: '/home/ada/new.talosconfig', current: 'prod' }],
  items: [
    {
      key: '0:dev',
      source: 0,
      from: 'dev',
      suggestion: { action: 'add', to: 'dev' },
      nameTaken: false,
      report: report('dev'),
    },
    {
      key: '0:prod',
      source: 0,
      from: 'prod',
      suggestion: { action: 'rename', to: 'prod-1' },
      nameTaken: true,
      report: report('prod', [{ code: 'eku-not-client-auth-only', severity: 'error', message: 'wrong EKU' }]),
    },
    {
      key: '0:same',
      source: 0,
      from: 'same',
      suggestion: { action: 'skip', to: 'twin' },
      nameTaken: false,
      report: report('same'),
    },
  ],
};

function renderImport(handlers: Record<string, FakeHandler>) {
  window.talos = fakeBridge({
    'dialogs.pickOpen': () => ({ files: [{ token: 't1', name: 'new.talosconfig' }] }),
    ...handlers,
  }).bridge;
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <ImportPage
        status={status()}
        items={[contextItem('prod'), contextItem('twin'), contextItem('taken')]}
      />
    </QueryClientProvider>,
  );
}

afterEach(() => {
  Reflect.deleteProperty(window, 'talos');
});

describe('the import flow', () => {
  it('previews before writing, lets each context be adjusted, and applies the choices', async () => {
    const apply = vi.fn<FakeHandler>(() => ({
      added: ['dev'],
      renamed: [{ from: 'prod', to: 'prod-new' }],
      replaced: [],
      skipped: ['same'],
      current: { from: '', to: '' },
      written: true,
    }));
    renderImport({ 'vault.previewImport': () => preview, 'vault.applyImport': apply });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Choose files…' }));
    const dev = await screen.findByRole('article', { name: 'dev' });
    expect(within(dev).getByText('add')).toBeInTheDocument();
    const prod = screen.getByRole('article', { name: 'prod' });
    expect(within(prod).getByText('rename to prod-1')).toBeInTheDocument();
    expect(within(prod).getByRole('list', { name: 'Findings of prod' })).toHaveTextContent(
      'eku-not-client-auth-only',
    );
    const same = screen.getByRole('article', { name: 'same' });
    expect(within(same).getByText('skip: identical to twin')).toBeInTheDocument();

    // A name the vault has is refused with a way out; another name is accepted.
    const name = within(prod).getByRole('textbox', { name: 'Name for prod' });
    await user.clear(name);
    await user.type(name, 'taken');
    expect(within(prod).getByRole('alert')).toHaveTextContent('choose another name, replace it, or skip');
    expect(screen.getByRole('button', { name: /^Import \d/ })).toBeDisabled();
    await user.clear(name);
    await user.type(name, 'prod-new');
    await user.selectOptions(within(dev).getByRole('combobox', { name: 'What to do with dev' }), 'skip');
    expect(within(dev).getByText('skip')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Import 1' }));
    expect(apply).toHaveBeenCalledWith({
      id: 'p1',
      choices: [
        { key: '0:dev', action: 'skip' },
        { key: '0:prod', action: 'add', to: 'prod-new' },
        { key: '0:same', action: 'skip' },
      ],
    });
    expect(await screen.findByRole('status')).toHaveTextContent(
      '2 stored (prod as prod-new), 0 replaced, 1 skipped.',
    );
  });

  it('offers replace for a taken name', async () => {
    const apply = vi.fn<FakeHandler>(() => ({
      added: [],
      renamed: [],
      replaced: ['prod'],
      skipped: [],
      current: { from: '', to: '' },
      written: true,
    }));
    renderImport({ 'vault.previewImport': () => preview, 'vault.applyImport': apply });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Choose files…' }));
    const prod = await screen.findByRole('article', { name: 'prod' });
    await user.selectOptions(within(prod).getByRole('combobox', { name: 'What to do with prod' }), 'replace');
    expect(within(prod).getByText('replace prod')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Import 2' }));
    expect(apply.mock.calls[0]?.[0]).toMatchObject({
      choices: [{ action: 'add' }, { key: '0:prod', action: 'replace' }, { action: 'skip' }],
    });
  });

  it('previews pasted text', async () => {
    const previewImport = vi.fn<FakeHandler>(() => preview);
    renderImport({ 'vault.previewImport': previewImport });
    const user = userEvent.setup();
    await user.click(screen.getByRole('textbox', { name: 'Or paste a talosconfig' }));
    await user.paste('context: a\ncontexts: {}\n');
    await user.click(screen.getByRole('button', { name: 'Preview pasted text' }));
    await screen.findByRole('region', { name: 'Merge preview' });
    expect(previewImport).toHaveBeenCalledWith({
      sources: [{ kind: 'text', text: 'context: a\ncontexts: {}\n', label: 'pasted text' }],
    });
  });

  it('asks an age file for its passphrase, and again when it is wrong', async () => {
    const previewImport = vi.fn<FakeHandler>((args) => {
      const passphrase = (args as { sources: { agePassphrase?: string }[] }).sources[0]?.agePassphrase;
      if (passphrase === undefined) throw talosError('passphrase-needed');
      if (passphrase !== 'right') throw talosError('wrong-passphrase');
      return preview;
    });
    renderImport({ 'vault.previewImport': previewImport });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Choose files…' }));
    await user.type(await screen.findByLabelText('age passphrase'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Open' }));
    expect(await screen.findByText('That passphrase does not open the file. Try again.')).toBeInTheDocument();
    await user.clear(screen.getByLabelText('age passphrase'));
    await user.type(screen.getByLabelText('age passphrase'), 'right');
    await user.click(screen.getByRole('button', { name: 'Open' }));
    await screen.findByRole('region', { name: 'Merge preview' });
    // The same file token each time: it is spent only once the file was read.
    expect(
      previewImport.mock.calls.map(([args]) => (args as { sources: { file: unknown }[] }).sources[0]?.file),
    ).toEqual([
      { kind: 'picked', token: 't1' },
      { kind: 'picked', token: 't1' },
      { kind: 'picked', token: 't1' },
    ]);
  });

  it('asks for an identity file when the age file is for recipients', async () => {
    const previewImport = vi.fn<FakeHandler>((args) => {
      const identities =
        (args as { sources: { ageIdentities?: unknown[] }[] }).sources[0]?.ageIdentities ?? [];
      if (identities.length === 0) throw talosError('identity-needed');
      return preview;
    });
    renderImport({ 'vault.previewImport': previewImport });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Choose files…' }));
    await user.click(await screen.findByRole('button', { name: 'Choose identity file…' }));
    await screen.findByRole('region', { name: 'Merge preview' });
  });

  it('shows a file it cannot read in words, with the way back to choosing', async () => {
    renderImport({
      'vault.previewImport': () => {
        throw talosError('yaml-syntax', 'new.talosconfig: line 3: bad indentation');
      },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Choose files…' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('line 3: bad indentation');
    expect(screen.getByRole('button', { name: 'Choose files…' })).toBeEnabled();
  });

  it('says so when a preview was forgotten (a lock) and lets the user start over', async () => {
    renderImport({
      'vault.previewImport': () => preview,
      'vault.applyImport': () => {
        throw talosError('import-expired');
      },
    });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Choose files…' }));
    await user.click(await screen.findByRole('button', { name: 'Import 2' }));
    await waitFor(() => {
      expect(screen.getByRole('alert')).toHaveTextContent('The import preview is gone');
    });
    await user.click(screen.getByRole('button', { name: 'Start over' }));
    expect(screen.getByRole('button', { name: 'Choose files…' })).toBeInTheDocument();
  });
});
