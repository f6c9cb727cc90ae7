/** The Talos roles (TALOS.md "Roles"). There is no hierarchy: a role allows exactly the methods listing it. */
export const knownRoles = [
  'os:admin',
  'os:operator',
  'os:reader',
  'os:etcd:backup',
  'os:image:verifier',
  'os:meta:writer',
  'os:impersonator',
] as const;
export type KnownRole = (typeof knownRoles)[number];

export interface RoleInfo {
  role: KnownRole;
  description: string;
  /** Holders can act as any role (os:impersonator states roles in a `talos-role` header). */
  adminEquivalent: boolean;
  /** Talos version that introduced the role, where newer than RBAC itself. */
  since?: string;
}

export const roleCatalog: readonly RoleInfo[] = [
  {
    role: 'os:admin',
    description: 'Full access to every API, including secrets and machine configuration.',
    adminEquivalent: true,
  },
  {
    role: 'os:operator',
    description: 'Read access plus operations: reboot, restart services, etcd snapshots, image pulls.',
    adminEquivalent: false,
  },
  {
    role: 'os:reader',
    description: 'Read-only access to non-sensitive resources, logs and status.',
    adminEquivalent: false,
  },
  {
    role: 'os:etcd:backup',
    description: 'Only etcd snapshots and etcd status, for backup jobs.',
    adminEquivalent: false,
  },
  {
    role: 'os:image:verifier',
    description: 'Only verifying container image signatures.',
    adminEquivalent: false,
    since: '1.13',
  },
  {
    role: 'os:meta:writer',
    description: 'Only writing and deleting META keys.',
    adminEquivalent: false,
    since: '1.13',
  },
  {
    role: 'os:impersonator',
    description: 'May claim any role per request (talos-role header): treat as admin.',
    adminEquivalent: true,
  },
];

export function isKnownRole(role: string): role is KnownRole {
  return (knownRoles as readonly string[]).includes(role);
}

/** Bytewise comparison, as Go's sort.Strings orders roles. */
export function compareBytewise(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Roles as Talos reads them from a certificate's Organization values: each trimmed, empty values skipped
 * (pre-RBAC certificates had one empty O), unknown values kept for forward compatibility, sorted bytewise.
 * Duplicates collapse, as Talos keeps roles in a set.
 */
export function parseRoles(organizations: readonly string[]): string[] {
  const roles = new Set(organizations.map((value) => value.trim()).filter((value) => value !== ''));
  return [...roles].sort(compareBytewise);
}
