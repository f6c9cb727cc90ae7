import type { ContextReport } from '../../../shared/context-report.js';
import type { TalosConfig } from '../../../shared/talosconfig/model.js';
import { UsageError } from '../../../shared/user-error.js';
import { diagnoseContext } from '../../pki/diagnose-context.js';
import {
  locateTalosconfig,
  readTalosconfigFile,
  readTalosconfigOrEmpty,
  readTalosconfigStream,
} from '../../talosconfig-file.js';
import { parseCommandArgs } from '../args.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { printJson, writeLine, writeLines, type CliIo } from '../io.js';
import { formatContextReports } from '../report-text.js';
import { quoteName } from '../../../shared/quote-name.js';

const help = `Usage: talcred inspect [FILE|-] [--context NAME] [--json] [--strict]

Shows every context of a talosconfig: endpoints, nodes, who the client certificate authenticates as, its
roles, when it expires, the CA it trusts, and what is wrong with it (findings with stable codes).
Reads nothing but the file: no network, no vault.

  FILE            a talosconfig; "-" reads standard input; default: the file talosctl uses
                  (--talosconfig, $TALOSCONFIG, $TALOS_HOME/config, ~/.talos/config, the pod secret)
  --context NAME  only this context
  --json          one JSON object: {"path", "current", "contexts": [...]}
  --strict        exit 1 when any finding is an error

Examples:
  talcred inspect
  talcred inspect ./talosconfig --context prod --json`;

export const inspectCommand: CliCommand = {
  help,
  async run(argv, io, globals) {
    const { values, positionals } = parseCommandArgs('inspect', argv, {
      context: { type: 'string' },
      json: { type: 'boolean' },
      strict: { type: 'boolean' },
    });
    if (positionals.length > 1) throw new UsageError('inspect takes one file (see `talcred inspect --help`)');
    const { path, config } = await loadConfig(positionals[0], io, globals.talosconfig);
    const reports = reportContexts(config, io.now(), values.context, path);

    if (values.json === true) {
      printJson(io, { path, current: config.context, contexts: reports });
    } else {
      writeLine(io.stdout, path);
      writeLines(io.stdout, formatContextReports(reports, io.now()));
    }
    const hasErrors = reports.some((report) =>
      report.findings.some((finding) => finding.severity === 'error'),
    );
    return values.strict === true && hasErrors ? ExitCode.no : ExitCode.ok;
  },
};

async function loadConfig(
  file: string | undefined,
  io: CliIo,
  talosconfigFlag: string | undefined,
): Promise<{ path: string; config: TalosConfig }> {
  if (file === '-') return { path: '-', config: await readTalosconfigStream(io.stdin) };
  if (file !== undefined) return { path: file, config: await readTalosconfigFile(file) };
  const located = locateTalosconfig(talosconfigFlag, io.env);
  if (!located.exists) return missingTalosconfig(located.path);
  // talosctl's own file: a FIFO there must be refused, not waited on (see readTalosconfigOrEmpty).
  const config = await readTalosconfigOrEmpty(located.path);
  if (config === undefined) return missingTalosconfig(located.path);
  return { path: located.path, config };
}

function missingTalosconfig(path: string): never {
  throw new UsageError(
    `${path}: no such file, and it is where talosctl looks; give FILE, --talosconfig PATH or set $TALOSCONFIG`,
  );
}

function reportContexts(
  config: TalosConfig,
  now: Date,
  only: string | undefined,
  path: string,
): ContextReport[] {
  const contexts = only === undefined ? config.contexts : config.contexts.filter((c) => c.name === only);
  if (only !== undefined && contexts.length === 0) {
    const names = config.contexts.map((context) => context.name).join(', ') || 'none';
    throw new UsageError(`${path}: no context ${quoteName(only)} (contexts: ${names})`);
  }
  return contexts.map((context) =>
    diagnoseContext(context, { now, current: context.name === config.context }),
  );
}
