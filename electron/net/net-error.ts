import type { Remedy } from '../../shared/contract/error-codes.js';
import { UserError } from '../../shared/user-error.js';

/** Endpoints and connections to them: a malformed endpoint, an impossible port. Codes are stable. */
export class NetError extends UserError {
  declare readonly code: 'invalid-endpoint';

  constructor(code: 'invalid-endpoint', message: string, options: { remedy?: Remedy | null } = {}) {
    super(code, message, options);
  }
}
