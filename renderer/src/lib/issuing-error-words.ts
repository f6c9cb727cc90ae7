import type { ErrorWords } from './error-words.js';

/**
 * Words for the failures of the issuing, request and settings flows (DESIGN.md "Errors across the
 * boundary"); an empty detail shows the service's own message, which names the file and field.
 */
export const issuingErrorWords: Readonly<Record<string, ErrorWords>> = {
  'ca-key-missing': {
    title: 'This file has no CA key',
    detail:
      'A worker machine config carries only the cluster’s CA certificate, not its key, so nothing can be signed with it. Use the cluster’s secrets.yaml (talosctl gen secrets) or a control-plane config (controlplane.yaml).',
  },
  'invalid-ca-source': { title: 'This file holds no Talos OS CA', detail: '' },
  'not-a-ca': { title: 'This certificate is not a CA', detail: '' },
  'ca-missing': { title: 'This file holds no Talos OS CA', detail: '' },
  'ca-already-stored': { title: 'This CA is already stored', detail: '' },
  'ca-expired': { title: 'This CA has expired', detail: '' },
  'key-mismatch': { title: 'The key does not belong to the certificate', detail: '' },
  'name-taken': { title: 'That name is taken', detail: '' },
  'output-exists': {
    title: 'The file already exists',
    detail:
      'Nothing was written. Choose the file again to replace it (the dialog asks first), or pick another.',
  },
  'invalid-csr': {
    title: 'This is not a certificate request',
    detail: '',
  },
  'csr-signature-invalid': {
    title: 'The request’s signature does not verify',
    detail: 'The request was changed after it was made, or is damaged. Ask for a new one.',
  },
  'invalid-pem': { title: 'The file is not PEM', detail: '' },
  'invalid-der': { title: 'The file is damaged', detail: '' },
  'admin-needs-confirmation': {
    title: 'Confirm the admin role',
    detail:
      'os:admin and os:impersonator can do anything on the cluster: tick the confirmation, or narrow the roles.',
  },
  'ttl-above-maximum': { title: 'Longer than the vault allows', detail: '' },
  'invalid-duration': { title: 'That is not a lifetime', detail: '' },
  'invalid-recipient': { title: 'That is not an age recipient', detail: '' },
  'invalid-endpoint': { title: 'An endpoint is not an address', detail: '' },
  'invalid-node': { title: 'A node is not an address', detail: '' },
  'no-pending-request': { title: 'No request is waiting for this certificate', detail: '' },
  'cert-not-signed-by-ca': { title: 'The certificate is not signed by that CA', detail: '' },
  'request-pending': { title: 'A request of that name is waiting', detail: '' },
  'role-not-requested': { title: 'That role was not asked for', detail: '' },
  'file-token-invalid': { title: 'Choose the file again', detail: '' },
  'passphrase-needed': { title: 'A passphrase is needed', detail: 'Type the new passphrase for the vault.' },
};
