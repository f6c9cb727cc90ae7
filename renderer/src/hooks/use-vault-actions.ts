import type { InitArgs } from '../api/bridge-types.js';
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys.js';
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
  return useVaultMutation((backup: string | undefined) =>
    talos().vault.restore(backup === undefined ? {} : { backup }),
  );
}

export function useInitVault() {
  return useVaultMutation((args: InitArgs) => talos().vault.init(args));
}

/** The vault's backups, newest first, for the damaged-vault screen; asked only while it shows. */
export function useBackups(enabled: boolean) {
  return useQuery({
    queryKey: [...queryKeys.all, 'backups'],
    enabled,
    queryFn: () => talos().vault.listBackups({}),
  });
}
