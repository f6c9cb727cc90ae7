import type { RealApp } from '../harness/real-app.js';
import { repoPath } from '../harness/repo-path.js';

export const fixture = (name: string) => repoPath('tests', 'fixtures', 'talos', name);

export const ADMIN_2021 = fixture('talosconfig-admin-2021.yaml');
export const NOROLES_2021 = fixture('talosconfig-noroles-2021.yaml');
export const FUTURE_2021 = fixture('talosconfig-futurerole-2021.yaml');

const HOUR = 3600;
const DAY = 24 * HOUR;

/**
 * A vault an operator might have, made by the real services: two clusters (OS CAs from Talos's own test
 * bundles), least-privilege configs issued from them with real certificates (one about to expire), and the
 * 2021 test talosconfigs, whose CA is not stored ("Other contexts").
 */
export async function seedVault(app: RealApp, keySource: 'keychain' | 'passphrase' = 'keychain') {
  const { vault, issuing } = app.services;
  await vault.init(
    keySource === 'keychain' ? { keySource } : { keySource, passphrase: 'correct horse battery staple' },
  );
  await issuing.importCa({
    name: 'prod',
    source: { kind: 'yaml', file: { kind: 'path', path: fixture('secrets-talos-generate-testdata.yaml') } },
  });
  await issuing.importCa({
    name: 'staging',
    source: { kind: 'yaml', file: { kind: 'path', path: fixture('secrets-talos-stability-testdata.yaml') } },
  });
  const prod = { endpoints: ['10.20.0.11', '10.20.0.12', '10.20.0.13'], nodes: ['10.20.0.21'] };
  await issuing.issue({ ca: 'prod', roles: ['os:reader'], ttlSeconds: 30 * DAY, store: true, ...prod });
  await issuing.issue({
    ca: 'prod',
    roles: ['os:admin'],
    name: 'admin@prod',
    ttlSeconds: 300 * DAY,
    allowAdmin: true,
    store: true,
    ...prod,
  });
  await issuing.issue({
    ca: 'prod',
    roles: ['os:reader', 'os:etcd:backup'],
    name: 'backup@prod',
    ttlSeconds: 2 * DAY,
    store: true,
    ...prod,
  });
  await issuing.issue({
    ca: 'staging',
    roles: ['os:operator'],
    ttlSeconds: 7 * DAY,
    endpoints: ['172.16.5.10'],
    store: true,
  });
  await vault.importContexts({ sources: [{ kind: 'file', file: { kind: 'path', path: FUTURE_2021 } }] });
}
