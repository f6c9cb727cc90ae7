import { describe, expect, it } from 'vitest';
import { canRunCommand } from '../../../shared/roles/command-permissions.js';
import { permissionTable } from '../../../shared/roles/permissions-table.js';
import {
  lookupCommand,
  talosctlCommands,
  type TalosctlCommand,
} from '../../../shared/roles/talosctl-commands.js';

const M = '/machine.MachineService/';

function command(text: string): TalosctlCommand {
  const found = lookupCommand(text);
  if (!found) throw new Error(`no command ${text}`);
  return found;
}

describe('talosctlCommands', () => {
  it('names only methods of the permission table', () => {
    const known = new Set(permissionTable.map((rule) => rule.method));
    for (const entry of talosctlCommands) {
      expect(entry.methods.length, entry.command).toBeGreaterThan(0);
      for (const method of entry.methods) expect(known.has(method), `${entry.command}: ${method}`).toBe(true);
    }
  });

  it('gives every name and alias to exactly one command', () => {
    const names = talosctlCommands.flatMap((entry) => [entry.command, ...(entry.aliases ?? [])]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('covers the commands people ask about', () => {
    const wanted = [
      'reboot',
      'shutdown',
      'reset',
      'upgrade',
      'rollback',
      'apply-config',
      'edit machineconfig',
      'patch machineconfig',
      'logs',
      'dmesg',
      'services',
      'restart',
      'containers',
      'stats',
      'processes',
      'memory',
      'mounts',
      'disks',
      'get',
      'version',
      'health',
      'time',
      'etcd snapshot',
      'etcd members',
      'etcd status',
      'etcd alarm list',
      'etcd alarm disarm',
      'etcd defrag',
      'etcd leave',
      'etcd forfeit-leadership',
      'etcd remove-member',
      'bootstrap',
      'kubeconfig',
      'read',
      'copy',
      'cp',
      'list',
      'ls',
      'netstat',
      'pcap',
      'image list',
      'image pull',
      'dashboard',
      'config new',
      'meta write',
      'meta delete',
      'wipe disk',
      'events',
      'usage',
      'cgroups',
    ];
    for (const name of wanted) expect(lookupCommand(name), name).toBeDefined();
  });
});

describe('lookupCommand', () => {
  it('matches multi-word commands as one string, ignoring spacing, case and a leading talosctl', () => {
    expect(command('etcd snapshot').methods).toEqual([`${M}EtcdSnapshot`]);
    expect(command('  talosctl   ETCD  Snapshot ').command).toBe('etcd snapshot');
    expect(command('cp').command).toBe('copy');
    expect(command('config new').methods).toEqual([`${M}GenerateClientConfiguration`]);
    expect(command('etcd alarm disarm').methods).toEqual([`${M}EtcdAlarmDisarm`]);
  });

  it('reads `service ID action` with the service ID in the middle', () => {
    expect(command('service kubelet restart').methods).toEqual([`${M}ServiceRestart`]);
    expect(command('service etcd stop').methods).toEqual([`${M}ServiceStop`]);
    expect(command('service').methods).toEqual([`${M}ServiceList`]);
    expect(lookupCommand('service kubelet explode')).toBeUndefined();
  });

  it('knows nothing of unknown commands', () => {
    expect(lookupCommand('etcd')).toBeUndefined();
    expect(lookupCommand('frobnicate')).toBeUndefined();
    expect(lookupCommand('')).toBeUndefined();
  });
});

describe('canRunCommand', () => {
  it('allows a command only when every method it calls is allowed', () => {
    expect(canRunCommand(['os:operator'], command('reboot')).allowed).toBe(true);
    const reader = canRunCommand(['os:reader'], command('reboot'));
    expect(reader).toEqual({
      allowed: false,
      reason: `PermissionDenied: ${M}Reboot needs one of os:admin, os:operator`,
    });
    expect(canRunCommand(['os:etcd:backup'], command('etcd snapshot')).allowed).toBe(true);
    expect(canRunCommand(['os:operator'], command('cgroups')).reason).toBe(
      `PermissionDenied: ${M}Copy needs os:admin`,
    );
  });

  it('needs os:admin for commands that read the machine configuration', () => {
    const denied = canRunCommand(['os:operator', 'os:reader'], command('edit machineconfig'));
    expect(denied.allowed).toBe(false);
    expect(denied.reason).toContain('sensitive resource');
    expect(canRunCommand(['os:admin'], command('patch mc')).allowed).toBe(true);
    expect(canRunCommand(['os:impersonator'], command('upgrade-k8s')).allowed).toBe(true);
    expect(canRunCommand([' os:admin '], command('edit machineconfig')).allowed).toBe(true);
  });

  it('passes on the maintenance-mode restriction', () => {
    const decision = canRunCommand(['os:reader'], command('apply-config'));
    expect(decision.allowed).toBe(true);
    expect(decision.restriction).toBe('reader only in maintenance mode');
    expect(decision.reason).toContain('reader only in maintenance mode');
  });

  it('refuses everything to a certificate without roles', () => {
    expect(canRunCommand([], command('version')).reason).toMatch(/^PermissionDenied: not authorized/);
  });
});
