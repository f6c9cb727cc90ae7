import { UserError } from '../../shared/user-error.js';
import { runCli } from './run.js';

// The binary's entry: real process streams and clock; every failure a user can cause is one line, no stack.
try {
  process.exitCode = await runCli(process.argv.slice(2), {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
  });
} catch (error) {
  const message = error instanceof UserError ? error.message : `unexpected error: ${String(error)}`;
  process.stderr.write(`talcred: ${message}\n`);
  if (!(error instanceof UserError) && process.env.TALCRED_DEBUG && error instanceof Error) {
    process.stderr.write(`${error.stack ?? ''}\n`);
  }
  process.exitCode = 2;
}
