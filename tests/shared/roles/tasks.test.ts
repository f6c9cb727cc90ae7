import { describe, expect, it } from 'vitest';
import { knownRoles } from '../../../shared/roles/catalog.js';
import { canCall } from '../../../shared/roles/permissions.js';
import { permissionTable } from '../../../shared/roles/permissions-table.js';
import { rolesForTasks, taskDecisions, taskNeeds, tasks } from '../../../shared/roles/tasks.js';

const ids = tasks.map((task) => task.id);

/** Every combination of roles with no admin-equivalent one: the sets rolesForTasks may choose among. */
function plainRoleSets(): string[][] {
  const plain = knownRoles.filter((role) => role !== 'os:admin' && role !== 'os:impersonator');
  return plain.reduce<string[][]>((sets, role) => [...sets, ...sets.map((set) => [...set, role])], [[]]);
}

/** Whether roles cover a task by the permission table alone, without a maintenance-mode-only grant. */
function covers(roles: readonly string[], taskId: string): boolean {
  const task = tasks.find((entry) => entry.id === taskId);
  if (task === undefined) throw new Error(taskId);
  const { methods, adminOnly } = taskNeeds(task);
  if (adminOnly !== undefined) return roles.includes('os:admin');
  return methods.every((method) => {
    const decision = canCall(roles, method);
    return decision.allowed && decision.restriction === undefined;
  });
}

const breadth = (roles: readonly string[]) =>
  permissionTable.filter((rule) => canCall(roles, rule.method).allowed).length;

describe('tasks', () => {
  it('name only talosctl commands and table methods that exist', () => {
    for (const task of tasks) {
      const { methods } = taskNeeds(task);
      expect(methods.length, task.id).toBeGreaterThan(0);
      for (const method of methods) {
        expect(
          permissionTable.some((rule) => rule.method === method),
          `${task.id}: ${method}`,
        ).toBe(true);
      }
    }
  });
});

describe('rolesForTasks', () => {
  it.each([
    [['observe'], ['os:reader']],
    [['reboot'], ['os:operator']],
    [['etcd-snapshot'], ['os:etcd:backup']],
    [
      ['observe', 'etcd-snapshot'],
      ['os:etcd:backup', 'os:reader'],
    ],
    [['images'], ['os:operator']],
    [['verify-images'], ['os:image:verifier']],
    [['meta'], ['os:meta:writer']],
    [['observe', 'reboot'], ['os:operator']],
    // LifecycleService/Upgrade and the machine configuration are os:admin only.
    [['upgrade'], ['os:admin']],
    [['edit-config'], ['os:admin']],
    [['read-secrets'], ['os:admin']],
    [[], []],
  ])('%j → %j', (chosen, roles) => {
    expect(rolesForTasks(chosen)).toEqual(roles);
  });

  // Against the permission table: for every pair of tasks, the proposal covers them, and no set of plain
  // roles that covers them allows fewer methods.
  const pairs = ids.flatMap((a, index) => ids.slice(index).map((b) => [...new Set([a, b])]));
  it.each(pairs.map((pair) => [pair.join(' + '), pair] as const))(
    '%s: covering, and no covering role set grants less',
    (_, chosen) => {
      const roles = rolesForTasks(chosen);
      for (const id of chosen) expect(covers(roles, id), id).toBe(true);
      const alternatives = plainRoleSets().filter((set) => chosen.every((id) => covers(set, id)));
      if (roles.includes('os:admin')) expect(alternatives).toEqual([]);
      else for (const set of alternatives) expect(breadth(set)).toBeGreaterThanOrEqual(breadth(roles));
    },
  );
});

describe('taskDecisions', () => {
  it('reader: status yes; reboot, snapshots, config and secrets no, each saying what they need', () => {
    const byId = new Map(taskDecisions(['os:reader']).map((decision) => [decision.task.id, decision]));
    expect(byId.get('observe')?.allowed).toBe(true);
    for (const id of ['reboot', 'upgrade', 'etcd-snapshot', 'edit-config', 'read-secrets']) {
      expect(byId.get(id)?.allowed, id).toBe(false);
      expect(byId.get(id)?.reason, id).toMatch(/PermissionDenied/);
    }
  });

  it('admin can do every task; no roles can do none', () => {
    expect(taskDecisions(['os:admin']).every((decision) => decision.allowed)).toBe(true);
    expect(taskDecisions([]).some((decision) => decision.allowed)).toBe(false);
  });

  it('agrees with rolesForTasks: the proposed roles can do each task they were proposed for', () => {
    for (const id of ids) {
      const decision = taskDecisions(rolesForTasks([id])).find((entry) => entry.task.id === id);
      expect(decision?.allowed, id).toBe(true);
    }
  });
});
