import { canCall, isAdminEquivalent, type CallDecision } from './permissions.js';
import type { TalosctlCommand } from './talosctl-commands.js';

/**
 * Whether these roles can run a talosctl command: every method it calls must be allowed, and a command that
 * reads a sensitive resource needs os:admin (or os:impersonator) whatever its methods allow.
 */
export function canRunCommand(roles: readonly string[], command: TalosctlCommand): CallDecision {
  const decisions = command.methods.map((method) => canCall(roles, method));
  const denied = decisions.find((decision) => !decision.allowed);
  if (denied) return denied;
  if (command.adminOnly !== undefined && !isAdminEquivalent(roles)) {
    return { allowed: false, reason: `PermissionDenied: ${command.command} ${command.adminOnly}` };
  }
  if (isAdminEquivalent(roles)) return { allowed: true, reason: decisions[0]?.reason ?? 'allowed' };
  const restrictions = [...new Set(decisions.flatMap((decision) => decision.restriction ?? []))];
  if (restrictions.length === 0)
    return { allowed: true, reason: 'allowed: every method it calls accepts these roles' };
  const restriction = restrictions.join('; ');
  return {
    allowed: true,
    reason: `allowed: every method it calls accepts these roles (${restriction})`,
    restriction,
  };
}
