import type { CredentialFacts } from '../../shared/credential-facts.js';
import type { TalosContext } from '../../shared/talosconfig/model.js';
import type { VaultContext, VaultDocument } from '../../shared/vault/vault-document.js';
import { isSignedBy } from '../pki/certificate-facts.js';
import {
  credentialDigest,
  readCredentialFacts,
  type CaReads,
  type OtherCa,
} from '../pki/credential-facts.js';
import type { VaultStore } from '../vault/vault-store.js';
import { clientCertificateOf, storedCas } from './renewal-check.js';

/** Facts read or completed since the last document write; dropped whole past this, as a bound. */
const MAX_REMEMBERED = 20_000;

/**
 * Each context's credential facts (shared/credential-facts.ts), so that listing a 2,000-context vault
 * reads no certificate: the vault document keeps them beside each context (written with every change),
 * this remembers what a listing or a preview read since, and only a context whose `ca`, `crt` or `key`
 * differ from what its facts were read from is read again.
 */
export interface CredentialFactsCache {
  /** A batch shares parsed `ca` fields (one cluster's contexts carry the same bytes) and the stored CAs. */
  batch(document: VaultDocument | null): FactsBatch;
  /** The document with every context's facts current, as it is written. */
  withFacts(document: VaultDocument): VaultDocument;
}

export interface FactsBatch {
  factsOf(context: TalosContext, kept?: CredentialFacts): CredentialFacts;
}

export function createCredentialFactsCache(): CredentialFactsCache {
  const remembered = new Map<string, CredentialFacts>();
  const remember = (facts: CredentialFacts) => {
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.set(facts.digest, facts);
    return facts;
  };
  const batch = (document: VaultDocument | null): FactsBatch => {
    const caReads: CaReads = new Map();
    const otherCas: OtherCa[] = document === null ? [] : storedCas(document);
    return {
      factsOf(context, kept) {
        const digest = credentialDigest(context);
        const known = remembered.get(digest) ?? (kept?.digest === digest ? kept : undefined);
        if (known === undefined) return remember(readCredentialFacts(context, { caReads, otherCas }));
        const completed = withChecks(known, context, otherCas);
        return completed === known ? known : remember(completed);
      },
    };
  };
  return {
    batch,
    withFacts(document) {
      const facts = batch(document);
      const contexts = document.contexts.map((entry): VaultContext => {
        const current = facts.factsOf(entry.context, entry.facts);
        return current === entry.facts ? entry : { ...entry, facts: current };
      });
      remembered.clear();
      return { ...document, contexts };
    },
  };
}

/**
 * Facts that also say whether each stored CA signed the leaf: a CA stored after the facts were read is
 * checked now (parsing the leaf alone), so `renewable` never needs more than a lookup.
 */
function withChecks(facts: CredentialFacts, context: TalosContext, cas: readonly OtherCa[]): CredentialFacts {
  if (!facts.leafRead) return facts;
  const missing = cas.filter((ca) => !facts.checked.includes(ca.fingerprintSha256));
  if (missing.length === 0) return facts;
  const leaf = clientCertificateOf(context);
  if (leaf === null) return facts;
  const checked = [...facts.checked];
  const signers = [...facts.signers];
  for (const ca of missing) {
    if (checked.includes(ca.fingerprintSha256)) continue;
    checked.push(ca.fingerprintSha256);
    if (isSignedBy(leaf, ca.cert)) signers.push(ca.fingerprintSha256);
  }
  return { ...facts, checked, signers };
}

/** Every write of the store keeps the facts current; reads, rekeys and restores change no context. */
export function keepingCredentialFacts(store: VaultStore, facts: CredentialFactsCache): VaultStore {
  return {
    ...store,
    create: (document, kind, passphrase) => store.create(facts.withFacts(document), kind, passphrase),
    update: (change) => store.update(async (document) => facts.withFacts(await change(document))),
  };
}
