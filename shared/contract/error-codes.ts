/**
 * Every failure a user can cause, by stable code (DESIGN.md "Errors across the boundary"). Messages below
 * the CLI are neutral (no flags, no commands); what to do is the REMEDY: the CLI turns it into a hint
 * ("pass --force"), the app into a screen or a button. A code's remedy here is its usual one; a thrower
 * may give another where it knows better (a missing vault with backups: restore, not create).
 */
export const remedies = [
  /** Create the vault (first run). */
  'create-vault',
  /** Put a backup back; the damaged file is kept aside. */
  'restore-backup',
  /** Unlock the vault (passphrase, or the keychain's one click). */
  'unlock',
  /** The passphrase was wrong: ask again. */
  'retry-passphrase',
  /** No keychain: a passphrase vault instead (only where no vault exists yet). */
  'use-passphrase',
  /** The keychain service is not running: start it (or move the vault to a passphrase elsewhere). */
  'start-keychain',
  /** The keychain is there but locked: unlock it and try again. */
  'unlock-keychain',
  /** Another process holds the vault: wait, then try again. */
  'wait-and-retry',
  /** The output file exists: choose another, or confirm the overwrite. */
  'confirm-overwrite',
  /** os:admin / os:impersonator: an explicit confirmation is needed. */
  'confirm-admin',
  /** The context is current: switch to another (or off) first. */
  'switch-first',
  /** The name is taken: choose another. */
  'choose-other-name',
  /** talosctl's file cannot be written here: choose another talosconfig path. */
  'choose-talosconfig',
  /** The file named is not usable: fix it or choose another. */
  'fix-file',
  /** No stored CA for this: import the cluster's CA. */
  'import-ca',
  /** Pick the file again (a dialog's token was used or unknown). */
  'pick-again',
] as const;
export type Remedy = (typeof remedies)[number];

/** Code → usual remedy (null: the message says it all). */
export const errorCatalog = {
  // Arguments and lookups
  'invalid-arguments': null,
  usage: null,
  'context-not-found': null,
  'ca-not-found': 'import-ca',
  'name-taken': 'choose-other-name',
  'context-is-current': 'switch-first',
  /** An import preview the main side no longer holds (the vault locked, or it was applied): read the files again. */
  'import-expired': 'pick-again',
  'request-pending': 'choose-other-name',
  'output-missing': null,
  'encryption-choice': null,
  cancelled: null,
  /** A call from anything but our own window's main frame, or to no operation the app has. */
  'caller-refused': null,

  // Files chosen by the user
  'output-exists': 'confirm-overwrite',
  'file-read-failed': 'fix-file',
  'file-write-failed': 'fix-file',
  'file-too-large': 'fix-file',
  'file-token-invalid': 'pick-again',
  'file-path-refused': 'pick-again',
  /** A FIFO, a device, a socket or a folder where a regular file must be. */
  'file-not-regular': 'fix-file',

  // talosctl's file
  'talosconfig-read-only': 'choose-talosconfig',
  'talosconfig-unreadable': 'fix-file',

  // A talosconfig's text
  'too-large': 'fix-file',
  'too-large-expanded': 'fix-file',
  'not-utf8': 'fix-file',
  empty: 'fix-file',
  'multiple-documents': 'fix-file',
  'yaml-syntax': 'fix-file',
  'duplicate-key': 'fix-file',
  'too-many-aliases': 'fix-file',
  'too-deep': 'fix-file',
  'wrong-shape': 'fix-file',

  // The vault and its key
  'vault-missing': 'create-vault',
  'vault-exists': null,
  'vault-foreign': 'restore-backup',
  'vault-damaged': 'restore-backup',
  'vault-too-new': null,
  'vault-invalid': 'restore-backup',
  'vault-busy': 'wait-and-retry',
  'vault-too-large': null,
  'vault-locked': 'unlock',
  /** A rekey stopped half-way; the next command finishes it. */
  'rekey-unfinished': 'wait-and-retry',
  'rekey-journal-damaged': null,
  'vault-read-failed': null,
  'vault-write-failed': null,
  'document-invalid': null,
  'backup-missing': null,
  'wrong-passphrase': 'retry-passphrase',
  'passphrase-empty': null,
  'keychain-unavailable': 'use-passphrase',
  'keychain-locked': 'unlock-keychain',
  'keychain-entry-missing': null,
  'keychain-entry-invalid': null,
  'keychain-failed': null,

  // Certificates, keys, CSRs, CAs and the issuing policy
  'invalid-pem': 'fix-file',
  'invalid-base64': 'fix-file',
  'invalid-der': 'fix-file',
  'invalid-csr': 'fix-file',
  'csr-signature-invalid': 'fix-file',
  'invalid-yaml': 'fix-file',
  'unsupported-key': 'fix-file',
  'key-mismatch': 'fix-file',
  'not-a-ca': 'fix-file',
  'ca-missing': 'fix-file',
  'ca-key-missing': 'fix-file',
  'ca-expired': null,
  'ca-expires-too-soon': null,
  'ca-not-yet-valid': null,
  'ca-already-stored': null,
  'invalid-ca-source': 'fix-file',
  'no-roles': null,
  'unknown-role': null,
  'role-not-requested': null,
  'admin-needs-confirmation': 'confirm-admin',
  'ttl-above-maximum': null,
  'invalid-ttl': null,
  'invalid-duration': null,
  'no-pending-request': null,
  'cert-not-signed-by-ca': null,
  'ca-not-stored': 'import-ca',
  /** Renewal needs the CA that signed the certificate; the message names it and the request path. */
  'not-renewable': 'import-ca',
  'already-elevated': null,
  'not-elevated': null,
  'ca-not-der': 'fix-file',

  // age files for teammates
  'not-an-age-file': 'fix-file',
  'damaged-file': 'fix-file',
  'invalid-recipient': null,
  'invalid-identity': 'fix-file',
  'empty-passphrase': null,
  'passphrase-needed': null,
  'identity-needed': null,
  'no-matching-identity': null,

  // Endpoints, nodes, names, filters
  'invalid-endpoint': null,
  'invalid-node': null,
  'invalid-name': 'choose-other-name',
  'invalid-label-filter': null,
  /** The CLI's working folder was removed under it. */
  'working-folder-missing': null,

  // Sweeping folders for plaintext credentials
  /** A folder or file named to sweep is missing or cannot be read. */
  'sweep-path-unreadable': 'fix-file',
  /** An id no scan of this session handed out (the app restarted, or another session's). */
  'finding-unknown': null,
  /** Only talosconfigs are imported; a CA key goes through the CA import. */
  'finding-not-importable': null,
} as const satisfies Record<string, Remedy | null>;

export type ErrorCode = keyof typeof errorCatalog;

/** Not a user's failure: a bug or an I/O surprise. Its message never crosses (it may quote file contents). */
export const INTERNAL_ERROR = 'internal';
export type WireErrorCode = ErrorCode | typeof INTERNAL_ERROR;

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(errorCatalog, value);
}

export function usualRemedy(code: ErrorCode): Remedy | null {
  return errorCatalog[code];
}
