import { UserError } from '../../shared/user-error.js';

/**
 * Handing credentials to teammates (age files): a bad recipient, an identity that cannot open a file, a
 * wrong passphrase, a damaged file. Codes are stable (`invalid-recipient`, `no-matching-identity`, …);
 * messages never contain identities, passphrases or plaintext.
 */
export class ShareError extends UserError {}
