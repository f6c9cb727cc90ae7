import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../../shared/user-error.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** `node:util` parseArgs with its errors turned into one usage line that points at `--help`. */
export function parseCommandArgs<T extends Options>(command: string, argv: readonly string[], options: T) {
  try {
    return parseArgs({
      args: [...argv],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    // Node's messages run over several lines ("--ttl -5d": ambiguous, did you forget…, use --ttl=-XYZ).
    const reason =
      error instanceof Error
        ? error.message
            .replace(/\s*To specify a positional.*$/s, '')
            .replace(/\s*\n\s*/g, ' ')
            .replace(/\.$/, '')
        : '';
    throw new UsageError(`${reason} (see \`talcred ${command} --help\`)`);
  }
}
