import type { ImportSource } from '../../../shared/contract/vault-contract.js';
import { UsageError } from '../../../shared/user-error.js';
import { STDIN_SOURCE } from '../../talosconfig-file.js';
import { parseCommandArgs } from '../args.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { printJson, readStream, writeLine } from '../io.js';
import { openService } from '../vault-access.js';

const help = `Usage: talcred import FILE...|- [--dedupe] [--replace] [--dry-run] [--json]

Imports talosconfig contexts into the vault with talosctl's merge rules: a context whose name is taken is
renamed NAME-1, NAME-2, ...; nothing is lost. Importing stores; it does not switch (see \`talcred use\`).

  FILE        talosconfig files; "-" reads standard input (pasted text)
  --dedupe    skip a context identical to one already in the vault (any name)
  --replace   a context replaces the vault's context of the same name (labels and note are kept)
  --dry-run   show what would change; change nothing
  --json      {"added", "renamed", "replaced", "skipped", "current", "written"}

After importing, you may delete the plaintext copies: the vault holds everything.`;

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'import talosconfig files into the vault (talosctl merge rules, --dedupe, --replace)',
  help,
  async run(argv, io, globals) {
    const { values, positionals } = parseCommandArgs('import', argv, {
      dedupe: { type: 'boolean' },
      replace: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
    });
    if (positionals.length === 0)
      throw new UsageError('import needs a file or "-" (see `talcred import --help`)');
    const sources: ImportSource[] = [];
    for (const file of positionals) {
      if (file !== '-') sources.push({ kind: 'file', path: file });
      else if (io.stdin.isTTY === true)
        throw new UsageError('"-" reads standard input, but it is a terminal; pipe a file in');
      else
        sources.push({
          kind: 'text',
          text: (await readStream(io.stdin)).toString('utf8'),
          label: STDIN_SOURCE,
        });
    }
    const result = await openService(io, globals).importContexts({
      sources,
      dedupe: values.dedupe === true,
      onConflict: values.replace === true ? 'replace' : 'rename',
      dryRun: values['dry-run'] === true,
    });
    if (values.json === true) {
      printJson(io, result);
      return ExitCode.ok;
    }
    const verb = result.written ? '' : 'would ';
    for (const name of result.added) writeLine(io.stdout, `${verb}add      ${name}`);
    for (const { from, to } of result.renamed)
      writeLine(io.stderr, `renamed talosconfig context "${from}" -> "${to}"`);
    for (const name of result.replaced) writeLine(io.stdout, `${verb}replace  ${name}`);
    for (const name of result.skipped)
      writeLine(io.stdout, `${verb}skip     ${name} (identical context already in the vault)`);
    if (!result.written) writeLine(io.stdout, 'dry run: nothing was changed');
    return ExitCode.ok;
  },
};
