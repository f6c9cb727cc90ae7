import type { LifecycleArgs } from '../../../shared/contract/lifecycle-contract.js';
import { quoteName } from '../../../shared/quote-name.js';
import { parseRoles } from '../../../shared/roles/catalog.js';
import type { PendingRequest } from '../../../shared/vault/vault-document.js';
import { subjectDer } from '../../pki/certificate-fields.js';
import { createCsr } from '../../pki/csr.js';
import { PkiError } from '../../pki/pki-error.js';
import { keyTypeName, readPrivateKeyPem } from '../../pki/private-key.js';
import { keyFamily } from '../../pki/signing-key.js';
import { refuseOverwrite, writeWithVaultChange } from '../issuing/output-file.js';
import { refuseTakenRequest } from '../issuing/requests.js';
import { clientCertificateOf } from '../renewal-check.js';
import type { ServiceDeps } from '../service-deps.js';
import { requireContext } from '../vault-lookup.js';
import { commonNameOf, organizationsOf } from './renewal-plan.js';

/**
 * Renewal where the CA is elsewhere: a new key made and kept in the vault (pending, marked as renewing the
 * context) and a CSR with the old subject — the same roles and identity — for whoever holds the CA.
 * `issuing.accept` of the certificate they send back replaces the context's certificate and key in place.
 */
export async function requestRenewal(deps: ServiceDeps, args: LifecycleArgs<'requestRenewal'>) {
  const target = deps.files.savePath(args.output);
  refuseOverwrite(target.path, target.overwrite);
  const before = await deps.store.read();
  const entry = requireContext(before, args.name);
  const name = quoteName(args.name);
  const leaf = clientCertificateOf(entry.context);
  if (leaf === null) {
    throw new PkiError('invalid-pem', `context ${name}: has no readable client certificate to renew`);
  }
  const organizations = organizationsOf(leaf);
  const roles = parseRoles(organizations);
  if (roles.length === 0) {
    throw new PkiError('no-roles', `context ${name}: its certificate carries no roles to ask for again`);
  }
  refuseTakenRequest(before.pending, args.name);
  // The old key's type: the CA is not here to say, and its holder issued this type before.
  const created = await createCsr({
    roles,
    keyType: keyFamily(leaf.publicKey, `context ${name}: certificate key`),
    subjectDer: subjectDer(leaf.raw, `context ${name}: certificate`),
  });
  const pending: PendingRequest = {
    name: args.name,
    roles,
    keyPem: created.keyPem,
    csrPem: created.csrPem,
    createdAt: deps.now().toISOString(),
    renews: args.name,
  };
  await writeWithVaultChange(
    deps,
    { path: target.path, bytes: created.csrPem },
    (current) => {
      requireContext(current, args.name);
      refuseTakenRequest(current.pending, args.name);
      return { ...current, pending: [...current.pending, pending] };
    },
    false,
  );
  return {
    context: args.name,
    roles: organizations,
    identity: commonNameOf(leaf),
    keyType: keyTypeName(readPrivateKeyPem(created.keyPem)),
    csrPem: created.csrPem,
    path: target.path,
  };
}
