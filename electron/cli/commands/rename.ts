import { UsageError } from '../../../shared/user-error.js';
import { parseCommandArgs } from '../args.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { writeLine } from '../io.js';
import { openServices } from '../vault-access.js';

export const renameCommand: CliCommand = {
  help: `Usage: talcred rename OLD NEW

Renames a context. If it is the current one, talosctl's config file is rewritten under the new name.`,
  async run(argv, io, globals) {
    const { positionals } = parseCommandArgs('rename', argv, {});
    const [from, to, ...extra] = positionals;
    if (from === undefined || to === undefined || extra.length > 0 || to === '') {
      throw new UsageError('rename takes OLD and NEW (see `talcred rename --help`)');
    }
    await openServices(io, globals).vault.rename({ from, to });
    writeLine(io.stdout, `renamed "${from}" -> "${to}"`);
    return ExitCode.ok;
  },
};
