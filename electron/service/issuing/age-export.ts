import type { IssuingArgs } from '../../../shared/contract/issuing-contract.js';
import { UsageError } from '../../../shared/user-error.js';
import type { VaultDocument } from '../../../shared/vault/vault-document.js';
import { fingerprintSha256, readCertificates } from '../../pki/certificate-facts.js';
import { decodeBase64Field } from '../../pki/pem.js';
import { encryptForRecipients, encryptWithPassphrase } from '../../share/age-file.js';
import { checkRecipient } from '../../share/age-keys.js';
import type { ServiceDeps } from '../service-deps.js';
import { requireContext } from '../vault-lookup.js';
import { recordExport } from './issuance-log.js';
import { talosconfigText } from './issue-config.js';
import { refuseOverwrite, writeWithVaultChange } from './output-file.js';

/** Fingerprints of the client certificates of these contexts, to find their issuance log entries. */
function certificateFingerprints(document: VaultDocument, names: readonly string[]): string[] {
  return names.flatMap((name) => {
    const { crt } = requireContext(document, name).context;
    try {
      return crt === '' ? [] : readCertificates(decodeBase64Field(crt)).slice(0, 1).map(fingerprintSha256);
    } catch {
      return [];
    }
  });
}

/** Records where these contexts went in the issuance log entries of their certificates. */
export function recordContextsExport(
  document: VaultDocument,
  names: readonly string[],
  destination: string,
): VaultDocument {
  return recordExport(document, certificateFingerprints(document, names), destination);
}

/**
 * Writes contexts as an age file holding a plain talosconfig, readable with the `age` CLI: encrypted to
 * X25519 recipients (`age -r`) or with a passphrase (`age -p`, scrypt). The destination is recorded in the
 * issuance log of every exported certificate this vault issued.
 */
export async function exportAge(deps: ServiceDeps, args: IssuingArgs<'exportAge'>) {
  const recipients = args.recipients.map(checkRecipient);
  if (recipients.length > 0 === (args.passphrase !== undefined)) {
    throw new UsageError(
      'encrypt either to age recipients or with a passphrase (one of the two)',
      'encryption-choice',
    );
  }
  const { path, overwrite } = deps.files.savePath(args.output);
  refuseOverwrite(path, overwrite);
  const document = await deps.store.read();
  const names = [...new Set(args.names)];
  const text = talosconfigText(names.map((name) => requireContext(document, name).context));
  const bytes =
    args.passphrase === undefined
      ? await encryptForRecipients(text, recipients)
      : await encryptWithPassphrase(text, args.passphrase);
  await writeWithVaultChange(
    deps,
    { path, bytes },
    (current) => recordContextsExport(current, names, path),
    false,
  );
  return {
    path,
    contexts: names,
    encryption: args.passphrase === undefined ? ('age-recipients' as const) : ('age-passphrase' as const),
  };
}
