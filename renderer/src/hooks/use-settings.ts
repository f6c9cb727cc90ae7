import type { VaultSettings } from '../../../shared/vault/vault-document.js';
import { issuingKeys } from '../api/issuing-keys.js';
import { talos } from '../api/talos.js';
import type { KeySource } from '../api/bridge-types.js';
import { useTalosQuery } from './use-talos-query.js';
import { useVaultMutation } from './use-vault-mutation.js';

/** The vault's settings (an empty change reads them). */
export function useSettings() {
  return useTalosQuery(issuingKeys.settings, () => talos().vault.settings({ set: {} }));
}

export function useChangeSettings() {
  return useVaultMutation((set: Partial<VaultSettings>) => talos().vault.settings({ set }));
}

export function useRekey() {
  return useVaultMutation((args: { keySource: KeySource; passphrase?: string }) => talos().vault.rekey(args));
}
