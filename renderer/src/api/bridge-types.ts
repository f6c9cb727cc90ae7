import type { ContextItem, Status } from '../../../shared/contract/vault-contract.js';

/*
 * The part of `window.talos` the renderer uses, declared by hand until the contract registry lands in
 * shared/contract/; then this file is replaced by the type derived from the registry (DESIGN.md "One
 * contract, three transports"). Keep every use of `window.talos` typed through this file only.
 */

export type KeySource = 'keychain' | 'passphrase';

export interface SwitchResult {
  current: string;
  path: string;
  mode: 'active' | 'all';
  foreign: { imported: { from: string; to: string }[]; backupPath: string | null };
}

export interface InitArgs {
  keySource: KeySource;
  passphrase?: string;
  importTalosconfig: boolean;
}

export interface TalosVaultApi {
  status(args: Record<string, never>): Promise<Status>;
  list(args: Record<string, never>): Promise<ContextItem[]>;
  use(args: { name: string }): Promise<SwitchResult>;
  unlock(args: { passphrase?: string }): Promise<Record<string, never>>;
  lockVault(args: Record<string, never>): Promise<Record<string, never>>;
  init(args: InitArgs): Promise<{ vaultPath: string; keySource: KeySource }>;
}

export type TalosEventName = 'vaultChanged' | 'talosconfigChanged' | 'sessionChanged';

export interface TalosEvents {
  subscribe(name: TalosEventName, listener: (payload: unknown) => void): () => void;
}

export interface TalosBridge {
  vault: TalosVaultApi;
  events: TalosEvents;
}

/**
 * What a failed call rejects with: the preload (and the e2e harness) rebuild this from the main side's
 * `{ code, message, remedy }`, because Electron's `invoke` keeps only an error's message.
 */
export interface TalosError extends Error {
  code: string;
  remedy?: string;
}

declare global {
  interface Window {
    talos: TalosBridge;
  }
}
