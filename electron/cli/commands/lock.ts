import { UsageError } from '../../../shared/user-error.js';
import { parseCommandArgs } from '../args.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { writeLine } from '../io.js';
import { openServices } from '../vault-access.js';

export const lockCommand: CliCommand = {
  help: `Usage: talcred lock

The vault is always encrypted at rest; the one plaintext copy of a credential is the context \`talcred use\`
wrote for talosctl. lock empties that file, so nothing usable is left on disk until the next
\`talcred use NAME\`. It needs no vault key (it works with a wrong passphrase or a locked keyring): a file
holding anything but what talcred last wrote there is first kept aside as FILE.bak-TIMESTAMP (0600).`,
  async run(argv, io, globals) {
    const { positionals } = parseCommandArgs('lock', argv, {});
    if (positionals.length > 0) throw new UsageError('lock takes no arguments');
    const result = await openServices(io, globals).vault.clearTalosconfig({});
    if (result.backupPath !== null) {
      writeLine(
        io.stderr,
        `${result.path} held more than talcred wrote there: kept aside as ${result.backupPath} (0600); import it with \`talcred import ${result.backupPath}\`, then delete it`,
      );
    }
    writeLine(io.stdout, `locked: ${result.path} holds no credential; \`talcred use NAME\` to work again`);
    return ExitCode.ok;
  },
};
