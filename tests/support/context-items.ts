import type { ErrorCode } from '../../shared/contract/error-codes.js';
import { UserError } from '../../shared/user-error.js';
import type { ContextItem, Status } from '../../shared/contract/vault-contract.js';
import type { Finding } from '../../shared/findings.js';

/** What a test may say about a context; the rest is filled with plain, valid facts. */
export interface ContextFacts {
  cluster?: string | null;
  roles?: string[];
  endpoints?: string[];
  current?: boolean;
  notAfter?: string;
  findings?: Finding[];
  labels?: Record<string, string>;
  renewable?: boolean;
}

/** A context as `vault.list` returns it, with only the facts a test cares about given. */
export function contextItem(name: string, facts: ContextFacts = {}): ContextItem {
  return {
    name,
    current: facts.current ?? false,
    endpoints: facts.endpoints ?? ['10.0.0.1'],
    nodes: [],
    auth: 'mtls',
    cert: {
      subject: `O=${(facts.roles ?? ['os:reader']).join('+O=')}`,
      issuer: 'O=talos',
      serial: '01',
      roles: facts.roles ?? ['os:reader'],
      unknownRoles: [],
      notBefore: '2026-01-01T00:00:00.000Z',
      notAfter: facts.notAfter ?? '2027-06-01T00:00:00.000Z',
      keyType: 'ed25519',
      fingerprintSha256: 'ab'.repeat(32),
      extKeyUsage: ['clientAuth'],
    },
    ca: [],
    findings: facts.findings ?? [],
    labels: facts.labels ?? {},
    lastUsed: null,
    note: '',
    source: 'test',
    importedAt: '2026-01-01T00:00:00.000Z',
    cluster: facts.cluster ?? null,
    renewable: facts.renewable ?? false,
    elevation: null,
  };
}

export function status(facts: Partial<Status> = {}): Status {
  return {
    home: '/home/ada/.config/talos-credential-manager',
    vaultPath: '/home/ada/.config/talos-credential-manager/vault.talcred',
    exists: true,
    keySource: 'keychain',
    locked: false,
    contexts: 0,
    current: '',
    talosconfig: { path: '/home/ada/.talos/config', exists: true, readOnly: false, source: 'default' },
    targetMode: 'active',
    backups: [],
    expiringSoon: [],
    elevations: [],
    expired: [],
    warnings: [],
    ...facts,
  };
}

export const NOW = new Date('2026-12-01T12:00:00.000Z');

/** A failure as the services raise it (a UserError), so it crosses the bridge with its code and remedy. */
export function talosError(code: ErrorCode, message: string = code): UserError {
  return new UserError(code, message);
}
