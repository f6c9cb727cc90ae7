import { UserError } from '../../shared/user-error.js';
import { describeFileError } from '../files/file-error.js';

export type SweepErrorCode = 'sweep-path-unreadable' | 'finding-unknown' | 'finding-not-importable';

/** A sweep that cannot start (a named folder missing) or an id it never handed out. */
export class SweepError extends UserError {
  declare readonly code: SweepErrorCode;

  constructor(code: SweepErrorCode, message: string) {
    super(code, message, {});
  }
}

/** A path named to sweep that cannot be read: the caller's mistake, said once, before anything is read. */
export function unreadablePath(path: string, error: unknown): SweepError {
  return new SweepError(
    'sweep-path-unreadable',
    `${describeFileError(path, error, 'read').message}; nothing was swept`,
  );
}
