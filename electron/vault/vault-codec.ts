import { vaultDocumentSchema, type VaultDocument } from '../../shared/vault/vault-document.js';
import {
  openVault,
  parseVault,
  sealVault,
  type NewVaultHeader,
  type SealedVault,
  type VaultHeader,
} from './envelope.js';
import { VaultError } from './vault-error.js';

/** Fetches (or derives) the key a header names; errors already name `path`. */
export type KeyFor = (header: VaultHeader, path: string) => Promise<Buffer>;

export interface OpenedVault {
  path: string;
  bytes: Buffer;
  sealed: SealedVault;
  key: Buffer;
  plaintext: Buffer;
  document: VaultDocument;
}

/** Framing, key, integrity, then the document schema: every step a distinct VaultError. */
export async function openVaultBytes(path: string, bytes: Buffer, keyFor: KeyFor): Promise<OpenedVault> {
  const sealed = parseVault(bytes, path);
  const key = await keyFor(sealed.header, path);
  const plaintext = openVault(sealed, key, path);
  return { path, bytes, sealed, key, plaintext, document: parseDocument(plaintext, path) };
}

export function parseDocument(plaintext: Buffer, path: string): VaultDocument {
  let json: unknown;
  try {
    json = JSON.parse(plaintext.toString('utf8'));
  } catch {
    throw new VaultError('vault-invalid', `${path}: decrypts, but its contents are not JSON`);
  }
  const parsed = vaultDocumentSchema.safeParse(json);
  if (!parsed.success) {
    throw new VaultError(
      'vault-invalid',
      `${path}: decrypts, but its contents are not valid (${describeIssue(parsed.error)})`,
    );
  }
  return parsed.data;
}

/** Guards every write: a document the schema refuses is never encrypted, so it can never be read back broken. */
export function checkDocument(document: unknown, path: string): VaultDocument {
  const parsed = vaultDocumentSchema.safeParse(document);
  if (!parsed.success) {
    throw new VaultError(
      'document-invalid',
      `${path}: the change was refused: ${describeIssue(parsed.error)}; nothing was changed`,
    );
  }
  return parsed.data;
}

export function sealDocument(document: VaultDocument, header: NewVaultHeader, key: Buffer): Buffer {
  return sealVault(header, key, Buffer.from(JSON.stringify(document)));
}

export function headerFieldsOf(header: VaultHeader): NewVaultHeader {
  return { vaultId: header.vaultId, keySource: header.keySource, kdf: header.kdf };
}

/** Names the field only: zod's messages say what was expected, never the value (which may be a secret). */
function describeIssue(error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'unknown problem';
  const field = issue.path.map(String).join('.');
  return field === '' ? issue.message : `${field}: ${issue.message}`;
}
