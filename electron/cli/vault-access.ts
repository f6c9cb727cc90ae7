import { homedir } from 'node:os';
import { UsageError } from '../../shared/user-error.js';
import { defaultVaultHome } from '../app-paths.js';
import { createVaultService, type VaultService } from '../service/vault-service.js';
import { locateTalosconfig } from '../talosconfig-file.js';
import { createKeychainKeySource } from '../vault/keychain.js';
import { createPassphraseKeySource, type PassphrasePurpose } from '../vault/passphrase.js';
import type { GlobalOptions } from './command.js';
import type { CliIo } from './io.js';
import { promptHidden } from './prompt.js';

/**
 * TALCRED_PASSPHRASE for scripts; otherwise a hidden prompt, typed twice for a new passphrase. A rekey
 * needs a second, new passphrase: TALCRED_NEW_PASSPHRASE, or the prompt — never the old one reused silently.
 */
async function passphraseFor(io: CliIo, purpose: PassphrasePurpose, rekey: boolean): Promise<string> {
  const fromEnv = purpose === 'create' && rekey ? io.env.TALCRED_NEW_PASSPHRASE : io.env.TALCRED_PASSPHRASE;
  if (fromEnv !== undefined) return fromEnv;
  if (purpose === 'unlock') return promptHidden(io, 'Vault passphrase: ');
  if (rekey && io.stdin.isTTY !== true) {
    throw new UsageError('the new passphrase is asked on a terminal; in scripts set TALCRED_NEW_PASSPHRASE');
  }
  const first = await promptHidden(io, 'New vault passphrase: ');
  const second = await promptHidden(io, 'Type it again: ');
  if (first !== second) throw new UsageError('the two passphrases differ; nothing was changed');
  return first;
}

/** The vault service as the CLI uses it: folder from --home / TALCRED_HOME, keys from the keychain or a passphrase. */
export function openService(
  io: CliIo,
  globals: GlobalOptions,
  options: { rekey?: boolean } = {},
): VaultService {
  const env = io.env;
  return createVaultService({
    home: globals.home ?? defaultVaultHome(env, process.platform, env.HOME ?? homedir()),
    keySources: {
      keychain: createKeychainKeySource(),
      passphrase: createPassphraseKeySource({
        getPassphrase: (purpose) => passphraseFor(io, purpose, options.rekey === true),
      }),
    },
    talosconfig: () => locateTalosconfig(globals.talosconfig, env),
    now: io.now,
  });
}
