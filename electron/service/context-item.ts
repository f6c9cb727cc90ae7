import type { ContextItem } from '../../shared/contract/vault-contract.js';
import type { VaultContext, VaultDocument } from '../../shared/vault/vault-document.js';
import { diagnoseFromFacts } from '../pki/diagnose-context.js';
import { createCredentialFactsCache, type FactsBatch } from './credential-facts-cache.js';
import { renewableByFacts } from './renewal-check.js';

function elevationOf(document: VaultDocument, name: string): ContextItem['elevation'] {
  const found = document.elevations.find((elevation) => elevation.context === name);
  return found
    ? { from: found.from, roles: [...found.roles], reason: found.reason, notAfter: found.notAfter }
    : null;
}

/**
 * A vault context as the user sees it: the inspection report plus its metadata; no secret material. A
 * listing passes its batch, so the facts it reads are remembered and its contexts share parsed CAs.
 */
export function toContextItem(
  entry: VaultContext,
  document: VaultDocument,
  now: Date,
  facts: FactsBatch = createCredentialFactsCache().batch(document),
): ContextItem {
  const credentials = facts.factsOf(entry.context, entry.facts);
  const renewable = renewableByFacts(document, credentials);
  const report = diagnoseFromFacts(entry.context, credentials, {
    now,
    current: entry.context.name === document.current,
    expiryWarningDays: document.settings.expiryWarningDays,
    renewal: entry.context.crt === '' ? undefined : renewable ? 'renewable' : 'ca-elsewhere',
  });
  return {
    ...report,
    labels: { ...entry.meta.labels },
    lastUsed: entry.meta.lastUsed,
    note: entry.meta.note,
    source: entry.meta.source,
    importedAt: entry.meta.importedAt,
    renewable,
    elevation: elevationOf(document, entry.context.name),
    // DESIGN.md "Issuing": a stored CA's fingerprint groups the contexts that trust it into its cluster.
    cluster:
      document.cas.find((ca) => report.ca.some((facts) => facts.fingerprintSha256 === ca.fingerprintSha256))
        ?.name ?? null,
  };
}
