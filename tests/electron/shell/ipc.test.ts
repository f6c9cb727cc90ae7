import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createIpcCalls,
  pathReferences,
  registerIpc,
  type DialogApi,
  type SenderEvent,
} from '../../../electron/ipc.js';
import { createServices, type ServiceSet } from '../../../electron/service/create-services.js';
import { createPickedFiles } from '../../../electron/service/file-access.js';
import { channelOf, type CallReply } from '../../../shared/contract/ipc-protocol.js';
import { registry, type AreaName } from '../../../shared/contract/registry.js';
import { tempDir, testKeySources } from '../vault/helpers.js';
import { context, talosconfigText } from '../service/service-harness.js';

interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

/** A window as ipc.ts sees it: its webContents, main frame and `send`. */
function fakeWindow(url = 'app://talos/index.html') {
  const mainFrame: FakeFrame = { url, parent: null };
  const sent = vi.fn<(channel: string, message: unknown) => void>();
  const webContents = { mainFrame, send: sent };
  return { sent, window: { webContents } as unknown as BrowserWindow & { webContents: typeof webContents } };
}

function fromMainFrame(window: ReturnType<typeof fakeWindow>['window']): SenderEvent {
  return { sender: window.webContents, senderFrame: window.webContents.mainFrame };
}

const opened: ServiceSet[] = [];
afterEach(() => {
  for (const services of opened.splice(0)) services.close();
});

/** Services and the wrapper over one set of dialog tokens; the dialogs answer files under the temp root. */
async function setUp(answer: (root: string) => { open?: string[]; save?: string } = () => ({})) {
  const root = await tempDir('talcred-ipc-');
  const answers = answer(root);
  const pickedFiles = createPickedFiles();
  const services = createServices({
    home: join(root, 'home'),
    env: {},
    keySources: testKeySources(),
    pickedFiles,
    talosconfig: () => ({ path: join(root, 'config'), readOnly: false, source: 'flag', exists: false }),
  });
  opened.push(services);
  const dialog: DialogApi = {
    showOpenDialog: vi.fn(() =>
      Promise.resolve({ canceled: answers.open === undefined, filePaths: answers.open ?? [] }),
    ),
    showSaveDialog: vi.fn(() =>
      Promise.resolve({ canceled: answers.save === undefined, filePath: answers.save ?? '' }),
    ),
  };
  const { window, sent } = fakeWindow();
  const calls = createIpcCalls({ services, window, dialog, pickedFiles });
  const call = (area: AreaName, name: string, args: unknown, event = fromMainFrame(window)) =>
    calls.call(event, area, name, { callId: 'c1', args });
  return { root, services, window, sent, calls, call, dialog, pickedFiles };
}

function failure(reply: CallReply): { code: string; message: string; remedy: string | null } {
  if (reply.ok) throw new Error('the call succeeded');
  return reply.error;
}

