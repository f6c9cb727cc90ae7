import type { InitArgs } from '../api/bridge-types.js';
import { talos } from '../api/talos.js';
import { useVaultMutation } from './use-vault-mutation.js';

/** Makes `name` the context talosctl uses. */
export function useSwitchContext() {
  return useVaultMutation((name: string) => talos().vault.use({ name }));
}

/** Unlocks the session: with a passphrase, or (keychain vaults) without one. */
export function useUnlock() {
  return useVaultMutation((passphrase: string | undefined) =>
    talos().vault.unlock(passphrase === undefined ? {} : { passphrase }),
  );
}

export function useLockVault() {
  return useVaultMutation((_: undefined) => talos().vault.lockVault({}));
}

/** Puts the newest readable backup back (the damaged vault is kept aside by the main side). */
export function useRestoreBackup() {
  return useVaultMutation((_: undefined) => talos().vault.restore({}));
}

export function useInitVault() {
  return useVaultMutation((args: InitArgs) => talos().vault.init(args));
}
