import type { IssuingArgs } from '../../../shared/contract/issuing-contract.js';
import { UsageError } from '../../../shared/user-error.js';
import { maxTalosconfigBytes } from '../../../shared/talosconfig/limits.js';
import type { VaultDocument } from '../../../shared/vault/vault-document.js';
import { readFileLimited } from '../../files/read-limited.js';
import { fingerprintSha256, readCertificates } from '../../pki/certificate-facts.js';
import { decodeBase64Field } from '../../pki/pem.js';
import {
  decryptAgeFile,
  encryptForRecipients,
  encryptWithPassphrase,
  isAgeFile,
} from '../../share/age-file.js';
import { checkRecipient, readIdentityFile } from '../../share/age-keys.js';
import { ShareError } from '../../share/share-error.js';
import type { ServiceDeps } from '../service-deps.js';
import { requireContext } from '../vault-lookup.js';
import { recordExport } from './issuance-log.js';
import { talosconfigText } from './issue-config.js';
import { refuseOverwrite, writeWithVaultChange } from './output-file.js';

/** age adds a header and a tag per 64 KiB; a talosconfig this large is refused on import anyway. */
const MAX_AGE_FILE_BYTES = maxTalosconfigBytes + 1024 * 1024;

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
    throw new UsageError('encrypt either to age recipients or with a passphrase (one of the two)');
  }
  refuseOverwrite(args.path, args.overwrite);
  const document = await deps.store.read();
  const names = [...new Set(args.names)];
  const text = talosconfigText(names.map((name) => requireContext(document, name).context));
  const bytes =
    args.passphrase === undefined
      ? await encryptForRecipients(text, recipients)
      : await encryptWithPassphrase(text, args.passphrase);
  await writeWithVaultChange(
    deps,
    { path: args.path, bytes },
    (current) => recordContextsExport(current, names, args.path),
    false,
  );
  return {
    path: args.path,
    contexts: names,
    encryption: args.passphrase === undefined ? ('age-recipients' as const) : ('age-passphrase' as const),
  };
}

export interface AgeReadKeys {
  identityFiles: readonly string[];
  /** Asked for only when the file is passphrase-protected. */
  passphrase: () => Promise<string>;
}

/**
 * The talosconfig text of a file, decrypting it first when it is an age file (told by its content, not its
 * name); null when it is not one, so the caller reads it as a plain talosconfig.
 */
export async function readAgeTalosconfig(path: string, keys: AgeReadKeys): Promise<string | null> {
  const bytes = await readFileLimited(path, MAX_AGE_FILE_BYTES);
  if (!isAgeFile(bytes)) return null;
  const identities: string[] = [];
  for (const file of keys.identityFiles) {
    identities.push(...readIdentityFile((await readFileLimited(file, 64 * 1024)).toString('utf8'), file));
  }
  const decode = (plain: Uint8Array): string => new TextDecoder().decode(plain);
  try {
    return decode(await decryptAgeFile(bytes, { identities }, path));
  } catch (error) {
    // A passphrase file (`age -p`): ask for the passphrase only now that it is known to be one.
    if (!(error instanceof ShareError && error.code === 'passphrase-needed')) throw error;
  }
  return decode(await decryptAgeFile(bytes, { identities, passphrase: await keys.passphrase() }, path));
}
