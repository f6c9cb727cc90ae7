import type { z } from 'zod';
import type { ErrorCode } from './error-codes.js';

/**
 * One operation of the registry: what it takes, what it returns, the failures it may raise, and, for long
 * ones, the progress it reports. Everything a transport needs (the CLI, IPC, the e2e harness) is read from
 * here; nothing about an operation is written twice.
 */
export interface OperationSpec<Args extends z.ZodType = z.ZodType, Result extends z.ZodType = z.ZodType> {
  args: Args;
  result: Result;
  errors: readonly ErrorCode[];
  /** Present on operations that report progress and can be cancelled (doctor's probes). */
  progress?: z.ZodType;
}

export function operation<const Spec extends OperationSpec>(spec: Spec): Spec {
  return spec;
}

/** A group of operations: `window.talos.<area>.<operation>()`. */
export type AreaSpec = Readonly<Record<string, OperationSpec>>;

export type ArgsIn<Spec extends OperationSpec> = z.input<Spec['args']>;
export type ArgsOf<Spec extends OperationSpec> = z.output<Spec['args']>;
export type ResultOf<Spec extends OperationSpec> = z.output<Spec['result']>;
export type ProgressOf<Spec extends OperationSpec> = Spec['progress'] extends z.ZodType
  ? z.output<Spec['progress']>
  : never;

/** The part of AbortSignal a call uses (shared/ sees neither DOM nor Node types; both signals fit). */
export interface CancelSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** How a caller follows or stops a long operation. */
export interface CallOptions<Progress = unknown> {
  signal?: CancelSignal;
  onProgress?: (progress: Progress) => void;
}

/** What every transport offers for an area: one async method per operation, typed from its schemas. */
export type AreaClient<Area extends AreaSpec> = {
  readonly [Name in keyof Area]: (
    args: ArgsIn<Area[Name]>,
    options?: CallOptions<ProgressOf<Area[Name]>>,
  ) => Promise<ResultOf<Area[Name]>>;
};
