import { UserError } from '../../shared/user-error.js';

/**
 * Certificates, keys, CSRs and CAs: unreadable PEM, a key that does not match, a CA without its key,
 * a policy refusal. Codes are stable (`invalid-pem`, `key-mismatch`, `not-a-ca`, `ttl-above-maximum`, …).
 */
export class PkiError extends UserError {}
