/**
 * What a name this product gives a context may be (rename, issue, a request). talosctl takes any string,
 * so names from received files are kept as they are; but a name made here is short enough to print and
 * holds no character that could rewrite a terminal line (see electron/cli/terminal-text.ts).
 */
/** In UTF-16 units, as JavaScript counts a string (an emoji counts 2). */
export const maxContextNameLength = 256;

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const controls = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Why `name` cannot be a new context name, or null. */
export function newContextNameProblem(name: string): string | null {
  if (name === '') return 'the name is empty';
  if (name.length > maxContextNameLength) return `the name is longer than ${maxContextNameLength} characters`;
  if (controls.test(name)) return 'the name holds control characters (line breaks, escapes, bidi marks)';
  return null;
}
