import { isKnownRole, knownRoles, parseRoles } from '../../../shared/roles/catalog.js';
import { canRunCommand } from '../../../shared/roles/command-permissions.js';
import { canCall, normalizeMethod, type CallDecision } from '../../../shared/roles/permissions.js';
import { lookupCommand } from '../../../shared/roles/talosctl-commands.js';
import { UsageError } from '../../../shared/user-error.js';
import { parseCommandArgs } from '../args.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { printJson, writeLine } from '../io.js';

const help = `Usage: talcred can ROLES ITEM... [--json]

Tells whether a client certificate with ROLES may call each ITEM, as the Talos 1.14 API authorizer decides
it. Offline: it reads the permission table, not a cluster.

  ROLES    the certificate's roles, comma separated (os:reader,os:etcd:backup); "" means none
  ITEM     a Talos API method (/machine.MachineService/Reboot, machine.MachineService/Reboot or
           MachineService/Reboot) or a talosctl command (reboot, "etcd snapshot", etcd snapshot,
           "service kubelet restart"); a command is allowed only when every method it calls is
  --json   one JSON object: {"roles": [...], "results": [{"item", "methods", "allowed", "reason"}]}

Exit status: 0 when every item is allowed, 1 when any is denied, 2 for bad usage (an item that is neither
a method nor a command talcred knows).

Examples:
  talcred can os:reader,os:etcd:backup /machine.MachineService/EtcdSnapshot reboot
  talcred can os:operator etcd snapshot "etcd defrag" --json`;

interface ItemResult extends CallDecision {
  item: string;
  methods: string[];
}

/** Words in the longest talosctl command talcred knows (`etcd alarm list`). */
const MAX_COMMAND_WORDS = 3;

function resolveItems(args: readonly string[], roles: readonly string[]): ItemResult[] {
  const results: ItemResult[] = [];
  let index = 0;
  while (index < args.length) {
    const arg = args[index] ?? '';
    if (arg.includes('/')) {
      const method = normalizeMethod(arg);
      if (method === undefined) {
        throw new UsageError(
          `"${arg}" names no method of the permission table; write methods in full, e.g. /machine.MachineService/Reboot`,
        );
      }
      results.push({ item: arg, methods: [method], ...canCall(roles, method) });
      index += 1;
      continue;
    }
    const span = commandSpan(args, index);
    if (!span) {
      throw new UsageError(
        `"${arg}" is neither a Talos API method nor a talosctl command talcred knows (see \`talcred can --help\`)`,
      );
    }
    const { command, words } = span;
    results.push({
      item: args.slice(index, index + words).join(' '),
      methods: [...command.methods],
      ...canRunCommand(roles, command),
    });
    index += words;
  }
  return results;
}

/**
 * The longest run of arguments, from `start`, that names a command, so `etcd alarm list` unquoted is one item.
 * Several arguments must spell a command name exactly: `services logs restart` stays three commands, while
 * the quoted "service kubelet restart" is one.
 */
function commandSpan(args: readonly string[], start: number) {
  for (let words = Math.min(MAX_COMMAND_WORDS, args.length - start); words > 1; words--) {
    const text = args
      .slice(start, start + words)
      .join(' ')
      .toLowerCase();
    const command = lookupCommand(text);
    if (command && [command.command, ...(command.aliases ?? [])].includes(text)) return { command, words };
  }
  const command = lookupCommand(args[start] ?? '');
  return command ? { command, words: 1 } : undefined;
}

function parseRoleList(text: string): string[] {
  return parseRoles(text.split(','));
}

export const canCommand: CliCommand = {
  help,
  run(argv, io) {
    const { values, positionals } = parseCommandArgs('can', argv, { json: { type: 'boolean' } });
    const [rolesText, ...items] = positionals;
    if (rolesText === undefined || items.length === 0) {
      throw new UsageError('can needs ROLES and at least one method or command (see `talcred can --help`)');
    }
    const roles = parseRoleList(rolesText);
    const results = resolveItems(items, roles);

    const unknown = roles.filter((role) => !isKnownRole(role));
    if (unknown.length > 0) {
      writeLine(
        io.stderr,
        `talcred: warning: unknown role ${unknown.join(', ')} grants nothing (known: ${knownRoles.join(', ')})`,
      );
    }
    if (values.json === true) {
      printJson(io, {
        roles,
        results: results.map(({ item, methods, allowed, reason }) => ({ item, methods, allowed, reason })),
      });
    } else {
      const width = Math.max(...results.map((result) => result.item.length));
      for (const result of results) {
        const verdict = result.allowed ? 'allowed' : 'denied ';
        writeLine(io.stdout, `${verdict}  ${result.item.padEnd(width)}  ${result.reason}`);
      }
    }
    return Promise.resolve(results.every((result) => result.allowed) ? ExitCode.ok : ExitCode.no);
  },
};
