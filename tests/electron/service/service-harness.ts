import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportSource } from '../../../shared/contract/vault-contract.js';
import type { TalosConfig, TalosContext } from '../../../shared/talosconfig/model.js';
import { parseTalosconfig } from '../../../shared/talosconfig/parse.js';
import { serializeTalosconfig } from '../../../shared/talosconfig/serialize.js';
import type { VaultDocument } from '../../../shared/vault/vault-document.js';
import { createServices, type ServiceSet } from '../../../electron/service/create-services.js';
import { openVaultStore } from '../../../electron/vault/vault-store.js';
import type { ResolvedTalosconfigPath } from '../../../electron/talosconfig-path.js';
import { createKeychainKeySource } from '../../../electron/vault/keychain.js';
import { createPassphraseKeySource } from '../../../electron/vault/passphrase.js';

/** A vault service over temp folders, as the CLI builds it but with a cheap scrypt and a settable clock. */
export interface ServiceHarness {
  root: string;
  home: string;
  /** talosctl's config file (`--talosconfig`), in a folder that does not exist yet. */
  talosconfig: string;
  service: ServiceSet['vault'];
  services: ServiceSet;
  /** Edits the vault behind the service's back (settings, or a change the talosctl file does not follow). */
  edit: (change: (document: VaultDocument) => VaultDocument) => Promise<VaultDocument>;
  readVault: () => Promise<VaultDocument>;
  /** talosctl's file parsed, or null when it does not exist. */
  readTalosconfig: () => Promise<TalosConfig | null>;
  cleanup: () => Promise<void>;
}

export interface HarnessOptions {
  keySource?: 'passphrase' | 'keychain';
  /** Replaces where the talosctl file is said to be (the read-only pod secret, say). */
  talosconfig?: (path: string) => ResolvedTalosconfigPath;
  /** Skip `init`. */
  bare?: boolean;
}

export async function serviceHarness(options: HarnessOptions = {}): Promise<ServiceHarness> {
  const root = await mkdtemp(join(tmpdir(), 'talcred-service-'));
  const home = join(root, 'vault-home');
  const talosconfig = join(root, 'talos', 'config');
  // A fixed clock: backup names carry the time (`config.bak-20261124T101500Z`).
  const now = new Date('2026-11-24T10:15:00.123Z');
  const keychain = createKeychainKeySource();
  const keySources = {
    keychain,
    passphrase: createPassphraseKeySource({
      getPassphrase: () => Promise.resolve('correct horse battery staple'),
      cost: { N: 1024, r: 8, p: 1 },
    }),
  };
  const services = createServices({
    home,
    results: 'strict',
    env: {},
    keySources,
    talosconfig: () =>
      options.talosconfig?.(talosconfig) ?? {
        path: talosconfig,
        readOnly: false,
        source: 'flag',
        exists: existsSync(talosconfig),
      },
    now: () => now,
  });
  const service = services.vault;
  // Behind the service's back: another store on the same folder, as another process would open it.
  const store = openVaultStore({ dir: home, keySources, now: () => now });
  const keySource = options.keySource ?? 'passphrase';
  if (options.bare !== true) await service.init({ keySource });
  return {
    root,
    home,
    talosconfig,
    service,
    services,
    edit: (change) => store.update(change),
    readVault: () => store.read(),
    readTalosconfig: async () =>
      existsSync(talosconfig) ? parseTalosconfig(await readFile(talosconfig, 'utf8'), talosconfig) : null,
    cleanup: async () => {
      if (keySource === 'keychain' && existsSync(join(home, 'vault'))) {
        const header = (await readFile(join(home, 'vault'), 'utf8')).split('\n')[1] ?? '{}';
        const { vaultId } = JSON.parse(header) as { vaultId?: string };
        if (vaultId !== undefined) await keychain.forget(vaultId).catch(() => undefined);
      }
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** A small mTLS-shaped context; `seed` makes its credential differ from another of the same name. */
export function context(name: string, seed = name, endpoints = ['10.5.0.2']): TalosContext {
  const b64 = (text: string) => Buffer.from(text).toString('base64');
  return {
    name,
    endpoints,
    nodes: [],
    ca: b64(`ca of ${seed}`),
    crt: b64(`crt of ${seed}`),
    key: b64(`key of ${seed}`),
    extra: [],
  };
}

/** Talosconfig text holding these contexts, as talosctl writes it. */
export function talosconfigText(contexts: readonly TalosContext[], current = ''): string {
  return serializeTalosconfig({ context: current, contexts: [...contexts], extra: [] });
}

export function textSource(contexts: readonly TalosContext[], label = 'test input'): ImportSource {
  return { kind: 'text', text: talosconfigText(contexts), label };
}

export function contextNames(document: VaultDocument): string[] {
  return document.contexts.map((entry) => entry.context.name);
}

export function vaultContext(document: VaultDocument, name: string): TalosContext | undefined {
  return document.contexts.find((entry) => entry.context.name === name)?.context;
}
