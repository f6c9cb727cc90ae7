import type { ErrorCode } from './error-codes.js';

/**
 * The failures many operations share, named once so each operation's `errors` list reads as what it does:
 * opens the vault, writes it, reads a file, writes talosctl's file. Every operation may also fail with
 * `invalid-arguments`.
 */
export const opensVault = [
  'vault-missing',
  'vault-locked',
  'vault-foreign',
  'vault-damaged',
  'vault-too-new',
  'vault-invalid',
  'vault-read-failed',
  'wrong-passphrase',
  'passphrase-empty',
  'keychain-unavailable',
  'keychain-locked',
  'keychain-entry-missing',
  'keychain-entry-invalid',
  'keychain-failed',
] as const satisfies readonly ErrorCode[];

export const writesVault = [
  ...opensVault,
  'vault-busy',
  'vault-write-failed',
  'vault-too-large',
  'rekey-unfinished',
  'rekey-journal-damaged',
  'document-invalid',
] as const satisfies readonly ErrorCode[];

export const readsTalosconfigText = [
  'too-large',
  'too-large-expanded',
  'not-utf8',
  'empty',
  'multiple-documents',
  'yaml-syntax',
  'duplicate-key',
  'too-many-aliases',
  'too-deep',
  'wrong-shape',
] as const satisfies readonly ErrorCode[];

export const readsFile = [
  'file-read-failed',
  'file-not-regular',
  'file-too-large',
  'file-token-invalid',
  'file-path-refused',
] as const satisfies readonly ErrorCode[];

export const writesFile = [
  'output-exists',
  'file-not-regular',
  'file-write-failed',
  'file-token-invalid',
  'file-path-refused',
] as const satisfies readonly ErrorCode[];

/** talosctl's own file, written when a switch or an edit changes what it holds. */
export const writesTalosconfig = [
  ...writesVault,
  ...readsTalosconfigText,
  'talosconfig-read-only',
  'talosconfig-unreadable',
  'file-not-regular',
  'file-read-failed',
  'file-write-failed',
] as const satisfies readonly ErrorCode[];

export const readsAgeFile = [
  'not-an-age-file',
  'damaged-file',
  'invalid-identity',
  'wrong-passphrase',
  'passphrase-needed',
  'identity-needed',
  'no-matching-identity',
] as const satisfies readonly ErrorCode[];
