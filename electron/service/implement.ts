import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import type {
  AreaClient,
  AreaSpec,
  ArgsOf,
  CallOptions,
  OperationSpec,
} from '../../shared/contract/operation.js';
import { UsageError, type UsageErrorCode } from '../../shared/user-error.js';
import type { ServiceDeps } from './service-deps.js';

/** What a handler gets besides its arguments: a signal that says the caller gave up, and a progress sink. */
export interface CallContext<Progress = unknown> {
  signal: AbortSignal;
  progress: (progress: Progress) => void;
}

type ProgressIn<Spec extends OperationSpec> = Spec['progress'] extends z.ZodType
  ? z.input<Spec['progress']>
  : never;

export type Handler<Spec extends OperationSpec, Deps = ServiceDeps> = (
  deps: Deps,
  args: ArgsOf<Spec>,
  call: CallContext<ProgressIn<Spec>>,
) => Promise<z.input<Spec['result']>>;

export type Handlers<Area extends AreaSpec, Deps = ServiceDeps> = {
  readonly [Name in keyof Area]: Handler<Area[Name], Deps>;
};

/** A result that does not match its schema is a bug, never the user's doing: it crosses as internal. */
export class ContractViolation extends Error {
  constructor(where: string, what: string) {
    super(`${where}: ${what} does not match the contract`);
    this.name = 'ContractViolation';
  }
}

const neverAborted = new AbortController().signal;

export interface ImplementOptions {
  /**
   * `strip` (the app, the CLI): a stray field is dropped on the way out. `strict` (the tests): a result
   * that parsing would change at all is a contract violation, so handlers are kept returning exactly
   * what the contract says.
   */
  results?: 'strip' | 'strict';
}

/**
 * The one way an operation is served, whatever the transport (CLI, IPC, e2e harness): arguments parsed by
 * the contract (a usage error naming the field otherwise), the handler run, its result parsed (which also
 * strips any stray field before it crosses a boundary), progress checked the same way.
 */
export function implement<Area extends AreaSpec, Deps = ServiceDeps>(
  areaName: string,
  specs: Area,
  handlers: Handlers<Area, Deps> | (() => Promise<Handlers<Area, Deps>>),
  deps: Deps,
  options: ImplementOptions = {},
): AreaClient<Area> {
  const strict = options.results === 'strict';
  // Handlers may load on first use: `talcred list` must not pay for issuing's X.509 and age code
  // (DESIGN.md: cold start <= 4x `node -e ""`).
  let loaded: Promise<Handlers<Area, Deps>> | null =
    typeof handlers === 'function' ? null : Promise.resolve(handlers);
  const handlerFor = async (name: string): Promise<Handler<OperationSpec, Deps>> => {
    loaded ??= (handlers as () => Promise<Handlers<Area, Deps>>)();
    return (await loaded)[name] as Handler<OperationSpec, Deps>;
  };
  const client: Record<string, unknown> = {};
  for (const name of Object.keys(specs)) {
    const spec = specs[name] as OperationSpec;
    const where = `${areaName}.${name}`;
    client[name] = async (args: unknown, options: CallOptions = {}) => {
      const parsed = spec.args.safeParse(args);
      if (!parsed.success) throw invalidArguments(name, parsed.error);
      const signal = (options.signal as AbortSignal | undefined) ?? neverAborted;
      if (signal.aborted) throw new UsageError(`${name}: cancelled`, 'cancelled');
      const progress = (value: unknown): void => {
        if (spec.progress === undefined || options.onProgress === undefined) return;
        const checked = spec.progress.safeParse(value);
        if (!checked.success) throw new ContractViolation(where, 'a progress report');
        options.onProgress(checked.data);
      };
      const handler = await handlerFor(name);
      const result = await handler(deps, parsed.data, { signal, progress });
      const checked = spec.result.safeParse(result);
      if (!checked.success) throw new ContractViolation(where, 'its result');
      if (strict && !isDeepStrictEqual(checked.data, result)) {
        throw new ContractViolation(where, 'its result (a field parsing would drop or change)');
      }
      return checked.data;
    };
  }
  return Object.freeze(client) as AreaClient<Area>;
}

function invalidArguments(name: string, error: z.ZodError): UsageError {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join('.') ?? '';
  return new UsageError(
    `${name}: ${field === '' ? '' : `${field}: `}${issue?.message ?? 'invalid arguments'}`,
    ownCode(issue),
  );
}

/** A field check that names its failure (`invalid-endpoint`, `invalid-name`) keeps that code. */
function ownCode(issue: z.core.$ZodIssue | undefined): UsageErrorCode {
  const params = issue?.code === 'custom' ? (issue.params as { code?: unknown } | undefined) : undefined;
  const code = params?.code;
  return typeof code === 'string' && (FIELD_CODES as readonly string[]).includes(code)
    ? (code as UsageErrorCode)
    : 'invalid-arguments';
}

const FIELD_CODES = [
  'invalid-endpoint',
  'invalid-node',
  'invalid-name',
] as const satisfies readonly UsageErrorCode[];
