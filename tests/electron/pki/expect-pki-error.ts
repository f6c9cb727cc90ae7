import { expect } from 'vitest';
import { PkiError } from '../../../electron/pki/pki-error.js';

/** Runs `run`, which must throw a PkiError with this stable code; returns it for checks of its message. */
export function expectPkiError(run: () => unknown, code: string): PkiError {
  let error: unknown;
  try {
    run();
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(PkiError);
  expect((error as PkiError).code).toBe(code);
  return error as PkiError;
}
