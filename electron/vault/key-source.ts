import type { KeySourceKind, ScryptParams, VaultHeader } from './envelope.js';

/**
 * Where a vault's 256-bit key comes from. `unlock` only ever READS a key: if a vault exists and its key
 * cannot be had, it fails with a VaultError; making a key is a separate call the store makes only for a
 * new vault id (DESIGN.md: NEVER create a new key over an existing vault).
 */
export interface KeySource {
  readonly kind: KeySourceKind;
  /**
   * The key of the existing vault this header belongs to. `passphrase` is the one the user just typed (the
   * app's unlock screen); without it a passphrase source asks its `getPassphrase`, if it has one.
   */
  unlock(header: VaultHeader, passphrase?: string): Promise<Buffer>;
  /**
   * A key for a brand-new vault id, and the KDF parameters the header must carry (null for the keychain).
   * A passphrase source derives it from `passphrase` (the new one, given as an argument of init or rekey).
   */
  createKey(vaultId: string, passphrase?: string): Promise<{ key: Buffer; kdf: ScryptParams | null }>;
  /** Drops the stored key of a vault id no file uses any more (after a rekey or a failed create). */
  forget(vaultId: string): Promise<void>;
}

/** One of each, so the store can open whichever kind a vault's header names. */
export interface KeySources {
  keychain: KeySource;
  passphrase: KeySource;
}
