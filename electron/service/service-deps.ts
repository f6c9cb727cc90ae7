import type { ResolvedTalosconfigPath } from '../talosconfig-path.js';
import type { VaultStore } from '../vault/vault-store.js';
import type { ContextItemCache } from './context-item-cache.js';
import type { CredentialFactsCache } from './credential-facts-cache.js';
import type { EventHub } from './event-hub.js';
import type { FileAccess } from './file-access.js';
import type { StagedImports } from './staged-imports.js';

/** What every handler works over; built once by `createServices`. */
export interface ServiceDeps {
  store: VaultStore;
  /** The talosctl config file `use` writes (resolved like talosctl, or `--talosconfig`). */
  talosconfig: () => ResolvedTalosconfigPath;
  /** Turns the contract's file references into paths: a path as given, or a dialog's token. */
  files: FileAccess;
  /** Where `sessionChanged` goes out (file changes are watched in create-services.ts). */
  events: EventHub;
  /** What `list` and `status` show of each context, kept while it does not change. */
  credentialFacts: CredentialFactsCache;
  contextItems: ContextItemCache;
  /** What import previews read, until applied (forgotten on lock). */
  stagedImports: StagedImports;
  now: () => Date;
}
