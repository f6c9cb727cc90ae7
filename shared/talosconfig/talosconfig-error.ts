import { UserError } from '../user-error.js';

export type TalosconfigErrorCode =
  | 'too-large'
  | 'too-large-expanded'
  | 'not-utf8'
  | 'empty'
  | 'multiple-documents'
  | 'yaml-syntax'
  | 'duplicate-key'
  | 'too-many-aliases'
  | 'too-deep'
  | 'wrong-shape'
  | 'invalid-endpoint'
  | 'invalid-node';

/**
 * A talosconfig that cannot be read. The message reads `<source>: <location>: <what is wrong>`, where
 * `source` is the file path (or "standard input") and `location` a line (`line 7`) or a field path
 * (`contexts.prod.endpoints`). It never quotes a value from the file: values may be key material.
 */
export class TalosconfigError extends UserError {
  declare readonly code: TalosconfigErrorCode;

  constructor(
    code: TalosconfigErrorCode,
    readonly source: string,
    readonly location: string,
    detail: string,
  ) {
    super(code, location === '' ? `${source}: ${detail}` : `${source}: ${location}: ${detail}`);
  }
}
