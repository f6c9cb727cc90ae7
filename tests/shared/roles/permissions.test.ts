import { describe, expect, it } from 'vitest';
import { permissionTable } from '../../../shared/roles/permissions-table.js';
import {
  allowedMethods,
  canCall,
  normalizeMethod,
  smallestRoleSets,
} from '../../../shared/roles/permissions.js';

const M = '/machine.MachineService/';

describe('normalizeMethod', () => {
  it.each([
    ['/machine.MachineService/Reboot', `${M}Reboot`],
    ['machine.MachineService/Reboot', `${M}Reboot`],
    ['MachineService/Reboot', `${M}Reboot`],
    ['  /machine.MachineService/Reboot  ', `${M}Reboot`],
    ['State/Get', '/cosi.resource.State/Get'],
    ['StorageService/Statfs', '/machine.StorageService/Statfs'],
    ['StorageService/Disks', '/storage.StorageService/Disks'],
    ['/future.FutureService/Thing', '/future.FutureService/Thing'],
  ])('reads %s as %s', (text, expected) => {
    expect(normalizeMethod(text)).toBe(expected);
  });

  it.each(['Reboot', 'MachineService/Nothing', 'reboot now', '/machine.MachineService/', '', 'a/b/c'])(
    'refuses %j',
    (text) => {
      expect(normalizeMethod(text)).toBeUndefined();
    },
  );
});

describe('canCall', () => {
  it('allows a method when any held role is listed, and says which', () => {
    expect(canCall(['os:reader', 'os:etcd:backup'], `${M}EtcdSnapshot`)).toEqual({
      allowed: true,
      reason: 'allowed by os:etcd:backup',
    });
    expect(canCall(['os:operator'], 'MachineService/Reboot')).toEqual({
      allowed: true,
      reason: 'allowed by os:operator',
    });
  });

  it('denies with the roles the method needs', () => {
    const decision = canCall(['os:reader'], `${M}Reboot`);
    expect(decision.allowed).toBe(false);
    expect(decision.reason).toBe(`PermissionDenied: ${M}Reboot needs one of os:admin, os:operator`);
    expect(canCall(['os:operator'], `${M}Reset`).reason).toBe(`PermissionDenied: ${M}Reset needs os:admin`);
  });

  it('refuses everything without roles, as Talos does', () => {
    for (const roles of [[], [''], ['  ']]) {
      const decision = canCall(roles, `${M}Version`);
      expect(decision.allowed).toBe(false);
      expect(decision.reason).toMatch(/^PermissionDenied: not authorized/);
    }
  });

  it('lets os:admin and os:impersonator call anything, even methods without a rule', () => {
    expect(canCall(['os:admin'], `${M}Reset`)).toEqual({ allowed: true, reason: 'allowed by os:admin' });
    const impersonated = canCall(['os:impersonator'], `${M}GenerateClientConfiguration`);
    expect(impersonated.allowed).toBe(true);
    expect(impersonated.reason).toContain('os:impersonator');
    const unruled = canCall(['os:admin'], '/machine.MachineService/SomethingNew');
    expect(unruled).toEqual({
      allowed: true,
      reason:
        'allowed by os:admin; /machine.MachineService/SomethingNew has no rule, so only admin may call it',
    });
  });

  it('keeps methods without a rule, known or not, for os:admin only and says so', () => {
    const decision = canCall(['os:operator', 'os:reader'], '/machine.MachineService/SomethingNew');
    expect(decision.allowed).toBe(false);
    expect(decision.reason).toContain('has no rule in the Talos 1.14 permission table: os:admin only');
  });

  it('keeps an unknown role but lets it grant nothing, and names it', () => {
    const decision = canCall(['os:future'], `${M}Version`);
    expect(decision.allowed).toBe(false);
    expect(decision.reason).toContain('os:future is unknown and grants nothing');
    expect(canCall(['os:future', 'os:reader'], `${M}Version`)).toEqual({
      allowed: true,
      reason: 'allowed by os:reader',
    });
  });

  it('carries the table note when only a restricted grant allows the call', () => {
    expect(canCall(['os:reader'], `${M}ApplyConfiguration`)).toEqual({
      allowed: true,
      reason: 'allowed by os:reader (reader only in maintenance mode)',
      restriction: 'reader only in maintenance mode',
    });
    expect(canCall(['os:admin', 'os:reader'], `${M}ApplyConfiguration`).restriction).toBeUndefined();
  });

  it('reads roles as Talos does: trimmed, empty skipped', () => {
    expect(canCall([' os:operator ', ''], `${M}Reboot`).allowed).toBe(true);
  });
});

describe('allowedMethods', () => {
  it('gives os:etcd:backup exactly the etcd read and snapshot methods', () => {
    expect(allowedMethods(['os:etcd:backup'])).toEqual([
      `${M}EtcdAlarmList`,
      `${M}EtcdMemberList`,
      `${M}EtcdSnapshot`,
      `${M}EtcdStatus`,
    ]);
  });

  it('gives admin-equivalent roles the whole table, and no roles nothing', () => {
    const all = permissionTable.map((rule) => rule.method);
    expect(allowedMethods(['os:admin'])).toEqual(all);
    expect(allowedMethods(['os:impersonator'])).toEqual(all);
    expect(allowedMethods([])).toEqual([]);
    expect(allowedMethods(['os:future'])).toEqual([]);
  });

  it('unions the methods of several roles', () => {
    const both = allowedMethods(['os:reader', 'os:meta:writer']);
    expect(both).toContain(`${M}MetaWrite`);
    expect(both).toContain(`${M}Logs`);
    expect(both).not.toContain(`${M}Reboot`);
  });
});

describe('smallestRoleSets', () => {
  it('puts the narrow backup role first for an etcd snapshot, admin last', () => {
    expect(smallestRoleSets([`${M}EtcdSnapshot`])).toEqual([
      ['os:etcd:backup'],
      ['os:operator'],
      ['os:admin'],
    ]);
  });

  it('offers every irredundant combination, smallest first, then by name', () => {
    expect(smallestRoleSets(['MachineService/EtcdSnapshot', 'MachineService/Dmesg'])).toEqual([
      ['os:operator'],
      ['os:etcd:backup', 'os:reader'],
      ['os:admin'],
    ]);
    expect(smallestRoleSets([`${M}MetaWrite`, `${M}Reboot`])).toEqual([
      ['os:meta:writer', 'os:operator'],
      ['os:admin'],
    ]);
  });

  it('answers os:admin alone for admin-only and unknown methods', () => {
    expect(smallestRoleSets([`${M}Reset`])).toEqual([['os:admin']]);
    expect(smallestRoleSets(['/machine.MachineService/SomethingNew'])).toEqual([['os:admin']]);
  });

  it('does not count a maintenance-mode-only grant', () => {
    expect(smallestRoleSets([`${M}ApplyConfiguration`])).toEqual([['os:admin']]);
  });

  it('needs no roles for no methods', () => {
    expect(smallestRoleSets([])).toEqual([]);
  });
});
