import { UsageError } from '../../../shared/user-error.js';
import { parseCommandArgs } from '../args.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { writeLine } from '../io.js';
import { newPassphrase, openServices } from '../vault-access.js';

export const rekeyCommand: CliCommand = {
  help: `Usage: talcred rekey [--keychain | --passphrase]

Re-encrypts the vault (and its backups) under a new key: --keychain moves it to a random key in the OS
keychain, --passphrase to a key derived from a new passphrase (asked twice on the terminal, or
TALCRED_NEW_PASSPHRASE in scripts). Without either, a fresh key from the same source. The old key is dropped only after the vault is safely written under the new one.`,
  async run(argv, io, globals) {
    const { values, positionals } = parseCommandArgs('rekey', argv, {
      keychain: { type: 'boolean' },
      passphrase: { type: 'boolean' },
    });
    if (positionals.length > 0 || (values.keychain === true && values.passphrase === true)) {
      throw new UsageError('rekey takes --keychain or --passphrase (see `talcred rekey --help`)');
    }
    const { vault } = openServices(io, globals);
    // Open the vault first (its passphrase, if it has one): a missing vault or a wrong passphrase is said
    // before a new passphrase is asked for.
    await vault.list({});
    const current = (await vault.status({ brief: true })).keySource ?? 'keychain';
    const keySource =
      values.keychain === true ? 'keychain' : values.passphrase === true ? 'passphrase' : current;
    const passphrase =
      keySource === 'passphrase' ? await newPassphrase(io, 'TALCRED_NEW_PASSPHRASE') : undefined;
    await vault.rekey({ keySource, ...(passphrase === undefined ? {} : { passphrase }) });
    writeLine(
      io.stdout,
      `the vault is now encrypted with a new ${keySource === 'keychain' ? 'OS keychain key' : 'passphrase key'}`,
    );
    return ExitCode.ok;
  },
};
