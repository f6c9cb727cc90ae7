import type { Readable, Writable } from 'node:stream';
import { terminalText } from './terminal-text.js';

/**
 * What a command may touch besides its arguments: streams, environment, working folder and a clock.
 * Passed in, never read from globals, so commands run the same in the real binary and in unit tests.
 */
export interface CliIo {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
  cwd: string;
  now: () => Date;
}

/** Every line a command prints goes through here, so no control character from a file reaches the terminal. */
export function writeLine(stream: Writable, line = ''): void {
  stream.write(`${terminalText(line)}\n`);
}

export function printJson(io: CliIo, value: unknown): void {
  writeLine(io.stdout, JSON.stringify(value, null, 2));
}

/** A plain-text table: columns padded to the widest cell, no trailing spaces. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const format = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('   ')
      .trimEnd();
  return [format(header), ...rows.map(format)].join('\n');
}

export async function readStream(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}
