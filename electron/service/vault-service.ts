import type { z } from 'zod';
import {
  vaultContract,
  type Status,
  type VaultOperationName,
  type VaultOperations,
} from '../../shared/contract/vault-contract.js';
import { UsageError } from '../../shared/user-error.js';
import { emptyVaultDocument } from '../../shared/vault/vault-document.js';
import type { ResolvedTalosconfigPath } from '../talosconfig-path.js';
import type { KeySources } from '../vault/key-source.js';
import { openVaultStore } from '../vault/vault-store.js';
import { toContextItem } from './context-item.js';
import { labelContext, removeContexts, renameContext, setEndpoints, setNodes } from './edit-contexts.js';
import { exportContexts } from './export-contexts.js';
import { importContexts } from './import-contexts.js';
import { changeSettings } from './settings.js';
import { talosconfigWarnings } from './talosconfig-warnings.js';
import type { ServiceDeps } from './service-deps.js';
import { switchContext } from './switch-context.js';
import { requireContext } from './vault-lookup.js';

export interface VaultServiceOptions {
  /** The vault folder. */
  home: string;
  keySources: KeySources;
  talosconfig: () => ResolvedTalosconfigPath;
  now: () => Date;
}

export interface VaultService extends VaultOperations {
  /** For callers that build on the same vault (issuing, the CLI's own checks). */
  readonly deps: ServiceDeps;
}

/**
 * The one service object over the vault (issue: "one service object, used by the CLI now and by the app's
 * IPC later"). Every operation's arguments are parsed with the contract's schema first: the same checks
 * hold whether the call came from the command line, IPC or a test.
 */
export function createVaultService(options: VaultServiceOptions): VaultService {
  const store = openVaultStore({ dir: options.home, keySources: options.keySources, now: options.now });
  const deps: ServiceDeps = { store, talosconfig: options.talosconfig, now: options.now };

  const parse = <Name extends VaultOperationName>(
    name: Name,
    args: unknown,
  ): z.output<(typeof vaultContract)[Name]['args']> => {
    const result = vaultContract[name].args.safeParse(args);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new UsageError(
        `${name}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid arguments'}`.trim(),
      );
    }
    return result.data as z.output<(typeof vaultContract)[Name]['args']>;
  };

  const operations: VaultOperations = {
    async status() {
      const talosconfig = options.talosconfig();
      const exists = await store.exists();
      const base: Status = {
        home: store.dir,
        vaultPath: store.path,
        exists,
        keySource: null,
        contexts: 0,
        current: '',
        talosconfig: { path: talosconfig.path, readOnly: talosconfig.readOnly, source: talosconfig.source },
        targetMode: null,
        backups: [],
        expiringSoon: [],
        expired: [],
        warnings: await talosconfigWarnings(talosconfig),
      };
      if (!exists) return base;
      const document = await store.read();
      const items = document.contexts.map((entry) => toContextItem(entry, document, options.now()));
      const backups = await store.listBackups();
      return {
        ...base,
        keySource: await store.keySourceKind(),
        contexts: document.contexts.length,
        current: document.current,
        targetMode: document.settings.targetMode,
        backups: backups.map((backup) => ({
          name: backup.name,
          savedAt: backup.savedAt?.toISOString() ?? null,
          readable: backup.readable,
        })),
        expiringSoon: items
          .filter((item) => item.findings.some((f) => f.code === 'cert-expiring-soon'))
          .map((i) => i.name),
        expired: items
          .filter((item) => item.findings.some((f) => f.code === 'cert-expired'))
          .map((i) => i.name),
      };
    },
    async init(args) {
      const { keySource } = parse('init', args);
      await store.create(emptyVaultDocument(), keySource);
      return { vaultPath: store.path, keySource };
    },
    async importContexts(args) {
      return importContexts(deps, parse('importContexts', args));
    },
    async list() {
      const document = await store.read();
      return document.contexts.map((entry) => toContextItem(entry, document, options.now()));
    },
    async show(args) {
      const { name } = parse('show', args);
      const document = await store.read();
      return toContextItem(requireContext(document, name), document, options.now());
    },
    async use(args) {
      return switchContext(deps, parse('use', args).name);
    },
    async rename(args) {
      const { from, to } = parse('rename', args);
      return renameContext(deps, from, to);
    },
    async remove(args) {
      return removeContexts(deps, parse('remove', args).names);
    },
    async setEndpoints(args) {
      const { name, endpoints } = parse('setEndpoints', args);
      return setEndpoints(deps, name, endpoints);
    },
    async setNodes(args) {
      const { name, nodes } = parse('setNodes', args);
      return setNodes(deps, name, nodes);
    },
    async label(args) {
      const { name, set, remove } = parse('label', args);
      return labelContext(deps, name, set, remove);
    },
    async exportContexts(args) {
      const { names, path, overwrite } = parse('exportContexts', args);
      return exportContexts(deps, names, path, overwrite);
    },
    async lock() {
      // The vault is always encrypted at rest; what "locking" can end is the plaintext copy talosctl reads.
      const result = await switchContext(deps, null);
      return { path: result.path, cleared: true };
    },
    async rekey(args) {
      const { keySource } = parse('rekey', args);
      await store.rekey(keySource);
      return { keySource };
    },
    async restore(args) {
      const backup = await store.restore(parse('restore', args).backup);
      return { name: backup.name, savedAt: backup.savedAt?.toISOString() ?? null, readable: backup.readable };
    },
    async settings(args) {
      return changeSettings(deps, parse('settings', args).set);
    },
  };
  return { ...operations, deps };
}
