import { UsageError } from '../../shared/user-error.js';
import type { CliCommand, GlobalOptions } from './command.js';
import { ExitCode } from './exit-codes.js';
import { writeLine, type CliIo } from './io.js';

/**
 * Commands load lazily: `talcred list` should not pay for X.509 or age code it never runs
 * (DESIGN.md: cold start <= 4x `node -e ""`).
 */
const commands: Record<string, { summary: string; load: () => Promise<CliCommand> }> = {
  roles: {
    summary: 'list the Talos roles and the API methods each allows',
    load: async () => (await import('./commands/roles.js')).rolesCommand,
  },
  can: {
    summary: 'tell whether a set of roles may call API methods or talosctl commands',
    load: async () => (await import('./commands/can.js')).canCommand,
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
    writeLine(io.stdout, `${command.help.trimEnd()}\n\n${GLOBAL_HELP}`);
    return ExitCode.ok;
  }
  return command.run(commandArgs, io, globals);
}
