import type { ContextItem, Status } from '../../../shared/contract/vault-contract.js';
import type { KeySource, TalosError } from '../api/bridge-types.js';

export type ScreenChoice =
  | { screen: 'loading' }
  | { screen: 'first-run'; talosconfigPath: string | null }
  | { screen: 'unlock'; keySource: KeySource | null; vaultPath: string | null }
  | { screen: 'contexts'; status: Status; items: ContextItem[] }
  | { screen: 'error'; error: TalosError };

interface QueryState<T> {
  data: T | undefined;
  error: TalosError | null;
}

/** Which screen the vault's state calls for: no vault → first run; locked → unlock; else the list. */
export function chooseScreen(status: QueryState<Status>, list: QueryState<ContextItem[]>): ScreenChoice {
  if (status.error) {
    if (status.error.code === 'vault-missing') return { screen: 'first-run', talosconfigPath: null };
    if (status.error.code === 'vault-locked') return { screen: 'unlock', keySource: null, vaultPath: null };
    return { screen: 'error', error: status.error };
  }
  if (status.data === undefined) return { screen: 'loading' };
  // Offer to import talosctl's file only when there is one.
  if (!status.data.exists) {
    const { talosconfig } = status.data;
    return { screen: 'first-run', talosconfigPath: talosconfig.exists ? talosconfig.path : null };
  }
  if (list.error) {
    if (list.error.code === 'vault-locked') {
      return { screen: 'unlock', keySource: status.data.keySource, vaultPath: status.data.vaultPath };
    }
    return { screen: 'error', error: list.error };
  }
  if (list.data === undefined) return { screen: 'loading' };
  return { screen: 'contexts', status: status.data, items: list.data };
}
