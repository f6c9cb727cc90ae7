import { UserError } from '../../shared/user-error.js';

/** Stable codes: the CLI maps them to exit codes and scripts match on them. */
export type VaultErrorCode =
  | 'vault-missing'
  | 'vault-exists'
  | 'vault-foreign'
  | 'vault-corrupt'
  | 'vault-too-new'
  | 'vault-invalid'
  | 'vault-busy'
  | 'vault-read-failed'
  | 'vault-write-failed'
  | 'document-invalid'
  | 'backup-missing'
  | 'rekey-unfinished'
  | 'rekey-journal-damaged'
  | 'passphrase-wrong'
  | 'passphrase-empty'
  | 'keychain-unavailable'
  | 'keychain-locked'
  | 'keychain-entry-missing'
  | 'keychain-entry-invalid'
  | 'keychain-failed';

/**
 * The vault cannot be opened, unlocked or written. Messages name the file, say what to do, and never hold
 * key material or document contents.
 */
export class VaultError extends UserError {
  constructor(
    override readonly code: VaultErrorCode,
    message: string,
  ) {
    super(code, message);
  }
}

export function isVaultError(error: unknown, ...codes: VaultErrorCode[]): error is VaultError {
  return error instanceof VaultError && (codes.length === 0 || codes.includes(error.code));
}
