import type { Remedy } from '../../shared/contract/error-codes.js';
import { UserError } from '../../shared/user-error.js';

export type PkiErrorCode =
  | 'invalid-pem'
  | 'invalid-base64'
  | 'invalid-der'
  | 'ca-not-der'
  | 'invalid-csr'
  | 'csr-signature-invalid'
  | 'invalid-yaml'
  | 'unsupported-key'
  | 'key-mismatch'
  | 'not-a-ca'
  | 'ca-missing'
  | 'ca-key-missing'
  | 'ca-expired'
  | 'ca-expires-too-soon'
  | 'ca-not-yet-valid'
  | 'ca-already-stored'
  | 'ca-not-stored'
  | 'not-renewable'
  | 'invalid-ca-source'
  | 'no-roles'
  | 'unknown-role'
  | 'role-not-requested'
  | 'admin-needs-confirmation'
  | 'ttl-above-maximum'
  | 'invalid-ttl'
  | 'no-pending-request'
  | 'cert-not-signed-by-ca';

/**
 * Certificates, keys, CSRs and CAs: unreadable PEM, a key that does not match, a CA without its key,
 * a policy refusal. Codes are stable (shared/contract/error-codes.ts).
 */
export class PkiError extends UserError {
  declare readonly code: PkiErrorCode;

  constructor(code: PkiErrorCode, message: string, options: { remedy?: Remedy | null } = {}) {
    super(code, message, options);
  }
}
