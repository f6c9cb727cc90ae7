import { UsageError } from '../../../shared/user-error.js';
import { parseCommandArgs } from '../args.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { printJson, writeLine } from '../io.js';
import { openServices } from '../vault-access.js';

export const restoreCommand: CliCommand = {
  help: `Usage: talcred restore [BACKUP] [--list] [--json]

The vault keeps its last 3 generations as backups (vault.bak1 is the newest). restore puts one back: the
newest that decrypts, or the one named. The damaged vault is kept aside, never deleted.
--list shows the backups and whether each can be read.`,
  async run(argv, io, globals) {
    const { values, positionals } = parseCommandArgs('restore', argv, {
      list: { type: 'boolean' },
      json: { type: 'boolean' },
    });
    if (positionals.length > 1) throw new UsageError('restore takes at most one backup name');
    const service = openServices(io, globals).vault;
    if (values.list === true) {
      const rows = await service.listBackups({});
      if (values.json === true) printJson(io, rows);
      else
        for (const b of rows)
          writeLine(
            io.stdout,
            `${b.name}  ${b.savedAt ?? '-'}  ${b.readable ? 'readable' : `unreadable: ${b.problem ?? ''}`}`,
          );
      return ExitCode.ok;
    }
    const restored = await service.restore(positionals[0] === undefined ? {} : { backup: positionals[0] });
    if (values.json === true) printJson(io, restored);
    else
      writeLine(
        io.stdout,
        `restored ${restored.name}${restored.savedAt ? ` (saved ${restored.savedAt})` : ''}`,
      );
    return ExitCode.ok;
  },
};
