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

/** TALCRED_PASSPHRASE for scripts; otherwise a hidden prompt, typed twice for a new passphrase. */
async function passphraseFor(io: CliIo, purpose: PassphrasePurpose): Promise<string> {
  const fromEnv = io.env.TALCRED_PASSPHRASE;
  if (fromEnv !== undefined) return fromEnv;
  if (purpose === 'unlock') return promptHidden(io, 'Vault passphrase: ');
  const first = await promptHidden(io, 'New vault passphrase: ');
  const second = await promptHidden(io, 'Type it again: ');
  if (first !== second) throw new UsageError('the two passphrases differ; nothing was changed');
  return first;
}

/** The vault service as the CLI uses it: folder from --home / TALCRED_HOME, keys from the keychain or a passphrase. */
export function openService(io: CliIo, globals: GlobalOptions): VaultService {
  const env = io.env;
  return createVaultService({
    home: globals.home ?? defaultVaultHome(env, process.platform, env.HOME ?? homedir()),
    keySources: {
      keychain: createKeychainKeySource(),
      passphrase: createPassphraseKeySource({ getPassphrase: (purpose) => passphraseFor(io, purpose) }),
    },
    talosconfig: () => locateTalosconfig(globals.talosconfig, env),
    now: io.now,
  });
}
