import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLifecycleTimer, type LifecycleTimer } from '../../../electron/lifecycle-timer.js';
import { startExpiryNotifier, type ExpiryNotice } from '../../../electron/expiry-notices.js';
import { createServices, type ServiceSet } from '../../../electron/service/create-services.js';
import { pathRef } from '../../../shared/contract/file-ref.js';
import { serializeTalosconfig } from '../../../shared/talosconfig/serialize.js';
import { createTestCa, createTestLeaf, mtlsContext } from '../../support/test-pki.js';
import { tempDir, testKeySources } from '../vault/helpers.js';

// The app's timer over the REAL services (the app session: locked until unlocked) and a settable clock.
const day = 86_400_000;

interface Setup {
  services: ServiceSet;
  clock: { now: Date };
  timer: LifecycleTimer;
}

let s: Setup;
beforeEach(async () => {
  const dir = await tempDir('talcred-lifecycle-timer-');
  const clock = { now: new Date(Math.floor(Date.now() / 1000) * 1000) };
  const services = createServices({
    home: join(dir, 'home'),
    results: 'strict',
    env: {},
    keySources: testKeySources('test passphrase'),
    session: 'app',
    talosconfig: () => ({ path: join(dir, 'talosconfig'), readOnly: false, source: 'flag', exists: false }),
    now: () => clock.now,
  });
  await services.vault.init({ keySource: 'passphrase', passphrase: 'test passphrase' });
  await services.vault.unlock({ passphrase: 'test passphrase' });
  const ca = await createTestCa({
    notBefore: new Date(Date.now() - 400 * day),
    notAfter: new Date(Date.now() + 900 * day),
  });
  await writeFile(join(dir, 'ca.pem'), ca.certPem);
  await writeFile(join(dir, 'ca.key'), ca.keyPem);
  await services.issuing.importCa({
    name: 'prod',
    source: { kind: 'pem', cert: pathRef(join(dir, 'ca.pem')), key: pathRef(join(dir, 'ca.key')) },
  });
  // Due: a 30-day certificate with 3 days left.
  const leaf = await createTestLeaf(ca, {
    roles: ['os:reader'],
    notBefore: new Date(Date.now() - 27 * day),
    notAfter: new Date(Date.now() + 3 * day),
  });
  const context = mtlsContext('due', { ca: ca.certPem, crt: leaf.certPem, key: leaf.keyPem });
  await services.vault.importContexts({
    sources: [
      {
        kind: 'text',
        text: serializeTalosconfig({ context: '', contexts: [context], extra: [] }),
        label: 'test',
      },
    ],
  });
  // Long intervals: the test drives the rounds with tick().
  s = {
    services,
    clock,
    timer: startLifecycleTimer(services, { elevationCheckMs: day, renewalCheckMs: day }),
  };
});
afterEach(() => {
  s.timer.stop();
  s.services.close();
});

const serialOfDue = async () => (await s.services.vault.show({ name: 'due' })).cert?.serial;

describe('the app lifecycle timer', () => {
  it('renews due contexts only when auto-renew is on', async () => {
    const before = await serialOfDue();
    await s.timer.tick();
    expect(await serialOfDue()).toBe(before);
    await s.services.vault.settings({ set: { autoRenew: true } });
    await s.timer.tick();
    const after = await serialOfDue();
    expect(after).not.toBe(before);
    expect((await s.services.vault.show({ name: 'due' })).findings).toEqual([]);
  });

  it('ends an expired elevation and switches talosctl back', async () => {
    await s.services.vault.use({ name: 'due' });
    const elevated = await s.services.lifecycle.elevate({ name: 'due', roles: ['os:operator'], reason: 'x' });
    await s.timer.tick({ renew: false });
    expect((await s.services.vault.status({})).current).toBe('due-elevated');
    s.clock.now = new Date(Date.parse(elevated.notAfter) + 1_000);
    await s.timer.tick({ renew: false });
    const status = await s.services.vault.status({});
    expect(status.current).toBe('due');
    expect(status.elevations).toEqual([]);
  });

  it('does nothing while the vault is locked, and asks for no key', async () => {
    await s.services.vault.settings({ set: { autoRenew: true } });
    await s.services.vault.lockVault({});
    await s.timer.tick();
    await s.services.vault.unlock({ passphrase: 'test passphrase' });
    const due = await s.services.lifecycle.renewDue({ dryRun: true });
    expect(due.renewed.map((renewal) => renewal.context)).toEqual(['due']);
  });

  it('notifies once of a context in its window, and only while unlocked', async () => {
    const told: ExpiryNotice[] = [];
    const notifier = startExpiryNotifier(s.services, (notice) => told.push(notice), { intervalMs: day });
    await s.services.vault.lockVault({});
    await notifier.check();
    expect(told).toEqual([]);
    await s.services.vault.unlock({ passphrase: 'test passphrase' });
    await notifier.check();
    await notifier.check();
    notifier.stop();
    expect(told.map((notice) => notice.title)).toEqual(['due expires in 2 days']);
  });
});
