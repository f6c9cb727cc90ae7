import { resolve } from 'node:path';
import type { ImportSource } from '../../../shared/contract/vault-contract.js';

import { UsageError } from '../../../shared/user-error.js';
import { pathRef } from '../../../shared/contract/file-ref.js';
import type { ServiceSet } from '../../service/create-services.js';
import { ShareError } from '../../share/share-error.js';
import { STDIN_SOURCE } from '../../talosconfig-file.js';
import { parseCommandArgs } from '../args.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { printJson, readStream, writeLine, type CliIo } from '../io.js';
import { canPrompt, promptHidden } from '../prompt.js';
import { openServices } from '../vault-access.js';
import { quoteName } from '../../../shared/quote-name.js';

const help = `Usage: talcred import FILE...|- [--age-identity FILE...] [--dedupe] [--replace] [--dry-run] [--json]

Imports talosconfig contexts into the vault with talosctl's merge rules: a context whose name is taken is
renamed NAME-1, NAME-2, ...; nothing is lost. Importing stores; it does not switch (see \`talcred use\`).

  FILE        talosconfig files, plain or age-encrypted (told by content: \`talcred export\` with age,
              or \`age -r\` / \`age -p\`); "-" reads standard input (plain text)
  --age-identity FILE
              an age identity file (age-keygen) to open files encrypted to recipients (repeatable);
              a passphrase file asks for its passphrase, or takes $TALCRED_EXPORT_PASSPHRASE
  --dedupe    skip a context identical to one already in the vault (any name)
  --replace   a context replaces the vault's context of the same name (labels and note are kept)
  --dry-run   show what would change; change nothing
  --json      {"added", "renamed", "replaced", "skipped", "current", "written"}

After importing, you may delete the plaintext copies: the vault holds everything.`;

/** What the command builds: the operation's arguments, its sources filled in as passphrases are asked. */
type ImportArgs = Parameters<ServiceSet['vault']['importContexts']>[0] & { sources: ImportSource[] };

/** The passphrase of an age file: $TALCRED_EXPORT_PASSPHRASE, else asked on the terminal. */
async function agePassphrase(io: CliIo, file: string): Promise<string> {
  const fromEnv = io.env.TALCRED_EXPORT_PASSPHRASE;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!canPrompt(io))
    throw new UsageError(`${file} needs its passphrase: set TALCRED_EXPORT_PASSPHRASE or run on a terminal`);
  return promptHidden(io, `Passphrase of ${file}: `);
}

/**
 * Imports, asking for an age file's passphrase only once the service has found it is a passphrase file
 * (the service reads the file; the CLI only knows how to ask).
 */
async function importAsking(
  io: CliIo,
  vault: ServiceSet['vault'],
  args: ImportArgs,
): Promise<Awaited<ReturnType<ServiceSet['vault']['importContexts']>>> {
  for (;;) {
    try {
      return await vault.importContexts(args);
    } catch (error) {
      const source = args.sources.find(
        (candidate) =>
          error instanceof ShareError &&
          error.code === 'passphrase-needed' &&
          candidate.kind === 'file' &&
          candidate.agePassphrase === undefined &&
          candidate.file.kind === 'path' &&
          candidate.file.path === error.file,
      );
      if (source?.kind !== 'file' || source.file.kind !== 'path') throw error;
      source.agePassphrase = await agePassphrase(io, source.file.path);
    }
  }
}

export const importCommand: CliCommand = {
  help,
  async run(argv, io, globals) {
    const { values, positionals } = parseCommandArgs('import', argv, {
      dedupe: { type: 'boolean' },
      replace: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      'age-identity': { type: 'string', multiple: true },
      json: { type: 'boolean' },
    });
    const ageIdentities = (values['age-identity'] ?? []).map((file) => pathRef(resolve(io.cwd, file)));
    if (positionals.length === 0)
      throw new UsageError('import needs a file or "-" (see `talcred import --help`)');
    const sources: ImportSource[] = [];
    for (const file of positionals) {
      if (file !== '-') {
        sources.push({ kind: 'file', file: pathRef(resolve(io.cwd, file)), ageIdentities });
      } else if (io.stdin.isTTY === true)
        throw new UsageError('"-" reads standard input, but it is a terminal; pipe a file in');
      else
        sources.push({
          kind: 'text',
          text: (await readStream(io.stdin)).toString('utf8'),
          label: STDIN_SOURCE,
        });
    }
    const result = await importAsking(io, openServices(io, globals).vault, {
      sources,
      dedupe: values.dedupe === true,
      onConflict: values.replace === true ? 'replace' : 'rename',
      dryRun: values['dry-run'] === true,
    });
    if (values.json === true) {
      printJson(io, result);
      return ExitCode.ok;
    }
    const verb = result.written ? '' : 'would ';
    for (const name of result.added) writeLine(io.stdout, `${verb}add      ${name}`);
    for (const { from, to } of result.renamed)
      writeLine(io.stderr, `renamed talosconfig context ${quoteName(from)} -> ${quoteName(to)}`);
    for (const name of result.replaced) writeLine(io.stdout, `${verb}replace  ${name}`);
    for (const name of result.skipped)
      writeLine(io.stdout, `${verb}skip     ${name} (identical context already in the vault)`);
    if (!result.written) writeLine(io.stdout, 'dry run: nothing was changed');
    return ExitCode.ok;
  },
};
