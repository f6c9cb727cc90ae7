import { roleCatalog, type RoleInfo } from '../../../shared/roles/catalog.js';
import { permissionTable } from '../../../shared/roles/permissions-table.js';
import { allowedMethods, canCall } from '../../../shared/roles/permissions.js';
import { UsageError } from '../../../shared/user-error.js';
import { parseCommandArgs } from '../args.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { printJson, writeText } from '../io.js';

const help = `Usage: talcred roles [--json]

Lists the Talos roles a client certificate can carry, what each is for, and the API methods each one
allows, from the permission table of Talos 1.14. There is no hierarchy between roles: a certificate may
call a method when any of its roles is listed for it. Methods without a rule are os:admin only, and
os:impersonator counts as admin because it may claim any role.

  --json   one JSON array: [{"role", "description", "adminEquivalent", "methods"}]

Examples:
  talcred roles
  talcred roles --json | jq '.[] | select(.role == "os:etcd:backup").methods'`;

interface RoleSummary {
  role: string;
  description: string;
  adminEquivalent: boolean;
  methods: string[];
}

function summarize(info: RoleInfo): RoleSummary {
  return {
    role: info.role,
    description: info.description,
    adminEquivalent: info.adminEquivalent,
    methods: allowedMethods([info.role]),
  };
}

const WIDTH = 110;

/** `package.Service  MethodA, MethodB*, ...`, wrapped; a star marks a grant the table restricts. */
function methodLines(role: string, methods: readonly string[]): string[] {
  const byService = new Map<string, string[]>();
  for (const method of methods) {
    const [, service = '', name = ''] = method.split('/');
    const restricted = canCall([role], method).restriction !== undefined;
    byService.set(service, [...(byService.get(service) ?? []), restricted ? `${name}*` : name]);
  }
  const width = Math.max(...[...byService.keys()].map((service) => service.length));
  const lines: string[] = [];
  for (const [service, names] of byService) {
    const indent = `    ${' '.repeat(width)}  `;
    let line = `    ${service.padEnd(width)}  `;
    names.forEach((name, index) => {
      const piece = index < names.length - 1 ? `${name}, ` : name;
      if (line.length + piece.trimEnd().length > WIDTH && line.length > indent.length) {
        lines.push(line.trimEnd());
        line = indent;
      }
      line += piece;
    });
    lines.push(line.trimEnd());
  }
  return lines;
}

function formatRole(summary: RoleSummary): string {
  const title = summary.adminEquivalent ? `${summary.role}  (admin-equivalent)` : summary.role;
  const lines = [title, `  ${summary.description}`];
  if (summary.adminEquivalent) {
    lines.push(
      `  allows every method: all ${permissionTable.length} rules of the table and every method without one`,
    );
    return lines.join('\n');
  }
  lines.push(`  allows ${summary.methods.length} method${summary.methods.length === 1 ? '' : 's'}:`);
  lines.push(...methodLines(summary.role, summary.methods));
  return lines.join('\n');
}

function footnotes(): string {
  const notes = [...new Set(permissionTable.flatMap((rule) => rule.note ?? []))];
  return [
    ...notes.map((note) => `* ${note}`),
    'Reading sensitive resources (secrets, machine configuration) needs os:admin even where a method allows',
    'operator or reader.',
  ].join('\n');
}

export const rolesCommand: CliCommand = {
  help,
  run(argv, io) {
    const { values, positionals } = parseCommandArgs('roles', argv, { json: { type: 'boolean' } });
    if (positionals.length > 0) {
      throw new UsageError(
        `roles takes no arguments, got "${positionals.join(' ')}" (see \`talcred roles --help\`)`,
      );
    }
    const summaries = roleCatalog.map(summarize);
    if (values.json === true) {
      printJson(io, summaries);
    } else {
      writeText(io.stdout, [...summaries.map(formatRole), footnotes()].join('\n\n'));
    }
    return Promise.resolve(ExitCode.ok);
  },
};
