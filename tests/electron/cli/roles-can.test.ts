import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { knownRoles } from '../../../shared/roles/catalog.js';

// The real binary, as a user runs it; `npm test` builds dist/ before vitest starts.
const bin = fileURLToPath(new URL('../../../bin/talcred.js', import.meta.url));
const built = fileURLToPath(new URL('../../../dist/cli/main.js', import.meta.url));

function talcred(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  if (!existsSync(built)) throw new Error('dist/cli is not built: run `npm run build` first');
});

describe('talcred roles', () => {
  it('prints every role with its description and methods', () => {
    const { code, stdout, stderr } = talcred('roles');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    for (const role of knownRoles) expect(stdout).toContain(role);
    expect(stdout).toMatch(/^os:admin {2}\(admin-equivalent\)$/m);
    expect(stdout).toMatch(
      /^os:etcd:backup\n.*\n {2}allows 4 methods:\n.*EtcdAlarmList, EtcdMemberList, EtcdSnapshot, EtcdStatus$/m,
    );
    expect(stdout).toContain('* reader only in maintenance mode');
  });

  it('prints a JSON array of {role, description, adminEquivalent, methods} with --json', () => {
    const { code, stdout } = talcred('roles', '--json');
    expect(code).toBe(0);
    const roles = JSON.parse(stdout) as {
      role: string;
      description: string;
      adminEquivalent: boolean;
      methods: string[];
    }[];
    expect(roles.map((entry) => entry.role)).toEqual([...knownRoles]);
    for (const entry of roles)
      expect(Object.keys(entry)).toEqual(['role', 'description', 'adminEquivalent', 'methods']);
    const byRole = new Map(roles.map((entry) => [entry.role, entry]));
    expect(byRole.get('os:impersonator')?.adminEquivalent).toBe(true);
    expect(byRole.get('os:admin')?.methods).toHaveLength(81);
    expect(byRole.get('os:meta:writer')).toMatchObject({
      adminEquivalent: false,
      methods: ['/machine.MachineService/MetaWrite', '/machine.MachineService/MetaDelete'],
    });
  });

  it('refuses arguments with exit 2', () => {
    const { code, stderr } = talcred('roles', 'os:admin');
    expect(code).toBe(2);
    expect(stderr).toContain('roles takes no arguments');
  });

  it('has help with usage and examples', () => {
    const { code, stdout } = talcred('roles', '--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: talcred roles \[--json\]/);
    expect(stdout).toContain('Examples:');
  });
});

describe('talcred can', () => {
  it('prints one line per item and exits 1 when any is denied', () => {
    const { code, stdout } = talcred(
      'can',
      'os:reader,os:etcd:backup',
      '/machine.MachineService/EtcdSnapshot',
      'reboot',
    );
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^allowed {2}\/machine\.MachineService\/EtcdSnapshot +allowed by os:etcd:backup$/,
    );
    expect(lines[1]).toMatch(
      /^denied {3}reboot +PermissionDenied: \/machine\.MachineService\/Reboot needs one of os:admin, os:operator$/,
    );
  });

  it('exits 0 when every item is allowed, reading unquoted multi-word commands as one', () => {
    const { code, stdout } = talcred(
      'can',
      'os:operator',
      'etcd',
      'snapshot',
      'etcd alarm list',
      'MachineService/Reboot',
      'logs',
    );
    expect(code).toBe(0);
    expect(
      stdout
        .trimEnd()
        .split('\n')
        .map((line) => line.split(/\s{2,}/)[1]),
    ).toEqual(['etcd snapshot', 'etcd alarm list', 'MachineService/Reboot', 'logs']);
  });

  it('answers in JSON with --json', () => {
    const { code, stdout } = talcred(
      'can',
      'os:reader, os:future',
      'apply-config',
      'machine.MachineService/Reset',
      '--json',
    );
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual({
      roles: ['os:future', 'os:reader'],
      results: [
        {
          item: 'apply-config',
          methods: ['/machine.MachineService/ApplyConfiguration'],
          allowed: true,
          reason: 'allowed: every method it calls accepts these roles (reader only in maintenance mode)',
        },
        {
          item: 'machine.MachineService/Reset',
          methods: ['/machine.MachineService/Reset'],
          allowed: false,
          reason:
            'PermissionDenied: /machine.MachineService/Reset needs os:admin; os:future is unknown and grants nothing',
        },
      ],
    });
  });

  it('warns about unknown roles on stderr', () => {
    const { stderr } = talcred('can', 'os:futur', 'version');
    expect(stderr).toContain('unknown role os:futur grants nothing');
  });

  it('denies everything to empty roles', () => {
    const { code, stdout } = talcred('can', '', 'version');
    expect(code).toBe(1);
    expect(stdout).toContain('PermissionDenied: not authorized');
  });

  it.each([
    [['can'], 'can needs ROLES'],
    [['can', 'os:reader'], 'can needs ROLES'],
    [['can', 'os:reader', 'frobnicate'], '"frobnicate" is neither a Talos API method nor a talosctl command'],
    [['can', 'os:reader', 'Nothing/Here'], '"Nothing/Here" names no method'],
    [['can', 'os:reader', 'version', '--bogus'], "Unknown option '--bogus'"],
  ])('exits 2 on bad usage: %j', (args, message) => {
    const { code, stdout, stderr } = talcred(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });

  it('has help with usage, exit codes and examples', () => {
    const { code, stdout } = talcred('can', '--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: talcred can ROLES ITEM\.\.\. \[--json\]/);
    expect(stdout).toContain('Exit status');
    expect(stdout).toContain('talcred can os:reader,os:etcd:backup');
  });
});
