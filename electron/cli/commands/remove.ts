import { UsageError } from '../../../shared/user-error.js';
import { parseCommandArgs } from '../args.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { writeLine } from '../io.js';
import { canPrompt, confirm } from '../prompt.js';
import { openServices } from '../vault-access.js';
import { quoteName } from '../../../shared/quote-name.js';

export const removeCommand: CliCommand = {
  help: `Usage: talcred remove NAME... [-y]

Removes contexts from the vault after asking (-y: without asking; required when not on a terminal).
The current context cannot be removed: switch first. The last 3 vault generations stay as backups
(\`talcred restore\`).`,
  async run(argv, io, globals) {
    const { values, positionals } = parseCommandArgs('remove', argv, {
      yes: { type: 'boolean', short: 'y' },
    });
    if (positionals.length === 0)
      throw new UsageError('remove needs context names (see `talcred remove --help`)');
    if (values.yes !== true) {
      if (!canPrompt(io)) throw new UsageError('remove asks before deleting; pass -y when not on a terminal');
      if (
        !(await confirm(
          io,
          `Remove ${positionals.map((name) => quoteName(name)).join(', ')} from the vault?`,
        ))
      ) {
        writeLine(io.stdout, 'nothing removed');
        return ExitCode.no;
      }
    }
    const { removed } = await openServices(io, globals).vault.remove({ names: positionals });
    for (const name of removed) writeLine(io.stdout, `removed ${quoteName(name)}`);
    return ExitCode.ok;
  },
};
