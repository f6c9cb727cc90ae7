import { UserError } from '../../shared/user-error.js';

/**
 * Handing credentials to teammates (age files): a bad recipient, an identity that cannot open a file, a
 * wrong passphrase, a damaged file. Codes are stable (`invalid-recipient`, `no-matching-identity`, …);
 * messages never contain identities, passphrases or plaintext.
 */
export class ShareError extends UserError {
  declare readonly code: ShareErrorCode;

  constructor(
    code: ShareErrorCode,
    message: string,
    /** The file concerned, where a caller may ask for what it needs and try that one again. */
    readonly file?: string,
  ) {
    super(code, message);
  }
}

export type ShareErrorCode =
  | 'not-an-age-file'
  | 'damaged-file'
  | 'invalid-recipient'
  | 'invalid-identity'
  | 'empty-passphrase'
  | 'wrong-passphrase'
  | 'passphrase-needed'
  | 'identity-needed'
  | 'no-matching-identity';
