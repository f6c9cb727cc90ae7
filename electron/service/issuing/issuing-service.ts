import type { z } from 'zod';
import {
  issuingContract,
  type IssuingArgs,
  type IssuingOperationName,
  type IssuingOperations,
} from '../../../shared/contract/issuing-contract.js';
import { UsageError } from '../../../shared/user-error.js';
import type { ServiceDeps } from '../service-deps.js';
import { acceptCertificate } from './accept.js';
import { exportAge } from './age-export.js';
import { importCa, listCas, removeCa } from './ca-store.js';
import { doctor } from './doctor.js';
import { readLog } from './issuance-log.js';
import { issueTalosconfig } from './issue.js';
import { createRequest, readRequest } from './requests.js';
import { signRequest } from './sign.js';

export type IssuingService = IssuingOperations;

/**
 * Issuing over the same vault as the vault service (`createVaultService(...).deps`). Arguments are parsed
 * with the contract's schemas first, so the CLI, IPC and tests get the same checks.
 */
export function createIssuingService(deps: ServiceDeps): IssuingService {
  const parse = <Name extends IssuingOperationName>(name: Name, args: unknown): IssuingArgs<Name> => {
    const result = (issuingContract[name].args as z.ZodType).safeParse(args);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new UsageError(
        `${name}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid arguments'}`.trim(),
      );
    }
    return result.data as IssuingArgs<Name>;
  };
  return {
    async importCa(args) {
      const { name, source } = parse('importCa', args);
      return importCa(deps, name, source);
    },
    listCas: () => listCas(deps),
    async removeCa(args) {
      return removeCa(deps, parse('removeCa', args).name);
    },
    async issue(args) {
      return issueTalosconfig(deps, parse('issue', args));
    },
    async log(args) {
      const { ca } = parse('log', args);
      return readLog(await deps.store.read(), ca, deps.now());
    },
    async createRequest(args) {
      return createRequest(deps, parse('createRequest', args));
    },
    async readRequest(args) {
      return readRequest(parse('readRequest', args).csrPath);
    },
    async sign(args) {
      return signRequest(deps, parse('sign', args));
    },
    async accept(args) {
      return acceptCertificate(deps, parse('accept', args));
    },
    async exportAge(args) {
      return exportAge(deps, parse('exportAge', args));
    },
    async doctor(args) {
      return doctor(deps, parse('doctor', args));
    },
  };
}
