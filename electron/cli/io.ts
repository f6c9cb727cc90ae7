import type { Readable, Writable } from 'node:stream';
import { lineText } from './terminal-text.js';

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

/**
 * Every line a command prints goes through here or writeLines, so no control character from a file reaches
 * the terminal, and text from a file (a context name) can never start a line of its own.
 */
export function writeLine(stream: Writable, line = ''): void {
  stream.write(`${lineText(line)}\n`);
}

/** Several lines (a table, a help text): each is one line, whatever its text holds. */
export function writeLines(stream: Writable, lines: readonly string[]): void {
  for (const line of lines) writeLine(stream, line);
}

/** Our own multi-line text (help, fixed tables): its line breaks are layout. */
export function writeText(stream: Writable, text: string): void {
  writeLines(stream, text.split('\n'));
}

export function printJson(io: CliIo, value: unknown): void {
  // JSON escapes line breaks inside strings: the only ones left are the layout's.
  writeText(io.stdout, JSON.stringify(value, null, 2));
}

/** A plain-text table as lines: columns padded to the widest cell (as shown), no trailing spaces. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const shown = rows.map((row) => row.map(lineText));
  const widths = header.map((title, column) =>
    Math.max(title.length, ...shown.map((row) => (row[column] ?? '').length)),
  );
  const format = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('   ')
      .trimEnd();
  return [format(header), ...shown.map(format)];
}

export async function readStream(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}
