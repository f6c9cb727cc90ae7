import type { ResolvedTalosconfigPath } from '../talosconfig-path.js';
import type { VaultStore } from '../vault/vault-store.js';

/** What every operation of the service works over; built once per service by `createVaultService`. */
export interface ServiceDeps {
  store: VaultStore;
  /** The talosctl config file `use` writes (resolved like talosctl, or `--talosconfig`). */
  talosconfig: () => ResolvedTalosconfigPath;
  now: () => Date;
}
