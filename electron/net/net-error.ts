import { UserError } from '../../shared/user-error.js';

/** Endpoints and connections to them: a malformed endpoint, an impossible port. Codes are stable. */
export class NetError extends UserError {}
