import { failureReport } from './failure-report.js';
import { runCli } from './run.js';
import { workingFolder } from './working-folder.js';

// The binary's entry: real process streams and clock; every failure a user can cause is one line, no stack.

// `talcred inspect | head -1` closes the pipe while we still write: the reader has what it wanted, so stop
// quietly instead of dying on an unhandled 'error' event with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    process.exit(error.code === 'EPIPE' ? (process.exitCode ?? 0) : 2);
  });
}

try {
  process.exitCode = await runCli(process.argv.slice(2), {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: workingFolder(),
    now: () => new Date(),
  });
} catch (error) {
  process.stderr.write(failureReport(error, /^(1|true|yes)$/i.test(process.env.TALCRED_DEBUG ?? '')));
  process.exitCode = 2;
}
