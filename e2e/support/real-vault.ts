import type { RealApp } from '../harness/real-app.js';
import { readFile } from 'node:fs/promises';
import { issueClientCertificate } from '../../electron/pki/issue-certificate.js';
import { readOsCaFromYaml } from '../../electron/pki/os-ca.js';
import { encodeBase64Field } from '../../electron/pki/pem.js';
import { serializeTalosconfig } from '../../shared/talosconfig/serialize.js';
import { repoPath } from '../harness/repo-path.js';

export const fixture = (name: string) => repoPath('tests', 'fixtures', 'talos', name);

export const ADMIN_2021 = fixture('talosconfig-admin-2021.yaml');
export const NOROLES_2021 = fixture('talosconfig-noroles-2021.yaml');
export const FUTURE_2021 = fixture('talosconfig-futurerole-2021.yaml');

const HOUR = 3600;
const DAY = 24 * HOUR;
const PROD_BUNDLE = fixture('secrets-talos-generate-testdata.yaml');

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

/** A 30-day reader certificate issued 27 days ago by the bundle's CA: inside its warning window now. */
export async function importExpiring(app: RealApp, name: string, bundle = PROD_BUNDLE): Promise<void> {
  const ca = readOsCaFromYaml(await readFile(bundle, 'utf8'), bundle, new Date());
  const issued = await issueClientCertificate({
    caCertPem: ca.certPem,
    caKeyPem: ca.keyPem,
    roles: ['os:reader'],
    ttlSeconds: 30 * DAY,
    now: new Date(Date.now() - 27 * DAY * 1000),
  });
  const context = {
    name,
    endpoints: ['10.20.0.11'],
    nodes: [],
    ca: encodeBase64Field(ca.certPem),
    crt: encodeBase64Field(issued.certPem),
    key: encodeBase64Field(issued.keyPem ?? ''),
    extra: [],
  };
  const text = serializeTalosconfig({ context: '', contexts: [context], extra: [] });
  await app.services.vault.importContexts({ sources: [{ kind: 'text', text, label: 'test' }] });
}
