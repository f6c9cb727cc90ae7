import { existsSync } from 'node:fs';
import type { Status } from '../../shared/contract/vault-contract.js';
import type { vaultOperations } from '../../shared/contract/vault-contract.js';
import { emptyVaultDocument, type VaultDocument } from '../../shared/vault/vault-document.js';
import { diagnoseContext } from '../pki/diagnose-context.js';
import { readTalosconfigOrEmpty } from '../talosconfig-file.js';
import { isVaultError } from '../vault/vault-error.js';
import { toContextItem } from './context-item.js';
import {
  labelContext,
  noteContext,
  removeContexts,
  renameContext,
  setEndpoints,
  setNodes,
} from './edit-contexts.js';
import { exportContexts, exportContextsText, STANDARD_OUTPUT } from './export-contexts.js';
import type { Handlers } from './implement.js';
import { importContexts } from './import-contexts.js';
import { applyImport, previewImport } from './import-preview.js';
import { loadSources } from './load-sources.js';
import type { ServiceDeps } from './service-deps.js';
import { clearTalosconfig } from './clear-talosconfig.js';
import { lockSession } from './lock-session.js';
import { changeSettings } from './settings.js';
import { switchContext } from './switch-context.js';
import { viewedByTalosctl as viewed } from './talosctl-current.js';
import { talosconfigWarnings } from './talosconfig-warnings.js';
import { requireContext } from './vault-lookup.js';

async function status(deps: ServiceDeps, { brief }: { brief: boolean }): Promise<Status> {
  const { store } = deps;
  const talosconfig = deps.talosconfig();
  const exists = await store.exists();
  const base: Status = {
    home: store.dir,
    vaultPath: store.path,
    exists,
    keySource: null,
    locked: false,
    contexts: 0,
    current: '',
    talosconfig: {
      path: talosconfig.path,
      exists: existsSync(talosconfig.path),
      readOnly: talosconfig.readOnly,
      source: talosconfig.source,
    },
    targetMode: null,
    backups: [],
    expiringSoon: [],
    expired: [],
    elevations: [],
    warnings: await talosconfigWarnings(talosconfig),
  };
  if (!exists) return base;
  const keySource = await store.keySourceKind();
  if (brief) return { ...base, keySource, locked: !store.isUnlocked() };
  let document: VaultDocument;
  try {
    document = await viewed(deps);
  } catch (error) {
    // The app's locked session still answers where the vault is and how it opens: the unlock screen.
    if (isVaultError(error, 'vault-locked')) return { ...base, keySource, locked: true };
    throw error;
  }
  const items = deps.contextItems.itemsOf(document, deps.now());
  const named = (code: string) =>
    items.filter((item) => item.findings.some((f) => f.code === code)).map((item) => item.name);
  return {
    ...base,
    keySource,
    contexts: document.contexts.length,
    current: document.current,
    targetMode: document.settings.targetMode,
    backups: (await store.listBackups()).map((backup) => ({
      name: backup.name,
      savedAt: backup.savedAt?.toISOString() ?? null,
      readable: backup.readable,
    })),
    expiringSoon: named('cert-expiring-soon'),
    expired: named('cert-expired'),
    elevations: document.elevations.map(({ context, from, notAfter }) => ({ context, from, notAfter })),
  };
}

/** `window.talos.vault.*` and the CLI's vault commands: plain `(deps, args)` functions. */
export const vaultHandlers: Handlers<typeof vaultOperations> = {
  status,

  async init(deps, { keySource, passphrase, importTalosconfig }) {
    const talosconfig = deps.talosconfig();
    // Read the file before the vault exists: one that cannot be imported must not leave a half-done init.
    const wanted = importTalosconfig && (await readTalosconfigOrEmpty(talosconfig.path)) !== undefined;
    await deps.store.create(emptyVaultDocument(), keySource, passphrase);
    const imported = wanted
      ? await importContexts(deps, {
          sources: [{ kind: 'file', file: { kind: 'path', path: talosconfig.path }, ageIdentities: [] }],
          dedupe: false,
          onConflict: 'rename',
          dryRun: false,
        })
      : null;
    return { vaultPath: deps.store.path, keySource, imported };
  },

  async unlock(deps, { passphrase }) {
    const keySource = await deps.store.unlock(passphrase);
    deps.events.emit('sessionChanged', { locked: false });
    return { keySource };
  },

  lockVault: (deps) => lockSession(deps),

  async rekey(deps, { keySource, passphrase }) {
    await deps.store.rekey(keySource, passphrase);
    return { keySource };
  },

  async inspectFile(deps, { source }) {
    const [loaded] = await loadSources(deps.files, [source]);
    if (loaded === undefined) throw new Error('inspectFile: no source was loaded');
    const now = deps.now();
    return {
      source: loaded.label,
      current: loaded.config.context,
      contexts: loaded.config.contexts.map((context) =>
        diagnoseContext(context, { now, current: context.name === loaded.config.context }),
      ),
    };
  },

  importContexts: (deps, args) => importContexts(deps, args),
  previewImport: (deps, args) => previewImport(deps, args),
  applyImport: (deps, args) => applyImport(deps, args),

  async list(deps) {
    return deps.contextItems.itemsOf(await viewed(deps), deps.now());
  },

  async show(deps, { name }) {
    const document = await viewed(deps);
    return toContextItem(requireContext(document, name), document, deps.now());
  },

  use: (deps, { name }) => switchContext(deps, name),
  rename: (deps, { from, to }) => renameContext(deps, from, to),
  remove: (deps, { names }) => removeContexts(deps, names),
  setEndpoints: (deps, { name, endpoints }) => setEndpoints(deps, name, endpoints),
  setNodes: (deps, { name, nodes }) => setNodes(deps, name, nodes),
  label: (deps, { name, set, remove }) => labelContext(deps, name, set, remove),
  setNote: (deps, { name, note }) => noteContext(deps, name, note),

  async exportContexts(deps, { names, output }) {
    if (output.kind === 'stdout') {
      const { text, contexts } = await exportContextsText(deps, names);
      deps.files.writeStandardOutput(text);
      return { path: STANDARD_OUTPUT, contexts };
    }
    const { path, overwrite } = deps.files.savePath(output);
    return exportContexts(deps, names, path, overwrite);
  },

  // The vault is always encrypted at rest; what can be ended is the plaintext copy talosctl reads.
  clearTalosconfig: (deps) => clearTalosconfig(deps),

  async listBackups(deps) {
    return (await deps.store.listBackups()).map((backup) => ({
      name: backup.name,
      savedAt: backup.savedAt?.toISOString() ?? null,
      readable: backup.readable,
      problem: backup.problem ?? null,
    }));
  },

  async restore(deps, { backup }) {
    const restored = await deps.store.restore(backup);
    return {
      name: restored.name,
      savedAt: restored.savedAt?.toISOString() ?? null,
      readable: restored.readable,
    };
  },

  settings: (deps, { set }) => changeSettings(deps, set),
};
