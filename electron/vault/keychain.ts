import { AsyncEntry, type EntryOptions } from '@napi-rs/keyring';
import { randomBytes } from 'node:crypto';
import { KEY_BYTES } from './envelope.js';
import type { KeySource } from './key-source.js';
import { VaultError } from './vault-error.js';

export const KEYCHAIN_SERVICE = 'talos-credential-manager';

export interface KeychainOptions {
  /** Tests use their own service name; the app never changes it. */
  service?: string;
  platform?: NodeJS.Platform;
}

/**
 * The vault key in the OS keychain: 32 random bytes, base64, under service `talos-credential-manager`,
 * account = vault id. On Linux the store is pinned to the Secret Service: @napi-rs/keyring's default falls
 * back to the kernel keyring, which forgets the key at logout and would orphan the vault (DESIGN.md).
 */
export function createKeychainKeySource(options: KeychainOptions = {}): KeySource {
  const service = options.service ?? KEYCHAIN_SERVICE;
  const platform = options.platform ?? process.platform;
  const entryOptions: EntryOptions | undefined =
    platform === 'linux' ? { linux: { store: 'secret-service' } } : undefined;

  // What to do when the keychain does not answer depends on whether a vault already uses it.
  const entry = (vaultId: string, purpose: KeychainPurpose): AsyncEntry => {
    try {
      // With the store pinned, the constructor throws at once when there is no Secret Service.
      return new AsyncEntry(service, vaultId, entryOptions);
    } catch (error) {
      throw keychainError(error, platform, purpose);
    }
  };
  const attempt = async <T>(work: () => Promise<T>, purpose: KeychainPurpose): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw keychainError(error, platform, purpose);
    }
  };

  return {
    kind: 'keychain',
    async unlock(header) {
      const stored = await attempt(() => entry(header.vaultId, 'open').getPassword(), 'open');
      if (stored === null) {
        throw new VaultError(
          'keychain-entry-missing',
          `the vault exists but its key is not in the ${storeName(platform)} (service "${service}", ` +
            `account "${header.vaultId}"). Restore the keyring that held it (or a backup of it); ` +
            'a new key is never made for an existing vault',
        );
      }
      const key = Buffer.from(stored, 'base64');
      if (key.length !== KEY_BYTES || key.toString('base64') !== stored) {
        throw new VaultError(
          'keychain-entry-invalid',
          `the ${storeName(platform)} entry "${service}" / "${header.vaultId}" does not hold a vault key ` +
            '(it was changed by another program); restore it from a keyring backup',
        );
      }
      return key;
    },
    async createKey(vaultId) {
      const slot = entry(vaultId, 'create');
      if ((await attempt(() => slot.getPassword(), 'create')) != null) {
        throw new VaultError(
          'keychain-failed',
          `the ${storeName(platform)} already holds a key for vault ${vaultId}; it was left as it is`,
        );
      }
      const encoded = randomBytes(KEY_BYTES).toString('base64');
      await attempt(() => slot.setPassword(encoded), 'create');
      // Read it back: a store that accepts a secret and drops it would leave a vault nobody can open.
      if ((await attempt(() => slot.getPassword(), 'create')) !== encoded) {
        await attempt(() => slot.deleteCredential(), 'create').catch(() => undefined);
        throw new VaultError('keychain-failed', `the ${storeName(platform)} did not keep the new vault key`);
      }
      return { key: Buffer.from(encoded, 'base64'), kdf: null };
    },
    async forget(vaultId) {
      await attempt(() => entry(vaultId, 'open').deleteCredential(), 'open');
    },
  };
}

function storeName(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'macOS Keychain';
  if (platform === 'win32') return 'Windows Credential Manager';
  return 'Secret Service keyring';
}

/** Making a new vault's key (a passphrase vault is the way on), or opening one that exists (it is not). */
type KeychainPurpose = 'create' | 'open';

/** keyring-rs messages (seen on the Secret Service, DESIGN.md "Facts about the tools") in plain words. */
function keychainError(error: unknown, platform: NodeJS.Platform, purpose: KeychainPurpose): VaultError {
  if (error instanceof VaultError) return error;
  const raw = error instanceof Error ? error.message : String(error);
  const unavailable = (message: string) =>
    new VaultError('keychain-unavailable', message, {
      remedy: purpose === 'create' ? 'use-passphrase' : 'start-keychain',
    });
  if (
    /DBUS_SESSION_BUS_ADDRESS|Failed to connect to socket|not provided by any \.service files|ServiceUnknown/.test(
      raw,
    )
  ) {
    return unavailable('no Secret Service on this desktop (is gnome-keyring or KeePassXC running?)');
  }
  if (/prompt was dismissed|is locked|\blocked\b/i.test(raw)) {
    return new VaultError(
      'keychain-locked',
      `the ${storeName(platform)} is locked: unlock it (log in to the desktop, or open your keyring app) and try again`,
    );
  }
  if (/Did not receive a reply/.test(raw)) {
    return unavailable('the Secret Service did not answer (restart gnome-keyring or KeePassXC)');
  }
  if (/no result found/.test(raw)) {
    return unavailable(
      'the Secret Service has no default keyring to keep the vault key in; create one (Passwords and Keys, KeePassXC)',
    );
  }
  return new VaultError('keychain-failed', `the ${storeName(platform)} failed: ${raw}`);
}
