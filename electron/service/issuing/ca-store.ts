import { X509Certificate } from 'node:crypto';
import type { CaItem, CaSource } from '../../../shared/contract/issuing-contract.js';
import { UsageError } from '../../../shared/user-error.js';
import type { VaultCa, VaultDocument } from '../../../shared/vault/vault-document.js';
import { caFacts } from '../../pki/certificate-facts.js';
import { loadOsCa } from '../../pki/os-ca.js';
import { PkiError } from '../../pki/pki-error.js';
import type { ServiceDeps } from '../service-deps.js';
import { contextsOfCa } from './cluster.js';
import { revocationHorizon } from './issuance-log.js';
import { nameList, quoteName } from '../../../shared/quote-name.js';

/** The stored CA of that name, or a usage error listing the names there are. */
export function requireCa(document: VaultDocument, name: string): VaultCa {
  const ca = document.cas.find((candidate) => candidate.name === name);
  if (ca) return ca;
  const names = document.cas.map((candidate) => candidate.name);
  const hint = names.length === 0 ? 'no CA is stored yet' : `CAs: ${nameList(names)}`;
  throw new UsageError(`no CA named ${quoteName(name)} in the vault (${hint})`, 'ca-not-found', {
    remedy: names.length === 0 ? 'import-ca' : null,
  });
}

/** What the user sees of a stored CA: facts, its cluster's contexts and its revocation horizon; never the key. */
export function toCaItem(ca: VaultCa, document: VaultDocument, now: Date): CaItem {
  const facts = caFacts(new X509Certificate(ca.certPem));
  return {
    name: ca.name,
    fingerprintSha256: ca.fingerprintSha256,
    subject: facts.subject,
    keyType: facts.keyType,
    notAfter: facts.notAfter,
    source: ca.source,
    importedAt: ca.importedAt,
    contexts: contextsOfCa(document, ca.fingerprintSha256).map((entry) => entry.context.name),
    issued: document.issued.filter((entry) => entry.caFingerprintSha256 === ca.fingerprintSha256).length,
    revocationHorizon: revocationHorizon(document.issued, ca.fingerprintSha256, now),
  };
}

type CaFiles = { yamlPath: string } | { certPath: string; keyPath: string };

function describeSource(files: CaFiles): string {
  return 'yamlPath' in files ? files.yamlPath : `${files.certPath} + ${files.keyPath}`;
}

/**
 * Reads, checks (a CA, its key, valid now) and stores an OS CA, encrypted with the rest of the vault. A name
 * or a fingerprint already stored is refused: two names for one CA would split its cluster and its log.
 */
export async function importCa(deps: ServiceDeps, name: string, source: CaSource): Promise<CaItem> {
  const files: CaFiles =
    source.kind === 'yaml'
      ? { yamlPath: deps.files.openPath(source.file) }
      : { certPath: deps.files.openPath(source.cert), keyPath: deps.files.openPath(source.key) };
  const osCa = await loadOsCa(files, deps.now());
  const document = await deps.store.update((current) => {
    if (current.cas.some((ca) => ca.name === name)) {
      throw new UsageError(
        `a CA named ${quoteName(name)} is already stored; choose another name or remove that CA first`,
        'name-taken',
      );
    }
    const twin = current.cas.find((ca) => ca.fingerprintSha256 === osCa.fingerprintSha256);
    if (twin) {
      throw new PkiError(
        'ca-already-stored',
        `${describeSource(files)}: this CA (SHA-256 ${osCa.fingerprintSha256}) is already stored as ${quoteName(twin.name)}; nothing was changed`,
      );
    }
    const stored: VaultCa = {
      name,
      fingerprintSha256: osCa.fingerprintSha256,
      certPem: osCa.certPem,
      keyPem: osCa.keyPem,
      source: describeSource(files),
      importedAt: deps.now().toISOString(),
    };
    return { ...current, cas: [...current.cas, stored] };
  });
  return toCaItem(requireCa(document, name), document, deps.now());
}

export async function listCas(deps: ServiceDeps): Promise<CaItem[]> {
  const document = await deps.store.read();
  return document.cas.map((ca) => toCaItem(ca, document, deps.now()));
}

/** Forgets a CA and its key; the issuance log keeps its entries, since their certificates still work. */
export async function removeCa(deps: ServiceDeps, name: string): Promise<{ removed: string }> {
  await deps.store.update((current) => {
    requireCa(current, name);
    return { ...current, cas: current.cas.filter((ca) => ca.name !== name) };
  });
  return { removed: name };
}
