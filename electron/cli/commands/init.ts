import { existsSync } from 'node:fs';
import { UsageError } from '../../../shared/user-error.js';
import { parseCommandArgs } from '../args.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { printJson, writeLine } from '../io.js';
import { confirm } from '../prompt.js';
import { newPassphrase, openServices } from '../vault-access.js';

const help = `Usage: talcred init [--passphrase] [--import | --no-import] [--json]

Creates the encrypted vault. Its key is a random 256-bit key kept in the OS keychain (macOS Keychain,
Windows Credential Manager, the Secret Service on Linux). With --passphrase the key is derived from a
passphrase instead (scrypt), for machines without a keychain: TALCRED_PASSPHRASE or a prompt.

If talosctl's config file exists, init offers to import its contexts (--import: yes without asking).
An existing vault is never replaced.`;

export const initCommand: CliCommand = {
  help,
  async run(argv, io, globals) {
    const { values, positionals } = parseCommandArgs('init', argv, {
      passphrase: { type: 'boolean' },
      import: { type: 'boolean' },
      'no-import': { type: 'boolean' },
      json: { type: 'boolean' },
    });
    if (positionals.length > 0) throw new UsageError('init takes no arguments (see `talcred init --help`)');
    const { vault } = openServices(io, globals);
    const before = await vault.status({ brief: true });
    const talosconfig = before.talosconfig;
    // Over an existing vault init only fails: do not ask a question first.
    const offer = !before.exists && existsSync(talosconfig.path) && values['no-import'] !== true;
    const wanted =
      offer && (values.import === true || (await confirm(io, `Import the contexts of ${talosconfig.path}?`)));
    const keySource = values.passphrase === true ? 'passphrase' : 'keychain';
    const passphrase =
      keySource === 'passphrase' && !before.exists
        ? await newPassphrase(io, 'TALCRED_PASSPHRASE')
        : undefined;
    const created = await vault.init({
      keySource,
      ...(passphrase === undefined ? {} : { passphrase }),
      importTalosconfig: wanted,
    });
    const { imported } = created;

    if (values.json === true) {
      printJson(io, created);
      return ExitCode.ok;
    }
    writeLine(
      io.stdout,
      `created ${created.vaultPath} (key: ${created.keySource === 'keychain' ? 'OS keychain' : 'passphrase'})`,
    );
    if (imported) {
      const names = [...imported.added, ...imported.renamed.map((r) => r.to)];
      writeLine(
        io.stdout,
        `imported ${names.length} context(s) from ${talosconfig.path}: ${names.join(', ')}`,
      );
      writeLine(
        io.stdout,
        'switch with `talcred use NAME`; once you do, that file holds only the current context',
      );
    } else if (offer) {
      writeLine(io.stdout, `import ${talosconfig.path} later with \`talcred import ${talosconfig.path}\``);
    }
    return ExitCode.ok;
  },
};
