/** Exit codes, in one place (issue: 0 success, 1 the answer is "no", 2 bad usage or bad input). */
export const ExitCode = {
  ok: 0,
  /** The answer is "no" (`can` denied), or error findings under `--strict`. */
  no: 1,
  /** Bad usage or bad input: one clear line on stderr, nothing changed on disk. */
  badInput: 2,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
