import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createServices, type ServiceSet } from '../../../../electron/service/create-services.js';
import { pathRef } from '../../../../shared/contract/file-ref.js';
import { parseTalosconfig } from '../../../../shared/talosconfig/parse.js';
import { tempDir, testKeySources } from '../../vault/helpers.js';

const BUNDLE = new URL('../../../fixtures/talos/secrets-talos-generate-testdata.yaml', import.meta.url);
const MINUTE = 60_000;

interface Setup {
  services: ServiceSet;
  clock: { now: Date };
  talosconfig: string;
}

// A settable clock: elevations end by time, and the test moves time instead of waiting.
async function setUp(): Promise<Setup> {
  const dir = await tempDir('talcred-elevation-');
  const clock = { now: new Date(Math.floor(Date.now() / 1000) * 1000) };
  const talosconfig = join(dir, 'talosconfig');
  const services = createServices({
    home: join(dir, 'home'),
    results: 'strict',
    env: {},
    keySources: testKeySources(),
    talosconfig: () => ({ path: talosconfig, readOnly: false, source: 'flag', exists: false }),
    now: () => clock.now,
  });
  await services.vault.init({ keySource: 'passphrase' });
  await services.issuing.importCa({ name: 'prod', source: { kind: 'yaml', file: pathRef(BUNDLE.pathname) } });
  await services.issuing.issue({
    ca: 'prod',
    roles: ['os:reader'],
    name: 'prod',
    store: true,
    endpoints: ['10.0.0.1'],
  });
  await services.vault.use({ name: 'prod' });
  return { services, clock, talosconfig };
}

const fileCurrent = async (s: Setup) =>
  parseTalosconfig(await readFile(s.talosconfig, 'utf8'), s.talosconfig).context;
const names = async (s: Setup) => (await s.services.vault.list({})).map((item) => item.name);

let s: Setup;
beforeEach(async () => {
  s = await setUp();
});

describe('elevation ends', () => {
  it('when it expires, not before: the context goes and talosctl is switched back', async () => {
    const { lifecycle } = s.services;
    const elevated = await lifecycle.elevate({
      name: 'prod',
      roles: ['os:operator'],
      reason: 'reboot',
      ttlSeconds: 600,
    });
    expect(await fileCurrent(s)).toBe('prod-elevated');

    s.clock.now = new Date(Date.parse(elevated.notAfter) - MINUTE);
    expect(await lifecycle.endExpiredElevations({})).toEqual({ ended: [] });
    expect(await names(s)).toEqual(['prod', 'prod-elevated']);

    s.clock.now = new Date(Date.parse(elevated.notAfter));
    const { ended } = await lifecycle.endExpiredElevations({});
    expect(ended).toEqual([
      {
        context: 'prod-elevated',
        from: 'prod',
        switchedBack: true,
        certificateValidUntil: elevated.notAfter,
        expired: true,
      },
    ]);
    expect(await names(s)).toEqual(['prod']);
    expect(await fileCurrent(s)).toBe('prod');
    expect((await s.services.vault.status({})).elevations).toEqual([]);
  });

  it('leaves talosctl where the user put it when they switched away meanwhile', async () => {
    const { lifecycle, vault } = s.services;
    await s.services.issuing.issue({ ca: 'prod', roles: ['os:reader'], name: 'other', store: true });
    const elevated = await lifecycle.elevate({ name: 'prod', roles: ['os:operator'], reason: 'x' });
    await vault.use({ name: 'other' });
    s.clock.now = new Date(Date.parse(elevated.notAfter) + MINUTE);
    const { ended } = await lifecycle.endExpiredElevations({});
    expect(ended[0]?.switchedBack).toBe(false);
    expect(await fileCurrent(s)).toBe('other');
  });

  it('a removed elevated context ends its elevation; a renamed origin is followed', async () => {
    const { lifecycle, vault } = s.services;
    await lifecycle.elevate({ name: 'prod', roles: ['os:operator'], reason: 'x' });
    await vault.use({ name: 'prod' });
    await vault.rename({ from: 'prod', to: 'production' });
    expect((await vault.show({ name: 'prod-elevated' })).elevation?.from).toBe('production');
    await vault.remove({ names: ['prod-elevated'] });
    expect((await vault.status({})).elevations).toEqual([]);
  });

  it('is never offered for renewal: it is short on purpose', async () => {
    const { lifecycle } = s.services;
    const elevated = await lifecycle.elevate({ name: 'prod', roles: ['os:operator'], reason: 'x' });
    s.clock.now = new Date(Date.parse(elevated.notAfter) - MINUTE);
    const due = await lifecycle.renewDue({ dryRun: true });
    expect(due.renewed.map((renewal) => renewal.context)).not.toContain('prod-elevated');
  });
});
