import { UsageError } from '../../../shared/user-error.js';
import { parseCommandArgs } from '../args.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { writeLine } from '../io.js';
import { openServices } from '../vault-access.js';
import { requireNewContextName } from '../../../shared/talosconfig/field-checks.js';
import { quoteName } from '../../../shared/quote-name.js';

export const renameCommand: CliCommand = {
  help: `Usage: talcred rename OLD NEW

Renames a context. If it is the current one, talosctl's config file is rewritten under the new name.`,
  async run(argv, io, globals) {
    const { positionals } = parseCommandArgs('rename', argv, {});
    const [from, to, ...extra] = positionals;
    if (from === undefined || to === undefined || extra.length > 0 || to === '') {
      throw new UsageError('rename takes OLD and NEW (see `talcred rename --help`)');
    }
    requireNewContextName(to);
    await openServices(io, globals).vault.rename({ from, to });
    writeLine(io.stdout, `renamed ${quoteName(from)} -> ${quoteName(to)}`);
    return ExitCode.ok;
  },
};
