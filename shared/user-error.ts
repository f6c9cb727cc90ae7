import { usualRemedy, type ErrorCode, type Remedy } from './contract/error-codes.js';

/**
 * A failure the user caused or can fix. Each domain (talosconfig, pki, vault, files, share, net, service)
 * has its own subclass over a typed union of the stable codes in contract/error-codes.ts; the CLI and the
 * UI print `message` only, never a stack (STYLE.md, practice 5). Messages name the file, context and field,
 * never contain secret material, and are neutral: what to do is `remedy`, which the CLI turns into a flag
 * hint and the app into a button.
 */
export class UserError extends Error {
  readonly remedy: Remedy | null;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: { remedy?: Remedy | null } = {},
  ) {
    super(message);
    this.name = new.target.name;
    this.remedy = options.remedy === undefined ? usualRemedy(code) : options.remedy;
  }
}

export type UsageErrorCode =
  | 'usage'
  | 'invalid-arguments'
  | 'context-not-found'
  | 'ca-not-found'
  | 'name-taken'
  | 'context-is-current'
  | 'import-expired'
  | 'request-pending'
  | 'output-missing'
  | 'encryption-choice'
  | 'cancelled'
  | 'caller-refused'
  | 'invalid-endpoint'
  | 'invalid-node'
  | 'invalid-name'
  | 'invalid-label-filter'
  | 'working-folder-missing'
  | 'already-elevated'
  | 'not-elevated';

/**
 * Bad command-line or API usage: wrong flags, missing arguments, a name that does not exist, a name that is
 * taken. `usage` is the CLI's own (flags); the rest come from the services.
 */
export class UsageError extends UserError {
  declare readonly code: UsageErrorCode;

  constructor(message: string, code: UsageErrorCode = 'usage', options: { remedy?: Remedy | null } = {}) {
    super(code, message, options);
  }
}
