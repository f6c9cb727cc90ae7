import type { Remedy } from './error-codes.js';

/** A failure as it arrived over the boundary: wire-error.ts's schema checks the shape on the way in. */
export interface CallFailure {
  code: string;
  message: string;
  remedy: Remedy | null;
}

/** What the renderer and the harness see: an Error carrying the wire fields. */
export class TalosCallError extends Error {
  readonly code: string;
  readonly remedy: Remedy | null;

  constructor(wire: CallFailure) {
    super(wire.message);
    this.name = 'TalosCallError';
    this.code = wire.code;
    this.remedy = wire.remedy;
  }
}