describe('the IPC wrapper', () => {
  it('answers our window main frame at app://', async () => {
    const { call } = await setUp();
    expect(await call('vault', 'status', { brief: true })).toMatchObject({
      ok: true,
      result: { exists: false },
    });
  });

  it('refuses another window, a sub-frame and a main frame that left app://', async () => {
    const { call, window } = await setUp();
    const other = fakeWindow().window;
    const subFrame = { url: 'app://talos/index.html', parent: window.webContents.mainFrame };
    const events: SenderEvent[] = [
      fromMainFrame(other),
      { sender: window.webContents, senderFrame: subFrame } as unknown as SenderEvent,
      { sender: window.webContents, senderFrame: null },
    ];
    for (const event of events) {
      expect(failure(await call('vault', 'status', {}, event)).code).toBe('caller-refused');
    }
    window.webContents.mainFrame.url = 'https://example.com/';
    expect(failure(await call('vault', 'status', {})).code).toBe('caller-refused');
  });

  it('refuses malformed arguments and unknown operations, and encodes failures with their remedy', async () => {
    const { call } = await setUp();
    expect(failure(await call('vault', 'rename', { from: 'a' }))).toMatchObject({
      code: 'invalid-arguments',
      remedy: null,
    });
    expect(failure(await call('vault', 'evaluate', {})).code).toBe('caller-refused');
    expect(failure(await call('vault', 'list', {}))).toMatchObject({
      code: 'vault-missing',
      remedy: 'create-vault',
    });
  });

  it('refuses any raw path, wherever it stands in the arguments', async () => {
    const { call } = await setUp();
    const args = {
      sources: [{ kind: 'file', file: { kind: 'path', path: '/etc/passwd' } }],
    };
    const error = failure(await call('vault', 'importContexts', args));
    expect(error.code).toBe('file-path-refused');
    expect(error.message).toContain('args.sources.0.file');
    expect(pathReferences({ a: [{ b: { kind: 'path', path: 'x' } }], kind: 'path', path: 'y' })).toEqual([
      'args',
      'args.a.0.b',
    ]);
  });

  it('hands out single-use tokens from its own dialogs', async () => {
    const { root, call, services } = await setUp((dir) => ({
      open: [join(dir, 'incoming.yaml')],
      save: join(dir, 'out.yaml'),
    }));
    await services.vault.init({ keySource: 'passphrase' });
    await writeFile(join(root, 'incoming.yaml'), talosconfigText([context('prod')]));
    const reply = await call('dialogs', 'pickOpen', { title: 'Import' });
    if (!reply.ok) throw new Error(reply.error.message);
    const { files } = reply.result as { files: { token: string; name: string }[] };
    expect(files.map((f) => f.name)).toEqual(['incoming.yaml']);
    const token = files[0]?.token ?? '';
    const args = { sources: [{ kind: 'file', file: { kind: 'picked', token } }] };
    expect(await call('vault', 'importContexts', args)).toMatchObject({ ok: true });
    expect(failure(await call('vault', 'importContexts', args)).code).toBe('file-token-invalid');

    const save = await call('dialogs', 'pickSave', { title: 'Export', defaultName: 'prod.yaml' });
    expect(save).toMatchObject({ ok: true, result: { picked: true, name: 'out.yaml' } });
    const saveToken = save.ok ? (save.result as { token: string }).token : '';
    // An open token cannot stand in for a save: writing needs the save dialog's confirmation.
    expect(
      failure(await call('vault', 'exportContexts', { names: ['prod'], output: { kind: 'picked', token } }))
        .code,
    ).toBe('file-token-invalid');
    expect(
      await call('vault', 'exportContexts', {
        names: ['prod'],
        output: { kind: 'picked', token: saveToken },
      }),
    ).toMatchObject({ ok: true, result: { path: join(root, 'out.yaml') } });
  });

  it('answers a cancelled dialog with nothing picked', async () => {
    const { call } = await setUp();
    expect(await call('dialogs', 'pickOpen', { title: 'Import' })).toEqual({
      ok: true,
      result: { files: [] },
    });
    expect(await call('dialogs', 'pickSave', { title: 'Export', defaultName: 'a.yaml' })).toEqual({
      ok: true,
      result: { picked: false },
    });
    expect(failure(await call('dialogs', 'pickSave', { title: 'Export', defaultName: '../a' })).code).toBe(
      'invalid-arguments',
    );
  });

  it('registers one handler per registry operation and forwards events to the window', async () => {
    const { services, window, sent, dialog } = await setUp();
    const handled = new Map<string, (...args: unknown[]) => unknown>();
    const ipcMain = {
      handle: vi.fn((channel: string, listener: (...args: unknown[]) => unknown) =>
        handled.set(channel, listener),
      ),
      removeHandler: vi.fn((channel: string) => handled.delete(channel)),
      on: vi.fn(),
      off: vi.fn(),
    };
    const stop = registerIpc(ipcMain, {
      services,
      window,
      dialog,
      pickedFiles: createPickedFiles(),
    });
    const expected = (Object.keys(registry) as AreaName[]).flatMap((area) =>
      Object.keys(registry[area]).map((name) => channelOf(area, name)),
    );
    expect([...handled.keys()].sort()).toEqual(expected.sort());
    await services.vault.init({ keySource: 'passphrase' });
    await services.vault.lockVault({});
    expect(sent).toHaveBeenCalledWith('talos:event', {
      name: 'sessionChanged',
      payload: { locked: true },
    });
    stop();
    expect(handled.size).toBe(0);
  });
});
