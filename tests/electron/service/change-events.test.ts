import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createServices, type ServiceSet } from '../../../electron/service/create-services.js';
import type { EventName, EventPayload } from '../../../shared/contract/events.js';
import { tempDir, testKeySources } from '../vault/helpers.js';
import { context, talosconfigText } from './service-harness.js';

const opened: ServiceSet[] = [];
afterEach(() => {
  for (const services of opened.splice(0)) services.close();
});

async function setUp() {
  const root = await tempDir('talcred-events-');
  const home = join(root, 'home');
  const talosconfig = join(root, 'talos', 'config');
  const make = () => {
    const services = createServices({
      home,
      env: {},
      keySources: testKeySources(),
      talosconfig: () => ({ path: talosconfig, readOnly: false, source: 'flag', exists: false }),
      watch: { debounceMs: 50, intervalMs: 20 },
    });
    opened.push(services);
    return services;
  };
  return { home, talosconfig, app: make(), cli: make() };
}

/** Resolves with the next payload of `name`, or fails after `ms`. */
function next<Name extends EventName>(
  services: ServiceSet,
  name: Name,
  ms = 3_000,
): Promise<EventPayload<Name>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no ${name} within ${ms} ms`));
    }, ms);
    const stop = services.events.subscribe(name, (payload) => {
      clearTimeout(timer);
      stop();
      resolve(payload);
    });
  });
}

describe('change events', () => {
  it('tell the app when another process changes the vault, even after its folder was removed', async () => {
    const { home, app, cli } = await setUp();
    let changed = next(app, 'vaultChanged');
    await cli.vault.init({ keySource: 'passphrase' });
    expect(await changed).toEqual({ path: join(home, 'vault') });

    changed = next(app, 'vaultChanged');
    await cli.vault.importContexts({
      sources: [{ kind: 'text', text: talosconfigText([context('prod')]), label: 'test' }],
    });
    await changed;

    changed = next(app, 'vaultChanged');
    await rm(home, { recursive: true });
    await changed;
    changed = next(app, 'vaultChanged');
    await cli.vault.init({ keySource: 'passphrase' });
    await changed;
  });

  it("follow talosctl's own edit of the file's context", async () => {
    const { talosconfig, app, cli } = await setUp();
    await cli.vault.init({ keySource: 'passphrase' });
    await cli.vault.importContexts({
      sources: [{ kind: 'text', text: talosconfigText([context('prod'), context('dev')]), label: 'test' }],
    });
    await cli.vault.settings({ set: { targetMode: 'all' } });
    let changed = next(app, 'talosconfigChanged');
    await cli.vault.use({ name: 'prod' });
    expect(await changed).toEqual({ path: talosconfig, current: 'prod' });

    // `talosctl config context dev` rewrites only the file.
    changed = next(app, 'talosconfigChanged');
    await mkdir(dirname(talosconfig), { recursive: true });
    await writeFile(talosconfig, talosconfigText([context('prod'), context('dev')], 'dev'));
    expect(await changed).toEqual({ path: talosconfig, current: 'dev' });
    expect((await app.vault.list({})).filter((item) => item.current).map((item) => item.name)).toEqual([
      'dev',
    ]);
    expect((await app.vault.status({})).current).toBe('dev');
    // A rename rewrites the file in `all` mode, and must not undo the switch talosctl made.
    await app.vault.rename({ from: 'prod', to: 'production' });
    expect((await app.vault.status({})).current).toBe('dev');

    changed = next(app, 'talosconfigChanged');
    await rm(talosconfig);
    expect(await changed).toEqual({ path: talosconfig, current: '' });
  });

  it('watch only while someone listens', async () => {
    const { app, cli } = await setUp();
    const heard: unknown[] = [];
    const stop = app.events.subscribe('vaultChanged', (payload) => heard.push(payload));
    stop();
    await cli.vault.init({ keySource: 'passphrase' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(heard).toEqual([]);
  });
});
