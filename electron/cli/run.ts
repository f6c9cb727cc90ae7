import { UsageError } from '../../shared/user-error.js';
import type { CliCommand, GlobalOptions } from './command.js';
import { ExitCode } from './exit-codes.js';
import { writeText, type CliIo } from './io.js';
import { commandsEndingElevations, endExpiredElevations } from './expired-elevations.js';

/**
 * Commands load lazily: `talcred list` should not pay for X.509 or age code it never runs
 * (DESIGN.md: cold start <= 4x `node -e ""`).
 */
const commands: Record<string, { summary: string; load: () => Promise<CliCommand> }> = {
  inspect: {
    summary: 'show every context of a talosconfig file: identity, roles, expiry, findings',
    load: async () => (await import('./commands/inspect.js')).inspectCommand,
  },
  merge: {
    summary: 'merge talosconfig files into one, as talosctl does (or --dedupe)',
    load: async () => (await import('./commands/merge.js')).mergeCommand,
  },
  roles: {
    summary: 'list the Talos roles and the API methods each allows',
    load: async () => (await import('./commands/roles.js')).rolesCommand,
  },
  can: {
    summary: 'tell whether a set of roles may call API methods or talosctl commands',
    load: async () => (await import('./commands/can.js')).canCommand,
  },
  init: {
    summary: 'create the encrypted vault (key in the OS keychain, or --passphrase)',
    load: async () => (await import('./commands/init.js')).initCommand,
  },
  status: {
    summary: 'where the vault is, its key, the current context, expiring credentials',
    load: async () => (await import('./commands/status.js')).statusCommand,
  },
  import: {
    summary: 'import talosconfig files into the vault (talosctl merge rules)',
    load: async () => (await import('./commands/import.js')).importCommand,
  },
  list: {
    summary: 'list the vault contexts with roles, expiry and findings',
    load: async () => (await import('./commands/list.js')).listCommand,
  },
  show: {
    summary: 'show one vault context in full (never its keys)',
    load: async () => (await import('./commands/show.js')).showCommand,
  },
  use: {
    summary: 'switch the context talosctl uses (writes its config file, 0600)',
    load: async () => (await import('./commands/use.js')).useCommand,
  },
  rename: {
    summary: 'rename a vault context',
    load: async () => (await import('./commands/rename.js')).renameCommand,
  },
  remove: {
    summary: 'remove contexts from the vault (asks; -y)',
    load: async () => (await import('./commands/remove.js')).removeCommand,
  },
  endpoints: {
    summary: "replace a context's endpoints",
    load: async () => (await import('./commands/endpoints.js')).endpointsCommand,
  },
  nodes: {
    summary: "replace a context's default nodes",
    load: async () => (await import('./commands/nodes.js')).nodesCommand,
  },
  label: {
    summary: 'set or remove labels on a context',
    load: async () => (await import('./commands/label.js')).labelCommand,
  },
  export: {
    summary: 'write contexts to a plain talosconfig for a teammate',
    load: async () => (await import('./commands/export.js')).exportCommand,
  },
  ca: {
    summary: 'import, list and remove the cluster CAs this vault issues with',
    load: async () => (await import('./commands/ca.js')).caCommand,
  },
  issue: {
    summary: 'issue a least-privilege talosconfig signed by a stored cluster CA',
    load: async () => (await import('./commands/issue.js')).issueCommand,
  },
  log: {
    summary: 'the issuance log and each CA revocation horizon',
    load: async () => (await import('./commands/log.js')).logCommand,
  },
  request: {
    summary: 'make a key inside the vault and a certificate request for it',
    load: async () => (await import('./commands/request.js')).requestCommand,
  },
  sign: {
    summary: "sign someone's certificate request with a stored cluster CA",
    load: async () => (await import('./commands/sign.js')).signCommand,
  },
  accept: {
    summary: 'store the certificate returned for a pending request as a vault context',
    load: async () => (await import('./commands/accept.js')).acceptCommand,
  },
  renew: {
    summary: 'renew contexts with a stored CA (same roles, identity, lifetime); --due for all due',
    load: async () => (await import('./commands/renew.js')).renewCommand,
  },
  elevate: {
    summary: 'just-in-time privilege: a short-lived NAME-elevated context, switched to; --end',
    load: async () => (await import('./commands/elevate.js')).elevateCommand,
  },
  doctor: {
    summary: 'check vault contexts offline and, with --online, against their endpoints',
    load: async () => (await import('./commands/doctor.js')).doctorCommand,
  },
  settings: {
    summary: 'show or change the vault settings (mode, TTLs, expiry warning)',
    load: async () => (await import('./commands/settings.js')).settingsCommand,
  },
  sweep: {
    summary: 'find plaintext Talos credentials on disk; --import them, --remove the copies',
    load: async () => (await import('./commands/sweep.js')).sweepCommand,
  },
  lock: {
    summary: "remove the plaintext credential from talosctl's config file",
    load: async () => (await import('./commands/lock.js')).lockCommand,
  },
  rekey: {
    summary: 'move the vault to another key source, or a fresh key',
    load: async () => (await import('./commands/rekey.js')).rekeyCommand,
  },
  restore: {
    summary: 'put a vault backup back',
    load: async () => (await import('./commands/restore.js')).restoreCommand,
  },
};

const GLOBAL_HELP = `Global options (before or after the command):
  --home DIR          vault folder (default: $TALCRED_HOME or the platform's app data folder)
  --talosconfig PATH  the talosctl config file (default: talosctl's own resolution)
  -h, --help          help for talcred or for one command`;

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const lines = Object.entries(commands).map(([name, { summary }]) => `  ${name.padEnd(width)}  ${summary}`);
  return `talcred: Talos credential manager\n\nUsage: talcred COMMAND [ARGS] [--json]\n\nCommands:\n${lines.join('\n')}\n\n${GLOBAL_HELP}\n`;
}

/** Takes `--home` and `--talosconfig` out of argv wherever they stand. */
export function extractGlobals(argv: readonly string[]): { globals: GlobalOptions; rest: string[] } {
  const globals: GlobalOptions = { home: undefined, talosconfig: undefined };
  const rest: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? '';
    if (arg === '--') {
      rest.push(...argv.slice(index));
      break;
    }
    const match = /^--(home|talosconfig)(?:=(.*))?$/s.exec(arg);
    if (!match) {
      rest.push(arg);
      continue;
    }
    const value = match[2] ?? argv[++index];
    if (value === undefined || value === '') throw new UsageError(`--${match[1] ?? ''} needs a value`);
    globals[match[1] === 'home' ? 'home' : 'talosconfig'] = value;
  }
  return { globals, rest };
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const { globals, rest } = extractGlobals(argv);
  const [name, ...commandArgs] = rest;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage());
    return name === undefined ? ExitCode.badInput : ExitCode.ok;
  }
  const entry = commands[name];
  if (!Object.hasOwn(commands, name) || !entry) {
    throw new UsageError(`unknown command "${name}" (see \`talcred --help\`)`);
  }
  const command = await entry.load();
  if (commandArgs.includes('--help') || commandArgs.includes('-h')) {
    writeText(io.stdout, `${command.help.trimEnd()}\n\n${GLOBAL_HELP}`);
    return ExitCode.ok;
  }
  if (commandsEndingElevations.has(name)) await endExpiredElevations(io, globals);
  return command.run(commandArgs, io, globals);
}
