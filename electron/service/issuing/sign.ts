import type { IssuingArgs } from '../../../shared/contract/issuing-contract.js';
import { signCsr } from '../../pki/sign-csr.js';
import type { ServiceDeps } from '../service-deps.js';
import { requireCa } from './ca-store.js';
import { logEntry } from './issuance-log.js';
import { refuseOverwrite, writeWithVaultChange } from './output-file.js';
import { checkRoles, resolveTtl } from './policy.js';
import { loadCsr } from './requests.js';
import { readCsr } from '../../pki/csr.js';

/**
 * Signs someone's certificate request with a stored CA. The request only proposes: the roles granted are
 * the ones asked for or fewer, under the same policy as `issue`; the result is a certificate, no key.
 */
export async function signRequest(deps: ServiceDeps, args: IssuingArgs<'sign'>) {
  const document = await deps.store.read();
  const ca = requireCa(document, args.ca);
  const { pem, request, source } = await csrOf(deps, args.csr);
  const roles = checkRoles(args.roles ?? request.roles, args.allowAdmin);
  const ttlSeconds = resolveTtl(document.settings, args.ttlSeconds);
  const output = deps.files.savePath(args.output);
  refuseOverwrite(output.path, output.overwrite);
  const now = deps.now();
  const signed = await signCsr({
    csrPem: pem,
    caCertPem: ca.certPem,
    caKeyPem: ca.keyPem,
    ttlSeconds,
    now,
    roles,
    source,
  });
  await writeWithVaultChange(
    deps,
    { path: output.path, bytes: signed.certPem },
    (current) => ({
      ...current,
      issued: [
        ...current.issued,
        logEntry(signed, requireCa(current, args.ca), {
          roles: signed.roles,
          identity: request.commonName ?? null,
          context: null,
          exportedTo: [output.path],
          issuedAt: now,
        }),
      ],
    }),
    false,
  );
  return {
    serial: signed.serialHex,
    fingerprintSha256: signed.fingerprintSha256,
    ca: ca.name,
    roles: signed.roles,
    requestedRoles: request.roles,
    notBefore: signed.notBefore,
    notAfter: signed.notAfter,
    keyType: signed.keyType,
    path: output.path,
    notes: signed.notes,
  };
}

/** The request as given: read from its file, or the PEM the app showed (parsed and proved the same way). */
async function csrOf(deps: ServiceDeps, csr: IssuingArgs<'sign'>['csr']) {
  if (csr.kind === 'pem') return { pem: csr.pem, request: readCsr(csr.pem, csr.source), source: csr.source };
  const path = deps.files.openPath(csr);
  return { ...(await loadCsr(path)), source: path };
}
