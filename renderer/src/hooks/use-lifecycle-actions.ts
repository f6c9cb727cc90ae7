import { useQuery } from '@tanstack/react-query';
import type { ArgsIn } from '../../../shared/contract/operation.js';
import type { Registry } from '../../../shared/contract/registry.js';
import { queryKeys } from '../api/query-keys.js';
import { talos } from '../api/talos.js';
import { useVaultMutation } from './use-vault-mutation.js';

export type ElevateArgs = ArgsIn<Registry['lifecycle']['elevate']>;

/** Renews these contexts with the stored CA that signed each (same roles, identity and lifetime). */
export function useRenew() {
  return useVaultMutation((args: { names: string[]; allowAdmin: boolean }) => talos().lifecycle.renew(args));
}

/** Renews every due renewable context; what could not be renewed comes back in the result. */
export function useRenewDue() {
  return useVaultMutation((allowAdmin: boolean) => talos().lifecycle.renewDue({ allowAdmin }));
}

export function useElevate() {
  return useVaultMutation((args: ElevateArgs) => talos().lifecycle.elevate(args));
}

/** Ends one context's elevation now (talosctl is switched back to where it was raised from). */
export function useEndElevation() {
  return useVaultMutation((name: string) => talos().lifecycle.endElevation({ name }));
}

/**
 * A renewal request for a context whose CA is elsewhere: the save dialog picks where the CSR goes, the
 * new key stays in the vault. Resolves to null when the dialog was cancelled.
 */
export function useRequestRenewal() {
  return useVaultMutation(async (name: string) => {
    const picked = await talos().dialogs.pickSave({
      title: `Save the renewal request for ${name}`,
      defaultName: `${name.replace(/[^\w.-]+/g, '_')}-renew.csr`,
      filters: [{ name: 'Certificate request', extensions: ['csr', 'pem'] }],
    });
    if (!picked.picked) return null;
    return talos().lifecycle.requestRenewal({ name, output: { kind: 'picked', token: picked.token } });
  });
}

/** The vault's `elevateMaxTtlSeconds`, or null until it is known. */
export function useElevationMaximum(): number | null {
  const settings = useQuery({
    queryKey: queryKeys.settings,
    queryFn: () => talos().vault.settings({ set: {} }),
  });
  return settings.data?.elevateMaxTtlSeconds ?? null;
}
