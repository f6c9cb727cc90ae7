import type { ErrorCode, Remedy } from '../../shared/contract/error-codes.js';
import { UserError } from '../../shared/user-error.js';
import { oneLine, terminalText } from './terminal-text.js';

/**
 * What to type, per remedy (DESIGN.md "Errors across the boundary"): the services say what is wrong in
 * neutral words and name a remedy; only here does it become a flag or a command. The app turns the same
 * remedy into a button.
 */
const remedyHints: Record<Remedy, string | null> = {
  'create-vault': 'create one with `talcred init`',
  'restore-backup': 'run `talcred restore` to put a backup back (`talcred restore --list` shows them)',
  unlock: 'set TALCRED_PASSPHRASE or run on a terminal',
  'retry-passphrase': null,
  'use-passphrase': 'or use a passphrase instead: `talcred init --passphrase`',
  'start-keychain':
    'start it and try again; to move the vault off the keychain, run `talcred rekey --passphrase` where the keychain answers',
  'unlock-keychain': null,
  'wait-and-retry': null,
  'confirm-overwrite': 'choose another file or pass --force to overwrite it',
  'confirm-admin': 'pass --yes-admin to confirm',
  'switch-first': 'e.g. `talcred use OTHER` or `talcred use --off`',
  'choose-other-name': null,
  'choose-talosconfig': 'choose a file with --talosconfig',
  'fix-file': null,
  'import-ca': "import the cluster's CA with `talcred ca import`",
  'pick-again': null,
};

/** Hints that depend on the operation's flags rather than on the remedy alone. */
const codeHints: Partial<Record<ErrorCode, string>> = {
  'output-missing': 'give -o FILE, --store (into the vault), or both',
  'ca-not-stored': "give the cluster's CA certificate with --ca FILE",
  'cert-not-signed-by-ca': 'check the file given with --ca',
};

/** The CLI's words for a failure: the neutral message, then what to type, if anything. */
export function userFailureText(error: UserError): string {
  const hint = codeHints[error.code] ?? (error.remedy === null ? null : remedyHints[error.remedy]);
  return hint === null ? error.message : `${error.message}; ${hint}`;
}

/**
 * What the binary prints on stderr when a command fails (DESIGN.md "Errors and bad input"): a UserError's
 * message on one line; for anything else, only the kind of error. A library's own message is never shown:
 * parsers quote the input they choke on (yaml's pretty errors copy the offending line, newer V8 puts a
 * snippet of the text into JSON.parse errors), and that input may be a key, a CA key or a vault document.
 * TALCRED_DEBUG adds where it happened (stack frames: file, line, function names), still not the message.
 */
export function failureReport(error: unknown, debug: boolean): string {
  if (error instanceof UserError) return `talcred: ${oneLine(userFailureText(error))}\n`;
  const summary =
    `talcred: unexpected internal error (${errorKind(error)}); its message is withheld because it may quote ` +
    `file contents, keys among them. Please report it with the command you ran${
      debug ? ' and the lines below' : '; TALCRED_DEBUG=1 shows where it happened'
    }\n`;
  if (!debug || !(error instanceof Error)) return summary;
  return `${summary}${stackFrames(error)
    .map((frame) => `${terminalText(frame)}\n`)
    .join('')}`;
}

/**
 * The `    at …` lines of a V8 stack, which follows `Name: message`. Taken from after the message, since a
 * message with line breaks can hold lines that look like frames; a stack of another shape gives nothing.
 */
function stackFrames(error: Error): string[] {
  const stack = error.stack ?? '';
  const header = error.message === '' ? error.name : `${error.name}: ${error.message}`;
  if (!stack.startsWith(header)) return [];
  return stack
    .slice(header.length)
    .split('\n')
    .filter((line) => /^\s+at /.test(line));
}

/** `TypeError`, `Error ENOSPC`: the class and the errno/Node code, both fixed words, never data. */
function errorKind(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown }).code;
  const name = /^\w{1,40}$/.test(error.name) ? error.name : 'Error';
  return typeof code === 'string' && /^[A-Z0-9_]{1,60}$/.test(code) ? `${name} ${code}` : name;
}
