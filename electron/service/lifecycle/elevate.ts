import type { LifecycleArgs } from '../../../shared/contract/lifecycle-contract.js';
import { formatDuration } from '../../../shared/duration.js';
import { quoteName } from '../../../shared/quote-name.js';
import { UsageError } from '../../../shared/user-error.js';
import { MAX_ELEVATION_SECONDS, type VaultDocument } from '../../../shared/vault/vault-document.js';
import { issueClientCertificate } from '../../pki/issue-certificate.js';
import { PkiError } from '../../pki/pki-error.js';
import { caFingerprintsOf } from '../issuing/cluster.js';
import { logEntry } from '../issuing/issuance-log.js';
import { issuedContext } from '../issuing/issue-config.js';
import { checkRoles } from '../issuing/policy.js';
import { clientCertificateOf, signingStoredCa, storedCas } from '../renewal-check.js';
import type { ServiceDeps } from '../service-deps.js';
import { syncTalosconfig } from '../switch-context.js';
import { requireContext } from '../vault-lookup.js';
import { commonNameOf } from './renewal-plan.js';

/** Long enough for one task, short enough that a forgotten elevation is soon harmless. */
const DEFAULT_ELEVATION_SECONDS = 15 * 60;

export function elevatedName(from: string): string {
  return `${from}-elevated`;
}

/** The stored CA of the context's cluster: the one that signed its certificate, else the one its `ca` holds. */
function clusterCa(document: VaultDocument, name: string) {
  const entry = requireContext(document, name);
  const signer = signingStoredCa(document, entry.context);
  if (signer !== null) return signer;
  const trusted = caFingerprintsOf(entry.context);
  const stored = storedCas(document).find((candidate) => trusted.includes(candidate.ca.fingerprintSha256));
  if (stored !== undefined) return stored;
  throw new PkiError(
    'ca-not-stored',
    `context ${quoteName(name)}: the CA of its cluster is not stored in this vault, and elevating means issuing with it; import the cluster's CA first`,
  );
}

function resolveElevationTtl(document: VaultDocument, asked: number | undefined): number {
  const ttl = asked ?? DEFAULT_ELEVATION_SECONDS;
  const maximum = Math.min(document.settings.elevateMaxTtlSeconds, MAX_ELEVATION_SECONDS);
  if (ttl > maximum) {
    throw new PkiError(
      'ttl-above-maximum',
      `an elevation of ${formatDuration(ttl)} is above this vault's maximum of ${formatDuration(maximum)}; ask for a shorter one`,
    );
  }
  return ttl;
}

/**
 * Just-in-time privilege: a certificate with the roles asked for, the identity of NAME and a short life,
 * stored as `NAME-elevated` with NAME's endpoints and nodes, and talosctl switched to it — all in the one
 * write that also logs it with the reason. Raising it again replaces the running elevation.
 */
export async function elevate(deps: ServiceDeps, args: LifecycleArgs<'elevate'>) {
  const document = await deps.store.read();
  const from = requireContext(document, args.name);
  if (document.elevations.some((elevation) => elevation.context === args.name)) {
    const raisedFrom = document.elevations.find((elevation) => elevation.context === args.name)?.from ?? '';
    throw new UsageError(
      `context ${quoteName(args.name)} is itself an elevation; elevate ${quoteName(raisedFrom)} instead`,
      'already-elevated',
    );
  }
  const target = elevatedName(args.name);
  const taken = document.contexts.some((entry) => entry.context.name === target);
  if (taken && !document.elevations.some((elevation) => elevation.context === target)) {
    throw new UsageError(
      `a context named ${quoteName(target)} exists and is not an elevation; rename it first`,
      'name-taken',
    );
  }
  const signer = clusterCa(document, args.name);
  const roles = checkRoles(args.roles, args.allowAdmin);
  const ttlSeconds = resolveElevationTtl(document, args.ttlSeconds);
  const leaf = clientCertificateOf(from.context);
  const identity = leaf === null ? null : commonNameOf(leaf);
  const now = deps.now();
  const issued = await issueClientCertificate({
    caCertPem: signer.ca.certPem,
    caKeyPem: signer.ca.keyPem,
    roles,
    ttlSeconds,
    now,
    ...(identity === null ? {} : { identity }),
  });
  if (issued.keyPem === undefined) throw new Error('elevate: no key was generated');
  const context = issuedContext({
    name: target,
    endpoints: from.context.endpoints,
    nodes: from.context.nodes,
    caCertPem: signer.ca.certPem,
    certPem: issued.certPem,
    keyPem: issued.keyPem,
  });
  // The elevated context trusts what its origin trusts: the origin's `ca` may bundle a rotated CA too.
  if (from.context.ca !== '') context.ca = from.context.ca;
  const reason = args.reason.trim();
  const result = await syncTalosconfig(deps, (current) => {
    requireContext(current, args.name);
    const others = current.contexts.filter((entry) => entry.context.name !== target);
    const entry = {
      context,
      meta: {
        source: `elevated from ${args.name}`,
        importedAt: now.toISOString(),
        lastUsed: now.toISOString(),
        labels: {},
        note: reason,
      },
    };
    return {
      ...current,
      current: target,
      contexts: [...others, entry],
      elevations: [
        ...current.elevations.filter((elevation) => elevation.context !== target),
        {
          context: target,
          from: args.name,
          roles,
          reason,
          notAfter: issued.notAfter,
          serial: issued.serialHex,
        },
      ],
      issued: [
        ...current.issued,
        logEntry(issued, signer.ca, {
          roles,
          identity,
          context: target,
          exportedTo: [],
          issuedAt: now,
          elevatedFrom: args.name,
          reason,
        }),
      ],
    };
  });
  return {
    context: target,
    from: args.name,
    roles,
    reason,
    serial: issued.serialHex,
    notBefore: issued.notBefore,
    notAfter: issued.notAfter,
    talosconfigPath: result.path,
  };
}
