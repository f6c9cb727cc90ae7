import type { ArgsIn } from '../../../shared/contract/operation.js';
import type { Registry } from '../../../shared/contract/registry.js';
import { issuingKeys } from '../api/issuing-keys.js';
import { talos } from '../api/talos.js';
import { useTalosQuery } from './use-talos-query.js';
import { useVaultMutation } from './use-vault-mutation.js';

/** Arguments of an issuing operation as the renderer writes them (defaults not yet applied). */
export type IssuingCallArgs<Name extends keyof Registry['issuing']> = ArgsIn<Registry['issuing'][Name]>;

export function useCas() {
  return useTalosQuery(issuingKeys.cas, () => talos().issuing.listCas({}));
}

export function useIssuanceLog() {
  return useTalosQuery(issuingKeys.log, () => talos().issuing.log({}));
}

export function useIssue() {
  return useVaultMutation((args: IssuingCallArgs<'issue'>) => talos().issuing.issue(args));
}

export function useImportCa() {
  return useVaultMutation((args: IssuingCallArgs<'importCa'>) => talos().issuing.importCa(args));
}

export function useExportLog() {
  return useVaultMutation((args: IssuingCallArgs<'exportLog'>) => talos().issuing.exportLog(args));
}

export function useCreateRequest() {
  return useVaultMutation((args: IssuingCallArgs<'createRequest'>) => talos().issuing.createRequest(args));
}

export function useReadRequest() {
  return useVaultMutation((args: IssuingCallArgs<'readRequest'>) => talos().issuing.readRequest(args));
}

export function useSignRequest() {
  return useVaultMutation((args: IssuingCallArgs<'sign'>) => talos().issuing.sign(args));
}

export function useAcceptCertificate() {
  return useVaultMutation((args: IssuingCallArgs<'accept'>) => talos().issuing.accept(args));
}
