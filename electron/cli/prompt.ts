import { UsageError } from '../../shared/user-error.js';
import type { CliIo } from './io.js';

type TtyInput = CliIo['stdin'] & { setRawMode?: (raw: boolean) => unknown };

/** Whether the user can be asked: prompts need a terminal on standard input. */
export function canPrompt(io: CliIo): boolean {
  return io.stdin.isTTY === true;
}

/**
 * Reads one line from the terminal without echoing it (a passphrase). Ctrl-C aborts; nothing typed
 * is ever written anywhere.
 */
export async function promptHidden(io: CliIo, question: string): Promise<string> {
  const input = io.stdin as TtyInput;
  if (!canPrompt(io) || !input.setRawMode) {
    throw new UsageError(
      'a passphrase is needed and standard input is not a terminal; set TALCRED_PASSPHRASE',
    );
  }
  io.stderr.write(question);
  input.setRawMode(true);
  input.resume();
  try {
    return await new Promise<string>((resolve, reject) => {
      let typed = '';
      const onData = (chunk: Buffer | string): void => {
        for (const char of chunk.toString()) {
          if (char === '\r' || char === '\n' || char === '\u0004') {
            input.off('data', onData);
            resolve(typed);
            return;
          }
          if (char === '\u0003') {
            input.off('data', onData);
            reject(new UsageError('cancelled'));
            return;
          }
          typed = char === '\u007f' || char === '\b' ? typed.slice(0, -1) : typed + char;
        }
      };
      input.on('data', onData);
    });
  } finally {
    input.setRawMode(false);
    input.pause();
    io.stderr.write('\n');
  }
}

/** Asks a yes/no question; the safe answer (no) is the default, and without a terminal the answer is no. */
export async function confirm(io: CliIo, question: string): Promise<boolean> {
  if (!canPrompt(io)) return false;
  io.stderr.write(`${question} [y/N] `);
  io.stdin.resume();
  const answer = await new Promise<string>((resolve) => {
    io.stdin.once('data', (chunk: Buffer | string) => {
      resolve(chunk.toString());
    });
  });
  io.stdin.pause();
  return /^\s*y(es)?\s*$/i.test(answer);
}
