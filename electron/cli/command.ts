import type { CliIo } from './io.js';
import type { ExitCode } from './exit-codes.js';

/** Flags every command accepts before or after its name. */
export interface GlobalOptions {
  /** Vault folder (`--home`); undefined means TALCRED_HOME or the platform default. */
  home: string | undefined;
  /** talosctl config path (`--talosconfig`); undefined means talosctl's resolution. */
  talosconfig: string | undefined;
}

/** One command; its name and one-line summary live in run.ts's table, so `--help` loads no command. */
export interface CliCommand {
  /** The full `talcred NAME --help` text. */
  help: string;
  run(argv: readonly string[], io: CliIo, globals: GlobalOptions): Promise<ExitCode>;
}
