import type { IssuingArgs } from '../../../shared/contract/issuing-contract.js';
import { UsageError } from '../../../shared/user-error.js';
import type { PendingRequest } from '../../../shared/vault/vault-document.js';
import { readFileLimited } from '../../files/read-limited.js';
import { createCsr, readCsr } from '../../pki/csr.js';
import { keyTypeName, readPrivateKeyPem } from '../../pki/private-key.js';
import type { ServiceDeps } from '../service-deps.js';
import { refuseOverwrite, writeWithVaultChange } from './output-file.js';
import { checkRoles } from './policy.js';
import { quoteName } from '../../../shared/quote-name.js';

/** A CSR is a few hundred bytes; a far larger file is not one. */
const MAX_CSR_BYTES = 64 * 1024;

/**
 * "Keys that never travel": the key is made and kept in the vault (encrypted, in `pending`); only the
 * request leaves, to be signed by whoever holds the cluster's CA. Admin roles may be asked for: the signer
 * applies the policy and confirms.
 */
export async function createRequest(deps: ServiceDeps, args: IssuingArgs<'createRequest'>) {
  const roles = checkRoles(args.roles, true);
  const target = args.output === undefined ? null : deps.files.savePath(args.output);
  if (target) refuseOverwrite(target.path, target.overwrite);
  const before = await deps.store.read();
  refuseTakenRequest(before.pending, args.name);
  const created = await createCsr({ roles, keyType: args.keyType });
  const pending: PendingRequest = {
    name: args.name,
    roles,
    keyPem: created.keyPem,
    csrPem: created.csrPem,
    createdAt: deps.now().toISOString(),
    renews: null,
  };
  await writeWithVaultChange(
    deps,
    target === null ? null : { path: target.path, bytes: created.csrPem },
    (current) => {
      refuseTakenRequest(current.pending, args.name);
      return { ...current, pending: [...current.pending, pending] };
    },
    false,
  );
  return {
    name: args.name,
    roles,
    keyType: keyTypeName(readPrivateKeyPem(created.keyPem)),
    csrPem: created.csrPem,
    path: target?.path ?? null,
  };
}

export function refuseTakenRequest(pending: readonly PendingRequest[], name: string): void {
  if (pending.some((request) => request.name === name)) {
    throw new UsageError(
      `a request named ${quoteName(name)} is already waiting for its certificate; accept that certificate or choose another name`,
      'request-pending',
    );
  }
}

/** Reads and proves a certificate request file (its signature must verify with the key it carries). */
export async function loadCsr(path: string) {
  const pem = (await readFileLimited(path, MAX_CSR_BYTES)).toString('latin1');
  return { pem, request: readCsr(pem, path) };
}

/** What a request asks for, shown to the signer before signing. */
export async function readRequest(path: string) {
  const { pem, request } = await loadCsr(path);
  return {
    roles: request.roles,
    commonName: request.commonName ?? null,
    keyType: request.keyType,
    csrPem: pem,
  };
}
