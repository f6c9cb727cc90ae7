import { UsageError } from '../../../shared/user-error.js';
import { parseCommandArgs } from '../args.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { printJson, writeLine } from '../io.js';
import { openService } from '../vault-access.js';

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'write contexts to a plain talosconfig file for a teammate',
  help: `Usage: talcred export NAME... -o FILE [--force] [--json]

Writes the named contexts to FILE as a plain talosconfig (mode 0600); the first one named is its current
context. The file holds private keys in plaintext: hand it over safely and delete it after use.
--force overwrites an existing FILE.`,
  async run(argv, io, globals) {
    const { values, positionals } = parseCommandArgs('export', argv, {
      output: { type: 'string', short: 'o' },
      force: { type: 'boolean' },
      json: { type: 'boolean' },
    });
    if (positionals.length === 0 || values.output === undefined) {
      throw new UsageError('export takes context names and -o FILE (see `talcred export --help`)');
    }
    const result = await openService(io, globals).exportContexts({
      names: positionals,
      path: values.output,
      overwrite: values.force === true,
    });
    if (values.json === true) printJson(io, result);
    else writeLine(io.stdout, `wrote ${result.contexts.join(', ')} to ${result.path}`);
    writeLine(
      io.stderr,
      `warning: ${result.path} holds private keys in plaintext; hand it over safely and delete it after use`,
    );
    return ExitCode.ok;
  },
};
