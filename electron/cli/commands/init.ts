import { existsSync } from 'node:fs';
import { UsageError } from '../../../shared/user-error.js';
import { readTalosconfigOrEmpty } from '../../talosconfig-file.js';
import { parseCommandArgs } from '../args.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { printJson, writeLine } from '../io.js';
import { confirm } from '../prompt.js';
import { openService } from '../vault-access.js';

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
    const service = openService(io, globals);
    const talosconfig = service.deps.talosconfig();
    // Over an existing vault init only fails: do not ask a question first.
    const offer =
      !(await service.deps.store.exists()) && existsSync(talosconfig.path) && values['no-import'] !== true;
    const wanted =
      offer && (values.import === true || (await confirm(io, `Import the contexts of ${talosconfig.path}?`)));
    // Check the file before the vault exists: one that cannot be imported must not leave a half-done init
    // behind (exit 2 changes nothing on disk).
    if (wanted) await readTalosconfigOrEmpty(talosconfig.path);
    const created = await service.init({ keySource: values.passphrase === true ? 'passphrase' : 'keychain' });
    const imported = wanted
      ? await service.importContexts({ sources: [{ kind: 'file', path: talosconfig.path }] })
      : null;

    if (values.json === true) {
      printJson(io, { ...created, imported });
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
