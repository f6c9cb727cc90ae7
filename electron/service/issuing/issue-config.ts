import type { TalosConfig, TalosContext } from '../../../shared/talosconfig/model.js';
import { serializeTalosconfig } from '../../../shared/talosconfig/serialize.js';
import { encodeBase64Field } from '../../pki/pem.js';

/**
 * talosctl's name for a new talosconfig (`config new`, TALOS.md): `<role without "os:">@<cluster>` for
 * exactly one role (`reader@prod`, `etcd:backup@prod`), else the cluster name.
 */
export function defaultContextName(roles: readonly string[], cluster: string): string {
  const [only, ...others] = roles;
  if (only === undefined || others.length > 0) return cluster;
  return `${only.replace(/^os:/, '')}@${cluster}`;
}

export interface IssuedContextInput {
  name: string;
  endpoints: readonly string[];
  nodes: readonly string[];
  caCertPem: string;
  certPem: string;
  keyPem: string;
}

/** A context as talosctl writes one: `ca`, `crt`, `key` as base64 of PEM on one line. */
export function issuedContext(input: IssuedContextInput): TalosContext {
  return {
    name: input.name,
    endpoints: [...input.endpoints],
    nodes: [...input.nodes],
    ca: encodeBase64Field(input.caCertPem),
    crt: encodeBase64Field(input.certPem),
    key: encodeBase64Field(input.keyPem),
    extra: [],
  };
}

/** A plain talosconfig holding these contexts, the first one current. */
export function talosconfigText(contexts: readonly TalosContext[]): string {
  const config: TalosConfig = { context: contexts[0]?.name ?? '', contexts: [...contexts], extra: [] };
  return serializeTalosconfig(config);
}
