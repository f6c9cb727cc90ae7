import { homedir } from 'node:os';
import { UsageError } from '../../shared/user-error.js';
import { defaultVaultHome } from '../app-paths.js';
import { createServices, type ServiceSet } from '../service/create-services.js';
import { createKeychainKeySource } from '../vault/keychain.js';
import { createPassphraseKeySource } from '../vault/passphrase.js';
import type { GlobalOptions } from './command.js';
import type { CliIo } from './io.js';
import { promptHidden } from './prompt.js';

/** The vault passphrase: TALCRED_PASSPHRASE for scripts, else a hidden prompt (asked only when needed). */
function vaultPassphrase(io: CliIo): Promise<string> {
  const fromEnv = io.env.TALCRED_PASSPHRASE;
  return fromEnv !== undefined ? Promise.resolve(fromEnv) : promptHidden(io, 'Vault passphrase: ');
}

/**
 * A NEW passphrase (init, rekey): from `variable` in scripts, else typed twice on a terminal. A rekey's
 * new passphrase never silently reuses the old one (TALCRED_NEW_PASSPHRASE, not TALCRED_PASSPHRASE).
 */
export async function newPassphrase(io: CliIo, variable: string): Promise<string> {
  const fromEnv = io.env[variable];
  if (fromEnv !== undefined) return fromEnv;
  if (io.stdin.isTTY !== true) {
    throw new UsageError(`the new passphrase is asked on a terminal; in scripts set ${variable}`);
  }
  const first = await promptHidden(io, 'New vault passphrase: ');
  const second = await promptHidden(io, 'Type it again: ');
  if (first !== second) throw new UsageError('the two passphrases differ; nothing was changed');
  return first;
}

// One set per command run: what the run does before the command (ending expired elevations) and the
// command share one vault session, so a passphrase is asked once.
const opened = new WeakMap<CliIo, ServiceSet>();

/** The services as the CLI uses them: folder from --home / TALCRED_HOME, the key fetched when first needed. */
export function openServices(io: CliIo, globals: GlobalOptions): ServiceSet {
  const existing = opened.get(io);
  if (existing !== undefined) return existing;
  const services = servicesFor(io, globals);
  opened.set(io, services);
  return services;
}

function servicesFor(io: CliIo, globals: GlobalOptions): ServiceSet {
  const env = io.env;
  return createServices({
    home: globals.home ?? defaultVaultHome(env, process.platform, env.HOME ?? homedir()),
    env,
    keySources: {
      keychain: createKeychainKeySource(),
      passphrase: createPassphraseKeySource({ getPassphrase: () => vaultPassphrase(io) }),
    },
    now: io.now,
    ...(globals.talosconfig === undefined ? {} : { talosconfig: globals.talosconfig }),
    session: 'command',
    standardOutput: (text) => io.stdout.write(text),
  });
}
