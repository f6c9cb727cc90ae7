import type { Remedy } from '../../shared/contract/error-codes.js';
import { UserError } from '../../shared/user-error.js';

/**
 * Stable codes (shared/contract/error-codes.ts): they cross to the app, which shows a screen per code, and
 * `talcred --json` failures carry them; the CLI's failure report turns the remedy into a hint.
 */
export type VaultErrorCode =
  | 'vault-missing'
  | 'vault-exists'
  | 'vault-foreign'
  | 'vault-damaged'
  | 'vault-too-new'
  | 'vault-invalid'
  | 'vault-busy'
  | 'vault-read-failed'
  | 'vault-write-failed'
  | 'vault-too-large'
  | 'document-invalid'
  | 'backup-missing'
  | 'vault-locked'
  | 'rekey-unfinished'
  | 'rekey-journal-damaged'
  | 'wrong-passphrase'
  | 'passphrase-empty'
  | 'passphrase-needed'
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
    options: { remedy?: Remedy | null } = {},
  ) {
    super(code, message, options);
  }
}

export function isVaultError(error: unknown, ...codes: VaultErrorCode[]): error is VaultError {
  return error instanceof VaultError && (codes.length === 0 || codes.includes(error.code));
}
