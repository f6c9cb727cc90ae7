import { formatDuration } from '../../../shared/duration.js';
import { isKnownRole, knownRoles, parseRoles, roleCatalog } from '../../../shared/roles/catalog.js';
import type { VaultSettings } from '../../../shared/vault/vault-document.js';
import { PkiError } from '../../pki/pki-error.js';

/**
 * The issuing policy (DESIGN.md "Issuing"): only known roles, admin-equivalent roles only with an explicit
 * confirmation. Returns the roles as Talos will read them (trimmed, deduplicated, sorted).
 */
export function checkRoles(requested: readonly string[], allowAdmin: boolean): string[] {
  const roles = parseRoles(requested);
  if (roles.length === 0) {
    throw new PkiError(
      'no-roles',
      'roles: none given; Talos refuses every call from a certificate without roles',
    );
  }
  const unknown = roles.filter((role) => !isKnownRole(role));
  if (unknown.length > 0) {
    throw new PkiError(
      'unknown-role',
      `unknown role${unknown.length > 1 ? 's' : ''} ${someOf(unknown)}; known roles: ${knownRoles.join(', ')}`,
    );
  }
  const powerful = roleCatalog.filter((info) => info.adminEquivalent && roles.includes(info.role));
  if (powerful.length > 0 && !allowAdmin) {
    throw new PkiError(
      'admin-needs-confirmation',
      `${powerful.map((info) => info.role).join(' and ')} can do anything on the cluster; confirm that this is meant, or choose a narrower role`,
    );
  }
  return roles;
}

/**
 * A few of the names, each cut short: roles may come from someone else's request, which can carry thousands
 * of O values or one of 40 KB, and the message must stay one readable line.
 */
function someOf(names: readonly string[]): string {
  const shown = names.slice(0, 5).map((name) => (name.length > 40 ? `${name.slice(0, 40)}…` : name));
  return names.length > shown.length
    ? `${shown.join(', ')} and ${names.length - shown.length} more`
    : shown.join(', ');
}

/** The lifetime to issue: the vault's default when none is asked for; never above the vault's maximum. */
export function resolveTtl(settings: VaultSettings, ttlSeconds: number | undefined): number {
  const ttl = ttlSeconds ?? settings.defaultTtlSeconds;
  if (ttl > settings.maxTtlSeconds) {
    throw new PkiError(
      'ttl-above-maximum',
      `a lifetime of ${formatDuration(ttl)} is above this vault's maximum of ${formatDuration(settings.maxTtlSeconds)}; ask for a shorter one (Talos cannot revoke, so short lifetimes are the real control)`,
    );
  }
  return ttl;
}
