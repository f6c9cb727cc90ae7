import type { TalosContext } from '../../../shared/talosconfig/model.js';
import { compareContextNames } from '../../../shared/talosconfig/compare-context-names.js';
import type { VaultContext, VaultDocument } from '../../../shared/vault/vault-document.js';
import { fingerprintSha256, readCertificates } from '../../pki/certificate-facts.js';
import { decodeBase64Field } from '../../pki/pem.js';

/** SHA-256 fingerprints of the CAs a context trusts; a field that cannot be read trusts nothing here. */
export function caFingerprintsOf(context: TalosContext): string[] {
  if (context.ca === '') return [];
  try {
    return readCertificates(decodeBase64Field(context.ca)).map(fingerprintSha256);
  } catch {
    return []; // the offline findings report the broken field; grouping just leaves it out
  }
}

/** The vault contexts of one cluster: those whose `ca` holds the CA with this fingerprint, sorted by name. */
export function contextsOfCa(document: VaultDocument, caFingerprint: string): VaultContext[] {
  return document.contexts
    .filter((entry) => caFingerprintsOf(entry.context).includes(caFingerprint))
    .sort((a, b) => compareContextNames(a.context.name, b.context.name));
}

/**
 * Where a new credential of this cluster should point: the endpoints and nodes of the current context if it
 * belongs to the cluster, else of its first context (by name) that has endpoints.
 */
export function clusterAddresses(
  document: VaultDocument,
  caFingerprint: string,
): { endpoints: string[]; nodes: string[] } {
  const members = contextsOfCa(document, caFingerprint).filter((e) => e.context.endpoints.length > 0);
  const chosen = members.find((entry) => entry.context.name === document.current) ?? members[0];
  return { endpoints: [...(chosen?.context.endpoints ?? [])], nodes: [...(chosen?.context.nodes ?? [])] };
}

/** talosctl's merge rule for a taken name (TALOS.md "Merge"): the first free `name-N`. */
export function freeContextName(document: VaultDocument, name: string): string {
  const taken = new Set(document.contexts.map((entry) => entry.context.name));
  if (!taken.has(name)) return name;
  let suffix = 1;
  while (taken.has(`${name}-${suffix}`)) suffix++;
  return `${name}-${suffix}`;
}
