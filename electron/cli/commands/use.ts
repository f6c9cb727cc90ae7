import { UsageError } from '../../../shared/user-error.js';
import { parseCommandArgs } from '../args.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { printJson, writeLine } from '../io.js';
import { openServices } from '../vault-access.js';
import { quoteName } from '../../../shared/quote-name.js';

const help = `Usage: talcred use NAME | --off [--json]

Switches the context talosctl uses: writes talosctl's config file (--talosconfig, $TALOSCONFIG,
$TALOS_HOME/config or ~/.talos/config) atomically with mode 0600. In the default mode "active" the file
holds only that context, so at most one credential sits in plaintext; in mode "all" it holds every context.
--off empties the file (talosctl then has no context).

Contexts in that file which the vault does not hold (added by talosctl or by hand) are imported into the
vault first (or the file is backed up as FILE.bak-TIMESTAMP, per the vault setting), and you are told.`;

export const useCommand: CliCommand = {
  help,
  async run(argv, io, globals) {
    const { values, positionals } = parseCommandArgs('use', argv, {
      off: { type: 'boolean' },
      json: { type: 'boolean' },
    });
    const name = positionals[0];
    if ((values.off === true) === (name !== undefined) || positionals.length > 1) {
      throw new UsageError('use takes one context name, or --off (see `talcred use --help`)');
    }
    const result = await openServices(io, globals).vault.use({ name: name ?? null });
    if (values.json === true) {
      printJson(io, result);
      return ExitCode.ok;
    }
    for (const { from, to } of result.foreign.imported) {
      writeLine(
        io.stderr,
        `saved context ${quoteName(from)} from ${result.path} into the vault${from === to ? '' : ` as ${quoteName(to)}`}`,
      );
    }
    if (result.foreign.backupPath)
      writeLine(io.stderr, `backed up ${result.path} to ${result.foreign.backupPath}`);
    writeLine(
      io.stdout,
      result.current
        ? `talosctl now uses ${quoteName(result.current)} (${result.path})`
        : `talosctl has no context now (${result.path})`,
    );
    return ExitCode.ok;
  },
};
