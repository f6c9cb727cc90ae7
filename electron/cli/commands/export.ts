import { resolve } from 'node:path';
import { UsageError } from '../../../shared/user-error.js';
import { savePathRef } from '../../../shared/contract/file-ref.js';
import { parseCommandArgs } from '../args.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { printJson, writeLine, type CliIo } from '../io.js';
import { canPrompt, promptHidden } from '../prompt.js';
import { openServices } from '../vault-access.js';

const help = `Usage: talcred export NAME... -o FILE [--force] [--json]
       talcred export NAME... -o FILE (--age-recipient age1... [--age-recipient ...] | --age-passphrase) [--force] [--json]

Writes the named contexts to FILE as a talosconfig (mode 0600); the first one named is its current
context. Where an issued certificate goes is recorded in the issuance log (\`talcred log\`).

  -o FILE            where to write; --force overwrites an existing FILE; "-" writes the plain
                     talosconfig to standard output
  --age-recipient R  encrypt FILE with age for this X25519 recipient (age1..., from age-keygen -y;
                     repeatable): the teammate opens it with \`age -d -i key.txt FILE\` or
                     \`talcred import FILE --age-identity key.txt\`
  --age-passphrase   encrypt FILE with a passphrase (age -p, scrypt): from $TALCRED_EXPORT_PASSPHRASE,
                     else asked twice
  --json             {"path", "contexts"} (and "encryption" for age)

Without age, the file holds private keys in plaintext: hand it over safely and delete it after use.`;

const PLAINTEXT_WARNING = 'holds private keys in plaintext; hand it over safely and delete it after use';

/** $TALCRED_EXPORT_PASSPHRASE for scripts, else asked twice on the terminal. */
async function exportPassphrase(io: CliIo): Promise<string> {
  const fromEnv = io.env.TALCRED_EXPORT_PASSPHRASE;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!canPrompt(io))
    throw new UsageError('--age-passphrase needs a terminal to ask on, or set TALCRED_EXPORT_PASSPHRASE');
  const first = await promptHidden(io, 'Passphrase for the file: ');
  const second = await promptHidden(io, 'Type it again: ');
  if (first !== second) throw new UsageError('the two passphrases differ; nothing was written');
  return first;
}

export const exportCommand: CliCommand = {
  help,
  async run(argv, io, globals) {
    const { values, positionals } = parseCommandArgs('export', argv, {
      output: { type: 'string', short: 'o' },
      force: { type: 'boolean' },
      'age-recipient': { type: 'string', multiple: true },
      'age-passphrase': { type: 'boolean' },
      json: { type: 'boolean' },
    });
    if (positionals.length === 0 || values.output === undefined) {
      throw new UsageError('export takes context names and -o FILE (see `talcred export --help`)');
    }
    const recipients = values['age-recipient'] ?? [];
    const services = openServices(io, globals);
    if (values.output === '-') {
      if (recipients.length > 0 || values['age-passphrase'] === true || values.json === true)
        throw new UsageError('-o - writes the plain talosconfig; for age or --json give a file');
      await services.vault.exportContexts({ names: positionals, output: { kind: 'stdout' } });
      writeLine(io.stderr, `warning: standard output ${PLAINTEXT_WARNING}`);
      return ExitCode.ok;
    }
    const output = savePathRef(resolve(io.cwd, values.output), values.force === true);
    if (recipients.length > 0 || values['age-passphrase'] === true) {
      if (recipients.length > 0 && values['age-passphrase'] === true)
        throw new UsageError('use --age-recipient or --age-passphrase, not both');
      const passphrase = recipients.length > 0 ? undefined : await exportPassphrase(io);
      const result = await services.issuing.exportAge({
        names: positionals,
        output,
        recipients,
        ...(passphrase === undefined ? {} : { passphrase }),
      });
      if (values.json === true) printJson(io, result);
      else
        writeLine(
          io.stdout,
          `wrote ${result.contexts.join(', ')} to ${result.path} (age, ${passphrase === undefined ? `${recipients.length} recipient(s)` : 'passphrase'})`,
        );
      return ExitCode.ok;
    }
    // Absolute: the issuance log records where it went, and must say so from any folder.
    const result = await services.vault.exportContexts({ names: positionals, output });
    if (values.json === true) printJson(io, result);
    else writeLine(io.stdout, `wrote ${result.contexts.join(', ')} to ${result.path}`);
    writeLine(io.stderr, `warning: ${result.path} ${PLAINTEXT_WARNING}`);
    return ExitCode.ok;
  },
};
