import { z } from 'zod';
import { UserError } from '../user-error.js';
import { INTERNAL_ERROR, remedies } from './error-codes.js';

/**
 * A failure as it crosses a process boundary (DESIGN.md "Errors across the boundary"). Electron's invoke
 * keeps only an error's message, so the IPC layer sends this object and the preload rebuilds an Error with
 * these fields. Anything that is not a UserError crosses as `internal`, without its message: a library's
 * message may quote the file it choked on, and that may be a key.
 */
export const wireErrorSchema = z.object({
  code: z.string().min(1).max(100),
  message: z.string().max(4000),
  remedy: z.enum(remedies).nullable(),
});
/** `code` is a WireErrorCode from this build; a string, since an older or newer peer may send others. */
export type WireError = z.infer<typeof wireErrorSchema>;

export const INTERNAL_MESSAGE =
  'unexpected internal error; its details are withheld because they may quote file contents';

export function toWireError(error: unknown): WireError {
  if (error instanceof UserError) return { code: error.code, message: error.message, remedy: error.remedy };
  return { code: INTERNAL_ERROR, message: INTERNAL_MESSAGE, remedy: null };
}

export { TalosCallError } from './call-error.js';
