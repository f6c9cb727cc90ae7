/**
 * A failure the user caused or can fix. Each domain (talosconfig, pki, vault, usage) has its own subclass
 * with stable codes; the CLI and the UI print `message` only, never a stack (STYLE.md, practice 5).
 * Messages name the file, context and field and say what to do; they never contain secret material.
 */
export class UserError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad command-line or API usage: wrong flags, missing arguments, a name that does not exist. */
export class UsageError extends UserError {
  /** `code` narrows the failure for callers that act on it (`invalid-endpoint`, `invalid-name`, …). */
  constructor(message: string, code = 'usage') {
    super(code, message);
  }
}
