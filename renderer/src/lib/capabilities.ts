import { canRunCommand } from '../../../shared/roles/command-permissions.js';
import { allowedMethods, isAdminEquivalent, smallestRoleSets } from '../../../shared/roles/permissions.js';
import { talosctlCommands } from '../../../shared/roles/talosctl-commands.js';

export interface ServiceMethods {
  /** `machine.MachineService`. */
  service: string;
  methods: string[];
}

export interface CommandVerdict {
  command: string;
  /** For a refused command: the least role (or roles) that would run it, e.g. `os:operator`. */
  needs: string | null;
  reason: string;
}

/**
 * "What can this do?" for a set of roles, from the Talos 1.14 permission table and talosctl's command map
 * (shared/roles): the API methods allowed, by service, and which common talosctl commands will and will
 * not work.
 */
export function capabilities(roles: readonly string[]) {
  const byService = new Map<string, string[]>();
  for (const method of allowedMethods(roles)) {
    const [, service = '', name = method] = /^\/([^/]+)\/(.+)$/.exec(method) ?? [];
    const list = byService.get(service);
    if (list) list.push(name);
    else byService.set(service, [name]);
  }
  const services: ServiceMethods[] = [...byService.entries()].map(([service, methods]) => ({
    service,
    methods,
  }));
  const works: CommandVerdict[] = [];
  const refused: CommandVerdict[] = [];
  for (const command of talosctlCommands) {
    const decision = canRunCommand(roles, command);
    if (decision.allowed) {
      works.push({ command: command.command, needs: null, reason: decision.reason });
      continue;
    }
    const least =
      command.adminOnly !== undefined ? ['os:admin'] : (smallestRoleSets(command.methods)[0] ?? ['os:admin']);
    refused.push({ command: command.command, needs: least.join(' + '), reason: decision.reason });
  }
  return { services, works, refused, everything: isAdminEquivalent(roles) };
}
