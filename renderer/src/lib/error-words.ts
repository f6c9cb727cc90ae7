import type { TalosError } from '../api/bridge-types.js';
import { issuingErrorWords } from './issuing-error-words.js';

export interface ErrorWords {
  title: string;
  /** What happened and what to do, in the user's terms (no CLI flags: DESIGN.md "Errors"). */
  detail: string;
}

/** Words for the codes the screens meet; any other code shows the service's own message. */
const wordsByCode: Readonly<Record<string, ErrorWords>> = {
  ...issuingErrorWords,
  'wrong-passphrase': {
    title: 'Wrong passphrase',
    detail:
      'That passphrase does not open this vault. Check the keyboard layout and Caps Lock, then try again.',
  },
  'keychain-locked': {
    title: 'The keychain is locked',
    detail: 'Unlock your system keychain (log in to it, or unlock the login keyring), then try again.',
  },
  'keychain-unavailable': {
    title: 'No keychain answered',
    detail: 'This system has no keychain the app can use. Protect the vault with a passphrase instead.',
  },
  'vault-locked': {
    title: 'The vault is locked',
    detail: 'Unlock the vault to see and switch contexts.',
  },
  'vault-missing': {
    title: 'No vault yet',
    detail: 'Create a vault to keep your talosconfig contexts encrypted.',
  },
  'vault-damaged': {
    title: 'The vault file is damaged',
    detail:
      'The vault could not be read. Restoring its newest intact backup puts that generation back and keeps the damaged file aside, never deleted.',
  },
  'file-write-failed': {
    title: 'A file could not be written',
    detail: '',
  },
  'file-read-failed': {
    title: 'A file could not be read',
    detail: '',
  },
  'file-not-regular': {
    title: "talosctl's file is not a regular file",
    detail: '',
  },
  'talosconfig-unreadable': {
    title: "talosctl's file cannot be read",
    detail: '',
  },
  'import-expired': {
    title: 'The import preview is gone',
    detail:
      'The vault was locked (or these files were imported already), so what was read was forgotten. Start over and choose the files again.',
  },
  'passphrase-needed': {
    title: 'A passphrase is needed',
    detail: 'This file is encrypted with age: enter the passphrase it was encrypted with.',
  },
  'identity-needed': {
    title: 'An identity file is needed',
    detail: 'This file is encrypted with age to recipients: choose the identity file of one of them.',
  },
  'name-taken': {
    title: 'That name is taken',
    detail: '',
  },
  'file-token-invalid': {
    title: 'Choose the file again',
    detail: 'The file chosen earlier is no longer available to the app (each choice is good for one use).',
  },
  'yaml-syntax': { title: 'The file is not valid YAML', detail: '' },
  'wrong-shape': { title: 'The file is not a talosconfig', detail: '' },
  'invalid-endpoint': { title: 'An endpoint is not an address', detail: '' },
  'invalid-node': { title: 'A node is not an address', detail: '' },
  'invalid-name': { title: 'That name cannot be used', detail: '' },
  'context-is-current': {
    title: 'That context is current',
    detail: 'talosctl uses it: switch to another context first, then remove it.',
  },
  'vault-busy': {
    title: 'The vault is busy',
    detail: 'Another program (talcred in a terminal?) is writing the vault. Wait a moment and try again.',
  },
  'invalid-recipient': { title: 'That age recipient is not valid', detail: '' },
  'not-renewable': {
    title: 'This vault cannot renew it',
    detail: '',
  },
  'already-elevated': { title: 'This context is an elevation', detail: '' },
  'not-elevated': {
    title: 'No elevation is running',
    detail: 'It has ended already; talosctl is back on its context.',
  },
  'ca-not-found': {
    title: 'No CA for this cluster',
    detail: "Import the cluster's OS CA (Certificate authorities) to issue a replacement here.",
  },
  'sweep-path-unreadable': {
    title: 'That folder cannot be read',
    detail: '',
  },
  'finding-unknown': {
    title: 'These results are out of date',
    detail: 'The app no longer knows the files this scan found (it was restarted). Scan again.',
  },
  'finding-not-importable': { title: 'Only talosconfigs can be imported', detail: '' },
  'talosconfig-read-only': {
    title: "talosctl's file is read-only",
    detail: 'The file talosctl reads cannot be written here, so the current context cannot change.',
  },
};

/** A code's own words; where they leave the detail to the service (which file, why), its message. */
export function errorWords(error: Pick<TalosError, 'code' | 'message'>): ErrorWords {
  const words = wordsByCode[error.code] ?? { title: 'Something went wrong', detail: '' };
  return words.detail === '' ? { ...words, detail: error.message } : words;
}
