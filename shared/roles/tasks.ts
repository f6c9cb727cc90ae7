import { canRunCommand } from './command-permissions.js';
import { allowedMethods, smallestRoleSets } from './permissions.js';
import { lookupCommand, type TalosctlCommand } from './talosctl-commands.js';

/**
 * What people want a credential for, in their words, each as the talosctl commands (or, where talosctl has
 * no command, the API methods) it takes. The issue wizard turns ticked tasks into roles with
 * `rolesForTasks` and shows what roles allow with `taskDecisions`; both read the permission table, so a
 * new table is never contradicted by a hand-written list.
 */
export interface Task {
  readonly id: string;
  readonly label: string;
  /** talosctl commands as `lookupCommand` reads them. */
  readonly commands: readonly string[];
  /** Methods with no talosctl command of their own. */
  readonly methods?: readonly string[];
  /** Why the task needs os:admin whatever its methods allow (a sensitive resource). */
  readonly adminOnly?: string;
}

const COSI_GET = '/cosi.resource.State/Get';

export const tasks: readonly Task[] = [
  {
    id: 'observe',
    label: 'Read logs and status',
    commands: ['logs', 'dmesg', 'services', 'version', 'health', 'get', 'dashboard', 'events', 'time'],
  },
  {
    id: 'reboot',
    label: 'Reboot nodes and restart services',
    commands: ['reboot', 'shutdown', 'service restart', 'restart'],
  },
  // LifecycleService/Upgrade (Talos 1.13+) is os:admin only: an upgrade task can never be narrower.
  { id: 'upgrade', label: 'Upgrade Talos on nodes', commands: ['upgrade'] },
  { id: 'etcd-snapshot', label: 'Take etcd snapshots', commands: ['etcd snapshot', 'etcd status'] },
  { id: 'images', label: 'Pull container images', commands: ['image pull', 'image list'] },
  {
    id: 'verify-images',
    label: 'Verify image signatures',
    commands: [],
    methods: ['/machine.ImageService/Verify'],
  },
  { id: 'meta', label: 'Write META keys', commands: ['meta write', 'meta delete'] },
  { id: 'edit-config', label: 'Edit machine config', commands: ['edit machineconfig', 'apply-config'] },
  {
    id: 'read-secrets',
    label: 'Read secrets',
    commands: [],
    methods: [COSI_GET],
    adminOnly: 'secrets are sensitive resources, which Talos serves to os:admin only',
  },
];

function commandsOf(task: Task): TalosctlCommand[] {
  return task.commands.map((name) => {
    const command = lookupCommand(name);
    // A typo here would silently drop methods: fail loudly (a test walks every task).
    if (command === undefined) throw new Error(`task ${task.id}: no talosctl command "${name}"`);
    return command;
  });
}

/** Every method a task calls, and whether (and why) it needs os:admin whatever the table says. */
export function taskNeeds(task: Task): { methods: string[]; adminOnly: string | undefined } {
  const commands = commandsOf(task);
  const methods = [...new Set([...commands.flatMap((command) => command.methods), ...(task.methods ?? [])])];
  const adminOnly = task.adminOnly ?? commands.find((command) => command.adminOnly !== undefined)?.adminOnly;
  return { methods, adminOnly };
}

/**
 * The least-privilege roles for these tasks: among the minimal covering role sets of the permission table
 * (`smallestRoleSets`), the one allowing the fewest methods — os:reader + os:etcd:backup rather than
 * os:operator for "status and snapshots", since operator can also reboot. Fewer roles, then the name,
 * break ties. A task that reads a sensitive resource needs os:admin. No tasks, no roles.
 */
export function rolesForTasks(taskIds: readonly string[]): string[] {
  const chosen = tasks.filter((task) => taskIds.includes(task.id));
  if (chosen.length === 0) return [];
  const needs = chosen.map(taskNeeds);
  if (needs.some((need) => need.adminOnly !== undefined)) return ['os:admin'];
  const methods = [...new Set(needs.flatMap((need) => need.methods))];
  const candidates = smallestRoleSets(methods);
  const breadth = (roles: readonly string[]) => allowedMethods(roles).length;
  const [best] = [...candidates].sort((a, b) => breadth(a) - breadth(b) || a.length - b.length);
  return best ?? ['os:admin'];
}

export interface TaskDecision {
  task: Task;
  allowed: boolean;
  /** Why not (the first refused command or method), or the restriction it is allowed under. */
  reason: string;
}

/** Which tasks a certificate with these roles can do, as Talos would decide each call. */
export function taskDecisions(roles: readonly string[]): TaskDecision[] {
  return tasks.map((task) => {
    const { methods, adminOnly } = taskNeeds(task);
    const decision = canRunCommand(roles, {
      command: task.label.toLowerCase(),
      methods,
      ...(adminOnly === undefined ? {} : { adminOnly }),
    });
    return { task, allowed: decision.allowed, reason: decision.reason };
  });
}
