import type { ContextItem } from '../../shared/contract/vault-contract.js';
import type { VaultContext, VaultDocument } from '../../shared/vault/vault-document.js';
import { diagnoseContext } from '../pki/diagnose-context.js';
import { signingStoredCa } from './renewal-check.js';

function elevationOf(document: VaultDocument, name: string): ContextItem['elevation'] {
  const found = document.elevations.find((elevation) => elevation.context === name);
  return found
    ? { from: found.from, roles: [...found.roles], reason: found.reason, notAfter: found.notAfter }
    : null;
}

/** A vault context as the user sees it: the inspection report plus its metadata; no secret material. */
export function toContextItem(entry: VaultContext, document: VaultDocument, now: Date): ContextItem {
  const renewable = signingStoredCa(document, entry.context) !== null;
  const report = diagnoseContext(entry.context, {
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
