import { homedir } from 'node:os';
import type { EventSource } from '../../shared/contract/events.js';
import { registry, type Services } from '../../shared/contract/registry.js';
import { locateTalosconfig } from '../talosconfig-file.js';
import type { ResolvedTalosconfigPath } from '../talosconfig-path.js';
import type { KeySources } from '../vault/key-source.js';
import { openVaultStore } from '../vault/vault-store.js';
import { createContextItemCache } from './context-item-cache.js';
import { createCredentialFactsCache, keepingCredentialFacts } from './credential-facts-cache.js';
import { createEventHub } from './event-hub.js';
import { createFileAccess, type PickedFiles } from './file-access.js';
import { implement } from './implement.js';
import { createFoundFiles } from './sweep/found-files.js';
import type { ServiceDeps } from './service-deps.js';
import { createStagedImports } from './staged-imports.js';
import { readTalosctlContext } from './talosctl-current.js';
import { vaultHandlers } from './vault-handlers.js';
import { lifecycleHandlers } from './lifecycle/lifecycle-handlers.js';
import { watchFiles } from './watch-files.js';

export interface ServicesOptions {
  /** The vault folder (`--home`, TALCRED_HOME, or `defaultVaultHome`). */
  home: string;
  /** Where TALOSCONFIG, TALOS_HOME and HOME are read, as talosctl reads them. */
  env: NodeJS.ProcessEnv;
  keySources: KeySources;
  now?: () => Date;
  /** `--talosconfig`; tests may instead give the whole resolution. */
  talosconfig?: string | (() => ResolvedTalosconfigPath);
  /**
   * `command`: the key is fetched when first needed and dropped with the process (the CLI). `app`: the
   * vault stays locked until `unlock` and after `lockVault` (the desktop app, the e2e harness).
   */
  session?: 'command' | 'app';
  /** The app's dialog tokens; without them only paths are accepted (the CLI, tests). */
  pickedFiles?: PickedFiles;
  /** File-watch timing for the change events (tests shorten it). */
  watch?: { debounceMs?: number; intervalMs?: number };
  /** The CLI's standard output, for `export -o -`. */
  standardOutput?: (text: string) => void;
  /** Tests: a result with anything the contract does not say is a failure, not silently stripped. */
  results?: 'strip' | 'strict';
}

export interface ServiceSet extends Services {
  /** `vaultChanged`, `talosconfigChanged`, `sessionChanged`; files are watched only while someone listens. */
  readonly events: EventSource;
  /** Stops watching and forgets the key. */
  close(): void;
}

/** Loaded on first use: the vault commands never need X.509 issuing or age. */
async function loadIssuingHandlers() {
  return (await import('./issuing/issuing-handlers.js')).issuingHandlers;
}

/** Loaded on first use: only `sweep` walks folders and asks git. */
async function loadSweepHandlers() {
  return (await import('./sweep/sweep-handlers.js')).sweepHandlers;
}

/** The one place the services are built: for the CLI, the app's main process, the e2e harness and tests. */
export function createServices(options: ServicesOptions): ServiceSet {
  const now = options.now ?? (() => new Date());
  const credentialFacts = createCredentialFactsCache();
  const store = keepingCredentialFacts(
    openVaultStore({
      dir: options.home,
      keySources: options.keySources,
      now,
      unlockOnDemand: (options.session ?? 'command') === 'command',
    }),
    credentialFacts,
  );
  const given = options.talosconfig;
  const talosconfig = typeof given === 'function' ? given : () => locateTalosconfig(given, options.env);

  let stopWatching: (() => void) | null = null;
  const events = createEventHub((listeners) => {
    if (listeners > 0 && stopWatching === null) stopWatching = startWatching();
    else if (listeners === 0 && stopWatching !== null) {
      stopWatching();
      stopWatching = null;
    }
  });
  const startWatching = (): (() => void) => {
    const target = talosconfig().path;
    return watchFiles(
      [
        {
          path: store.path,
          changed: () => {
            events.emit('vaultChanged', { path: store.path });
          },
        },
        {
          path: target,
          changed: () => {
            void readTalosctlContext(target).then((current) => {
              events.emit('talosconfigChanged', { path: target, current: current ?? '' });
            });
          },
        },
      ],
      options.watch,
    );
  };

  const deps: ServiceDeps = {
    store,
    talosconfig,
    files: createFileAccess(options.pickedFiles ?? null, options.standardOutput ?? null),
    events,
    credentialFacts,
    contextItems: createContextItemCache(credentialFacts),
    stagedImports: createStagedImports(),
    now,
  };
  return {
    vault: implement('vault', registry.vault, vaultHandlers, deps, { results: options.results ?? 'strip' }),
    issuing: implement('issuing', registry.issuing, loadIssuingHandlers, deps, {
      results: options.results ?? 'strip',
    }),
    lifecycle: implement('lifecycle', registry.lifecycle, lifecycleHandlers, deps, {
      results: options.results ?? 'strip',
    }),
    sweep: implement(
      'sweep',
      registry.sweep,
      loadSweepHandlers,
      { ...deps, found: createFoundFiles(), env: options.env, homeDir: options.env.HOME ?? homedir() },
      { results: options.results ?? 'strip' },
    ),
    events,
    close() {
      stopWatching?.();
      stopWatching = null;
      deps.stagedImports.clear();
      store.lock();
    },
  };
}
