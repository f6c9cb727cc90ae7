import { compareBytewise, isKnownRole, parseRoles, roleCatalog } from './catalog.js';
import { permissionTable, type PermissionRule } from './permissions-table.js';

export interface CallDecision {
  allowed: boolean;
  /** One sentence a user can act on: which role allowed it, or which roles it needs. */
  reason: string;
  /** Set when only a restricted grant allows the call: the table's note, e.g. "reader only in maintenance mode". */
  restriction?: string;
}

const rulesByMethod = new Map<string, PermissionRule>(permissionTable.map((rule) => [rule.method, rule]));

const adminEquivalentRoles: readonly string[] = roleCatalog
  .filter((info) => info.adminEquivalent)
  .map((info) => info.role);

/** Roles that stand for themselves; os:admin and os:impersonator can do anything. */
const plainRoles: readonly string[] = roleCatalog
  .filter((info) => !info.adminEquivalent)
  .map((info) => info.role);

const FULL_METHOD = /^\/?([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)\/([A-Za-z_]\w*)$/;
const SHORT_METHOD = /^([A-Za-z_]\w*)\/([A-Za-z_]\w*)$/;

/**
 * The `/package.Service/Method` form Talos authorizes on, from `/machine.MachineService/Reboot`,
 * `machine.MachineService/Reboot` or `MachineService/Reboot` (the last only when exactly one table method
 * matches, since the package is then a guess). Undefined when the text is not shaped like a gRPC method.
 * A well-formed method that is not in the table is returned as is: Talos lets only os:admin call it.
 */
export function normalizeMethod(text: string): string | undefined {
  const trimmed = text.trim();
  const full = FULL_METHOD.exec(trimmed);
  if (full) return `/${full[1] ?? ''}/${full[2] ?? ''}`;
  if (!SHORT_METHOD.test(trimmed)) return undefined;
  const suffix = `.${trimmed}`;
  const matches = permissionTable.filter((rule) => rule.method.endsWith(suffix));
  return matches.length === 1 ? matches[0]?.method : undefined;
}

/** Holds os:admin or os:impersonator (roles read as Talos reads them: trimmed). */
export function isAdminEquivalent(roles: readonly string[]): boolean {
  return parseRoles(roles).some((role) => adminEquivalentRoles.includes(role));
}

/**
 * Roles a rule grants only under the restriction its note names. Every note in the 1.14 table reads
 * "<role> only in maintenance mode" (a test keeps it so), and os:admin is never restricted.
 */
export function conditionalRoles(rule: PermissionRule): readonly string[] {
  return rule.note === undefined ? [] : rule.roles.filter((role) => role !== 'os:admin');
}

function unknownRolesText(roles: readonly string[]): string {
  const unknown = roles.filter((role) => !isKnownRole(role));
  if (unknown.length === 0) return '';
  return unknown.length === 1
    ? `; ${unknown[0] ?? ''} is unknown and grants nothing`
    : `; ${unknown.join(', ')} are unknown and grant nothing`;
}

function rolesNeeded(rule: PermissionRule): string {
  return rule.roles.length === 1 ? (rule.roles[0] ?? '') : `one of ${rule.roles.join(', ')}`;
}

/**
 * Whether a client certificate with these roles may call a method, as Talos's authorizer decides it
 * (TALOS.md "Roles"): no hierarchy, any role in common with the method's rule allows, methods without a rule
 * are os:admin only, no roles at all refuses everything, and os:impersonator counts as admin because it can
 * claim any role. Unknown roles are kept (forward compatibility) but match no rule.
 */
export function canCall(roles: readonly string[], method: string): CallDecision {
  const held = parseRoles(roles);
  const name = normalizeMethod(method) ?? method.trim();
  const rule = rulesByMethod.get(name);
  if (held.length === 0) {
    return { allowed: false, reason: 'PermissionDenied: not authorized (the certificate carries no roles)' };
  }
  const admin = held.filter((role) => adminEquivalentRoles.includes(role));
  if (admin.length > 0) {
    const via = admin.includes('os:admin') ? 'os:admin' : 'os:impersonator, which may claim any role';
    const scope = rule ? '' : `; ${name} has no rule, so only admin may call it`;
    return { allowed: true, reason: `allowed by ${via}${scope}` };
  }
  if (!rule) {
    return {
      allowed: false,
      reason: `PermissionDenied: ${name} has no rule in the Talos 1.14 permission table: os:admin only${unknownRolesText(held)}`,
    };
  }
  const matching = held.filter((role) => (rule.roles as readonly string[]).includes(role));
  if (matching.length > 0) {
    const reason = `allowed by ${matching.join(', ')}`;
    const restricted = matching.every((role) => conditionalRoles(rule).includes(role));
    if (!restricted || rule.note === undefined) return { allowed: true, reason };
    return { allowed: true, reason: `${reason} (${rule.note})`, restriction: rule.note };
  }
  return {
    allowed: false,
    reason: `PermissionDenied: ${name} needs ${rolesNeeded(rule)}${unknownRolesText(held)}`,
  };
}

/**
 * The table methods these roles may call, in table order. Methods without a rule are os:admin only and are
 * not listed: for admin-equivalent roles the list is the whole table, and more is allowed than it shows.
 */
export function allowedMethods(roles: readonly string[]): string[] {
  return permissionTable.filter((rule) => canCall(roles, rule.method).allowed).map((rule) => rule.method);
}

/** Covers without relying on a restricted grant: "reader only in maintenance mode" is no way to run a node. */
function coversUnconditionally(roles: readonly string[], methods: readonly string[]): boolean {
  return methods.every((method) => {
    const rule = rulesByMethod.get(method);
    if (!rule) return false;
    const restricted = conditionalRoles(rule);
    return roles.some(
      (role) => (rule.roles as readonly string[]).includes(role) && !restricted.includes(role),
    );
  });
}

function compareRoleSets(a: readonly string[], b: readonly string[]): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let index = 0; index < a.length; index++) {
    const order = compareBytewise(a[index] ?? '', b[index] ?? '');
    if (order !== 0) return order;
  }
  return 0;
}

function subsetsOf(roles: readonly string[]): string[][] {
  const subsets: string[][] = [[]];
  for (const role of roles) {
    for (const subset of subsets.slice()) subsets.push([...subset, role]);
  }
  return subsets.slice(1);
}

/**
 * The least-privilege answers to "which roles let me call all of these?": every set of known, not
 * admin-equivalent roles that covers all methods and has no covering proper subset, smallest first, then by
 * name; os:admin last, as the answer that always works. Grants restricted by a table note (reader only in
 * maintenance mode) do not count. An empty method list needs no roles and gives no sets.
 */
export function smallestRoleSets(methods: readonly string[]): string[][] {
  const wanted = [...new Set(methods.map((method) => normalizeMethod(method) ?? method.trim()))];
  if (wanted.length === 0) return [];
  const covering = subsetsOf([...plainRoles].sort(compareBytewise))
    .filter((set) => coversUnconditionally(set, wanted))
    .sort(compareRoleSets);
  const minimal = covering.filter(
    (set) =>
      !covering.some((other) => other.length < set.length && other.every((role) => set.includes(role))),
  );
  return [...minimal, ['os:admin']];
}
