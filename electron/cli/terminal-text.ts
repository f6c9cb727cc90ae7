/**
 * Text from files talcred did not write (a teammate's CSR, a received talosconfig, a certificate's subject)
 * reaches the terminal in names, roles and messages. Control characters in it could clear the screen,
 * retitle the window, move the cursor to overwrite a line ("asks for: os:reader" over "os:admin"), or
 * reorder text (bidi overrides). They are shown as visible \uXXXX escapes instead, which also keeps
 * `--json` output valid JSON. Tab and newline stay: the output's own layout uses them.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const unsafe = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function escape(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

export function terminalText(text: string): string {
  return text.replace(unsafe, escape);
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const unsafeInLine = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * One line of output: line breaks and tabs are escaped too, so a name holding "\n" cannot print a row of
 * its own (a fake context in `list`). Layout is made of lines, never of line breaks inside text.
 */
export function lineText(text: string): string {
  return text.replace(unsafeInLine, escape);
}

/** The same, on one line: an error is one line on stderr, whatever its message holds. */
export function oneLine(text: string): string {
  return terminalText(text.replace(/\s*\r?\n\s*/g, ' ').trim());
}
