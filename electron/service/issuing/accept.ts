import { X509Certificate } from 'node:crypto';
import type { IssuingArgs } from '../../../shared/contract/issuing-contract.js';
import type { PendingRequest, VaultDocument } from '../../../shared/vault/vault-document.js';
import { readFileLimited } from '../../files/read-limited.js';
import { fingerprintSha256, isSignedBy, readCertificates } from '../../pki/certificate-facts.js';
import { PkiError } from '../../pki/pki-error.js';
import { publicKeysMatch, readPrivateKeyPem } from '../../pki/private-key.js';
import { toContextItem } from '../context-item.js';
import type { ServiceDeps } from '../service-deps.js';
import { requireContext } from '../vault-lookup.js';
import { clusterAddresses, freeContextName } from './cluster.js';
import { issuedContext } from './issue-config.js';
import { writeWithVaultChange } from './output-file.js';
import { commitChange } from '../commit-change.js';
import { decodeBase64Field, encodeBase64Field } from '../../pki/pem.js';

const MAX_PEM_BYTES = 256 * 1024;

async function readCertificateFile(path: string): Promise<X509Certificate[]> {
  const pem = (await readFileLimited(path, MAX_PEM_BYTES)).toString('latin1');
  const certificates = readCertificates(pem, path);
  if (certificates.length === 0) throw new PkiError('invalid-pem', `${path}: holds no CERTIFICATE block`);
  return certificates;
}

function matchingRequest(pending: readonly PendingRequest[], cert: X509Certificate, path: string) {
  const request = pending.find((candidate) =>
    publicKeysMatch(cert.publicKey, readPrivateKeyPem(candidate.keyPem)),
  );
  if (request) return request;
  const names = pending.map((candidate) => candidate.name);
  throw new PkiError(
    'no-pending-request',
    `${path}: this certificate is for a key no pending request of this vault holds (${names.length === 0 ? 'none is pending' : `pending: ${names.join(', ')}`}); it was made for another request`,
  );
}

/** The CA that signed `cert`: the given file's, else a stored CA's. */
function signingCa(
  document: VaultDocument,
  cert: X509Certificate,
  path: string,
  caFile: X509Certificate[] | undefined,
): X509Certificate {
  if (caFile !== undefined) {
    const signer = caFile.find((ca) => isSignedBy(cert, ca));
    if (signer === undefined) {
      throw new PkiError(
        'cert-not-signed-by-ca',
        `${path}: not signed by the CA given; give the CA of the cluster that signed it`,
      );
    }
    return signer;
  }
  const stored = document.cas.map((ca) => new X509Certificate(ca.certPem)).find((ca) => isSignedBy(cert, ca));
  if (stored === undefined) {
    throw new PkiError(
      'ca-not-stored',
      `${path}: its CA is not stored in this vault; give the cluster's CA certificate with it`,
    );
  }
  return stored;
}

/**
 * Completes a pending request with the certificate its signer sent back: the certificate must certify the
 * key kept in `pending` (matched by public key). A new request becomes a vault context named after it; a
 * renewal request replaces its context's certificate and key in place (name, endpoints, nodes, `ca`,
 * labels and note kept), rewriting talosctl's file if it holds that context.
 */
export async function acceptCertificate(deps: ServiceDeps, args: IssuingArgs<'accept'>) {
  const certPath = deps.files.openPath(args.cert);
  const [cert] = await readCertificateFile(certPath);
  if (cert === undefined) throw new PkiError('invalid-pem', `${certPath}: holds no certificate`);
  const caFile = args.ca === undefined ? undefined : await readCertificateFile(deps.files.openPath(args.ca));
  const before = await deps.store.read();
  const request = matchingRequest(before.pending, cert, certPath);
  if (request.renews !== null) return acceptRenewal(deps, { cert, certPath, caFile, request, before });
  const ca = signingCa(before, cert, certPath, caFile);
  const cluster = clusterAddresses(before, fingerprintSha256(ca));
  const now = deps.now();
  const result = { storedAs: '' };
  const document = await writeWithVaultChange(
    deps,
    null,
    (current) => {
      const pending = matchingRequest(current.pending, cert, certPath);
      result.storedAs = freeContextName(current, pending.name);
      const context = issuedContext({
        name: result.storedAs,
        endpoints: args.endpoints ?? cluster.endpoints,
        nodes: args.nodes ?? cluster.nodes,
        caCertPem: ca.toString(),
        certPem: cert.toString(),
        keyPem: pending.keyPem,
      });
      const meta = {
        source: `accepted certificate ${certPath}`,
        importedAt: now.toISOString(),
        lastUsed: null,
        labels: {},
        note: '',
      };
      return {
        ...current,
        contexts: [...current.contexts, { context, meta }],
        pending: current.pending.filter((candidate) => candidate !== pending),
      };
    },
    true,
  );
  return {
    request: request.name,
    storedAs: result.storedAs,
    renewed: false,
    item: toContextItem(requireContext(document, result.storedAs), document, now),
  };
}

interface RenewalAcceptance {
  cert: X509Certificate;
  certPath: string;
  caFile: X509Certificate[] | undefined;
  request: PendingRequest;
  before: VaultDocument;
}

async function acceptRenewal(deps: ServiceDeps, acceptance: RenewalAcceptance) {
  const { cert, certPath, caFile, request, before } = acceptance;
  const name = request.renews ?? request.name;
  const entry = requireContext(before, name);
  // The context's own `ca` is the cluster's OS CA, which signs its client certificates: a certificate it
  // does not verify would leave the context unable to connect.
  const trusted = caFile ?? contextCas(entry.context.ca);
  signingCa(before, cert, certPath, trusted.length === 0 ? undefined : trusted);
  const { document } = await commitChange(deps, [name], (current) => {
    const pending = matchingRequest(current.pending, cert, certPath);
    requireContext(current, name);
    return {
      ...current,
      contexts: current.contexts.map((candidate) =>
        candidate.context.name === name
          ? {
              ...candidate,
              context: {
                ...candidate.context,
                crt: encodeBase64Field(cert.toString()),
                key: encodeBase64Field(pending.keyPem),
              },
            }
          : candidate,
      ),
      pending: current.pending.filter((candidate) => candidate !== pending),
    };
  });
  return {
    request: request.name,
    storedAs: name,
    renewed: true,
    item: toContextItem(requireContext(document, name), document, deps.now()),
  };
}

function contextCas(ca: string): X509Certificate[] {
  if (ca === '') return [];
  try {
    return readCertificates(decodeBase64Field(ca));
  } catch {
    return []; // an unreadable `ca` field: only a stored CA can vouch for the certificate then
  }
}
