import type { CaItem, IssueResult } from '../../shared/contract/issuing-contract.js';
import { defaultVaultSettings, type VaultSettings } from '../../shared/vault/vault-document.js';

/** A stored CA as `issuing.listCas` returns it. */
export function caItem(name: string, facts: Partial<CaItem> = {}): CaItem {
  return {
    name,
    fingerprintSha256: 'cd'.repeat(32),
    subject: 'O=talos',
    keyType: 'ed25519',
    notAfter: '2034-01-01T00:00:00.000Z',
    source: `/home/ada/${name}/secrets.yaml`,
    importedAt: '2026-01-01T00:00:00.000Z',
    contexts: [],
    issued: 0,
    revocationHorizon: null,
    ...facts,
  };
}

export function settings(facts: Partial<VaultSettings> = {}): VaultSettings {
  return { ...defaultVaultSettings(), ...facts };
}

/** What `issuing.issue` answers for these arguments (only the facts the screens show). */
export function issueResult(args: {
  ca: string;
  roles: string[];
  name?: string;
  store?: boolean;
  path?: string | null;
  encrypted?: boolean;
}): IssueResult {
  const context = args.name ?? `${(args.roles[0] ?? '').replace('os:', '')}@${args.ca}`;
  return {
    serial: '5f0e',
    fingerprintSha256: 'ef'.repeat(32),
    ca: args.ca,
    roles: args.roles,
    notBefore: '2026-12-01T11:55:00.000Z',
    notAfter: '2026-12-08T12:00:00.000Z',
    keyType: 'ed25519',
    context,
    endpoints: ['10.20.0.11'],
    nodes: [],
    storedAs: args.store === true ? context : null,
    path: args.path ?? null,
    encrypted: args.encrypted ?? false,
    notes: [],
  };
}
