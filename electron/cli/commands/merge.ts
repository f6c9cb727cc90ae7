import {
  applyMergePlan,
  mergePlanSummary,
  planMerge,
  renameLine,
  type MergePlan,
} from '../../../shared/talosconfig/merge.js';
import { emptyConfig, type TalosConfig } from '../../../shared/talosconfig/model.js';
import { UsageError } from '../../../shared/user-error.js';
import {
  locateTalosconfig,
  readTalosconfigFile,
  readTalosconfigOrEmpty,
  readTalosconfigStream,
  writeTalosconfigFile,
} from '../../talosconfig-file.js';
import { parseCommandArgs } from '../args.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { printJson, writeLine, writeLines, type CliIo } from '../io.js';
import { quoteName } from '../../../shared/quote-name.js';

const help = `Usage: talcred merge FROM... [--into FILE] [--dedupe] [--replace] [--dry-run] [--json]

Merges talosconfigs into one file, as \`talosctl config merge\` does: an incoming context whose name is
taken is renamed NAME-1, NAME-2, ... (never lost), and the incoming current context becomes current.
Incoming contexts are merged in name order, so the result is the same on every run.

  FROM          talosconfig files to merge, in order; "-" reads standard input
  --into FILE   the file to merge into (default: the file talosctl uses); created if missing
  --dedupe      skip an incoming context identical to one already there (any name) instead of renaming
  --replace     an incoming context replaces the existing one of the same name instead of being renamed
  --dry-run     print what would change and write nothing
  --json        print the plan: {"added", "renamed", "replaced", "skipped", "current"}

The file is written atomically with mode 0600 (folder 0700).

Examples:
  talcred merge ./new-cluster/talosconfig
  talcred merge a.yaml b.yaml --into merged.yaml --dedupe --dry-run`;

export const mergeCommand: CliCommand = {
  help,
  async run(argv, io, globals) {
    const { values, positionals } = parseCommandArgs('merge', argv, {
      into: { type: 'string' },
      dedupe: { type: 'boolean' },
      replace: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
    });
    if (positionals.length === 0)
      throw new UsageError('merge needs at least one file (see `talcred merge --help`)');
    if (positionals.filter((file) => file === '-').length > 1) {
      throw new UsageError('standard input ("-") can be given only once');
    }

    const target = values.into ?? located(globals.talosconfig, io);
    // Read and check every input before writing anything: a bad file changes nothing on disk.
    const incoming = await readAll(positionals, io);
    const existingConfig = await readTalosconfigOrEmpty(target);
    const existing = existingConfig ?? emptyConfig();

    const options = {
      dedupe: values.dedupe === true,
      onConflict: values.replace ? 'replace' : 'rename',
    } as const;
    const plans: MergePlan[] = [];
    let merged: TalosConfig = existing;
    for (const config of incoming) {
      const plan = planMerge(merged, config, options);
      plans.push(plan);
      merged = applyMergePlan(merged, config, plan);
    }

    const summary = combinedSummary(plans, existing.context, merged.context);
    if (values['dry-run'] !== true) {
      // A merge that changes nothing (e.g. --dedupe of contexts already there) leaves the file as it is,
      // byte for byte, instead of rewriting it in talosctl's layout.
      if (existingConfig === undefined || changes(summary)) await writeTalosconfigFile(target, merged);
      // talosctl's lines, printed once they are true: a dry run or a failed write renamed nothing.
      for (const step of plans.flatMap((plan) => plan.steps)) {
        if (step.action === 'rename') writeLine(io.stderr, renameLine(step));
      }
    }
    if (values.json === true) printJson(io, summary);
    else if (values['dry-run'] === true) writeLines(io.stdout, describePlan(summary, target));
    return ExitCode.ok;
  },
};

function located(flag: string | undefined, io: CliIo): string {
  const resolved = locateTalosconfig(flag, io.env);
  if (resolved.readOnly) {
    throw new UsageError(`${resolved.path} is read-only (mounted by Kubernetes); give --into FILE`);
  }
  return resolved.path;
}

async function readAll(files: readonly string[], io: CliIo): Promise<TalosConfig[]> {
  const configs: TalosConfig[] = [];
  for (const file of files) {
    configs.push(file === '-' ? await readTalosconfigStream(io.stdin) : await readTalosconfigFile(file));
  }
  return configs;
}

type Summary = ReturnType<typeof mergePlanSummary>;

function combinedSummary(plans: readonly MergePlan[], from: string, to: string): Summary {
  const summaries = plans.map(mergePlanSummary);
  return {
    added: summaries.flatMap((summary) => summary.added),
    renamed: summaries.flatMap((summary) => summary.renamed),
    replaced: summaries.flatMap((summary) => summary.replaced),
    skipped: summaries.flatMap((summary) => summary.skipped),
    current: { from, to },
  };
}

function changes(summary: Summary): boolean {
  return (
    summary.added.length + summary.renamed.length + summary.replaced.length > 0 ||
    summary.current.from !== summary.current.to
  );
}

function describePlan(summary: Summary, target: string): string[] {
  const lines = [
    ...summary.added.map((name) => `add       ${name}`),
    ...summary.renamed.map(({ from, to }) => `rename    ${from} -> ${to}`),
    ...summary.replaced.map((name) => `replace   ${name}`),
    ...summary.skipped.map((name) => `skip      ${name} (identical context already present)`),
  ];
  if (summary.current.from !== summary.current.to) {
    lines.push(`current   ${quoteName(summary.current.from)} -> ${quoteName(summary.current.to)}`);
  }
  if (lines.length === 0) lines.push('nothing to change');
  return [`dry run: ${target} would change as follows (nothing written)`, ...lines];
}
