import type { z } from 'zod';
import type {
  DoctorResult,
  doctorProgressSchema,
  IssuingArgs,
} from '../../../shared/contract/issuing-contract.js';
import { authKind } from '../../../shared/talosconfig/model.js';
import type { VaultContext } from '../../../shared/vault/vault-document.js';
import { probeEndpoint, type ProbeResult } from '../../net/probe-endpoint.js';
import { decodeBase64Field } from '../../pki/pem.js';
import { toContextItem } from '../context-item.js';
import type { CallContext } from '../implement.js';
import type { ServiceDeps } from '../service-deps.js';
import { requireContext } from '../vault-lookup.js';

type DoctorContext = DoctorResult['contexts'][number];
type DoctorProgress = z.input<typeof doctorProgressSchema>;
type Probe = NonNullable<DoctorContext['probes']>[number];

function toProbe(result: ProbeResult): Probe {
  return {
    endpoint: result.endpoint,
    reachable: result.reachable,
    tls: result.tls,
    findings: result.findings.map((finding) => ({ code: finding.code, message: finding.message })),
  };
}

/** Why a context cannot be probed, or its decoded credentials. */
function credentials(entry: VaultContext): { ca: string; cert: string; key: string } | string {
  const { context } = entry;
  if (authKind(context) !== 'mtls') return 'no client certificate (Omni or basic auth): nothing to probe';
  if (context.ca === '') return 'no ca: it trusts the system roots (Omni), which this check does not use';
  if (context.endpoints.length === 0) return 'no endpoints to probe';
  try {
    return {
      ca: decodeBase64Field(context.ca),
      cert: decodeBase64Field(context.crt),
      key: decodeBase64Field(context.key),
    };
  } catch {
    return 'its credentials cannot be read (see the findings)';
  }
}

async function probeContext(
  entry: VaultContext,
  timeoutMs: number,
  signal: AbortSignal,
  probed: (endpoint: string) => void,
): Promise<Pick<DoctorContext, 'probes' | 'skipped'>> {
  const creds = credentials(entry);
  if (typeof creds === 'string') return { probes: [], skipped: creds };
  const results = await Promise.all(
    entry.context.endpoints.map(async (endpoint) => {
      const result = await probeEndpoint({ endpoint, ...creds, timeoutMs, signal });
      probed(endpoint);
      return result;
    }),
  );
  return { probes: results.map(toProbe), skipped: null };
}

/** Endpoints that will be probed, for the progress total. */
function probeCount(entries: readonly VaultContext[]): number {
  return entries.reduce(
    (sum, entry) => sum + (typeof credentials(entry) === 'string' ? 0 : entry.context.endpoints.length),
    0,
  );
}

/**
 * The offline findings of vault contexts and, when asked, a live check of each endpoint: TCP, a TLS 1.3
 * handshake with the context's client certificate, the node's certificate against the context's `ca`.
 * Connects only to the endpoints the contexts name.
 */
export async function doctor(
  deps: ServiceDeps,
  args: IssuingArgs<'doctor'>,
  call: CallContext<DoctorProgress>,
): Promise<DoctorResult> {
  const document = await deps.store.read();
  const entries =
    args.names.length === 0 ? document.contexts : args.names.map((n) => requireContext(document, n));
  const now = deps.now();
  const total = args.online ? probeCount(entries) : 0;
  let done = 0;
  const contexts = await Promise.all(
    entries.map(async (entry): Promise<DoctorContext> => {
      const item = toContextItem(entry, document, now);
      const probed = (endpoint: string): void => {
        done += 1;
        call.progress({ done, total, context: item.name, endpoint });
      };
      const online = args.online
        ? await probeContext(entry, args.timeoutMs, call.signal, probed)
        : { probes: null, skipped: null };
      return { name: item.name, cluster: item.cluster, findings: item.findings, ...online };
    }),
  );
  const ok = contexts.every(
    (context) =>
      context.findings.every((finding) => finding.severity !== 'error') &&
      (context.probes ?? []).every((probe) => probe.tls === 'ok'),
  );
  return { ok, contexts };
}
