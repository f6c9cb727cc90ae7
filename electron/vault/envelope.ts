import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { VaultError } from './vault-error.js';

/**
 * The vault file (DESIGN.md "The vault"):
 *
 *   talcred-vault\n                       magic line: tells a vault from any other file
 *   {"format":"talcred-vault",…}\n        header: one line of JSON, plaintext, bound as GCM associated data
 *   <ciphertext><16-byte GCM tag>          AES-256-GCM of the JSON document, binary, to the end of the file
 *
 * The header's exact bytes are the associated data, so changing any header byte fails the tag just like
 * changing the ciphertext. A fresh random 96-bit nonce is drawn for every write.
 */

export const VAULT_FORMAT = 'talcred-vault';
export const VAULT_VERSION = 1;
const MAGIC = Buffer.from(`${VAULT_FORMAT}\n`);
const MAX_HEADER_BYTES = 4096;
const TAG_BYTES = 16;
const NONCE_BYTES = 12;
export const KEY_BYTES = 32;

const base64Of = (bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64')
    .refine((text) => Buffer.from(text, 'base64').length === bytes, `${bytes} bytes`);

export const keySourceKinds = ['keychain', 'passphrase'] as const;
export type KeySourceKind = (typeof keySourceKinds)[number];

/**
 * Bounds keep a hostile header from asking scrypt for gigabytes of memory or minutes of work. Each bound
 * alone is not enough: N = 2^20 with r = 32 needs 4 GiB (128·N·r bytes), and p repeats the work. The
 * combined limits are 8x today's cost (N = 2^17, r = 8, p = 1: 128 MiB, 0.3 s), room for later releases.
 */
export const scryptParamsSchema = z
  .object({
    name: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(2 ** 10)
      .max(2 ** 20)
      .refine((n) => (n & (n - 1)) === 0, 'a power of two'),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: base64Of(16),
  })
  .refine((kdf) => 128 * kdf.N * kdf.r <= 2 ** 30, { message: 'needs over 1 GiB of memory', path: ['N'] })
  .refine((kdf) => kdf.N * kdf.r * kdf.p <= 2 ** 23, { message: 'needs too much work', path: ['N'] });
export type ScryptParams = z.infer<typeof scryptParamsSchema>;

const headerFieldsSchema = z.object({
  format: z.literal(VAULT_FORMAT),
  version: z.number().int().positive(),
  /** Random UUID; names the keychain entry (account) of a keychain vault. */
  vaultId: z.uuid(),
  keySource: z.enum(keySourceKinds),
  kdf: scryptParamsSchema.nullable(),
  /** HMAC of a constant under the key: tells "wrong key" apart from "damaged file". */
  keyCheck: base64Of(16),
  nonce: base64Of(NONCE_BYTES),
});
export type VaultHeader = z.infer<typeof headerFieldsSchema>;
export type NewVaultHeader = Omit<VaultHeader, 'format' | 'version' | 'nonce' | 'keyCheck'>;

export interface SealedVault {
  header: VaultHeader;
  /** The header line exactly as stored: the associated data. */
  headerBytes: Buffer;
  body: Buffer;
}

export function keyCheckOf(key: Buffer): string {
  return createHmac('sha256', key)
    .update('talcred-vault key check v1')
    .digest()
    .subarray(0, 16)
    .toString('base64');
}

export function sealVault(fields: NewVaultHeader, key: Buffer, plaintext: Buffer): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const header: VaultHeader = {
    format: VAULT_FORMAT,
    version: VAULT_VERSION,
    vaultId: fields.vaultId,
    keySource: fields.keySource,
    kdf: fields.kdf,
    keyCheck: keyCheckOf(key),
    nonce: nonce.toString('base64'),
  };
  const headerBytes = Buffer.from(JSON.stringify(header));
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(headerBytes);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([MAGIC, headerBytes, Buffer.from('\n'), ciphertext, cipher.getAuthTag()]);
}

/** Splits and checks the framing and the header; no key needed. */
export function parseVault(bytes: Buffer, path: string): SealedVault {
  if (!bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
    if (bytes.length < MAGIC.length && MAGIC.subarray(0, bytes.length).equals(bytes)) {
      throw corrupt(path, 'it is cut short');
    }
    throw new VaultError(
      'vault-foreign',
      `${path}: not a Talos Credential Manager vault (it does not start with "${VAULT_FORMAT}")`,
    );
  }
  const end = bytes.indexOf(0x0a, MAGIC.length);
  if (end === -1 || end - MAGIC.length > MAX_HEADER_BYTES)
    throw corrupt(path, 'its header line is cut short or too long');
  const headerBytes = bytes.subarray(MAGIC.length, end);
  let json: unknown;
  try {
    json = JSON.parse(headerBytes.toString('utf8'));
  } catch {
    throw corrupt(path, 'its header is not valid JSON');
  }
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > VAULT_VERSION) {
    throw new VaultError(
      'vault-too-new',
      `${path}: written by a newer Talos Credential Manager (vault format ${version}); update it to open this vault`,
    );
  }
  const parsed = headerFieldsSchema.safeParse(json);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join('.') ?? '';
    throw corrupt(path, `its header field "${field}" is not valid`);
  }
  const header = parsed.data;
  if ((header.keySource === 'passphrase') !== (header.kdf !== null)) {
    throw corrupt(path, 'its header names a key source that does not match its key derivation');
  }
  const body = bytes.subarray(end + 1);
  if (body.length < TAG_BYTES) throw corrupt(path, 'it is cut short');
  return { header, headerBytes: Buffer.from(headerBytes), body };
}

/** Decrypts with `key`; a key that is not this vault's and a damaged file get different errors. */
export function openVault(sealed: SealedVault, key: Buffer, path: string): Buffer {
  const expected = Buffer.from(sealed.header.keyCheck, 'base64');
  const actual = Buffer.from(keyCheckOf(key), 'base64');
  if (!timingSafeEqual(expected, actual)) throw wrongKey(sealed.header, path);
  const { body } = sealed;
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.header.nonce, 'base64'), {
    authTagLength: TAG_BYTES,
  });
  decipher.setAAD(sealed.headerBytes);
  decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw corrupt(path, 'it was changed or damaged after it was written (the integrity check failed)');
  }
}

function wrongKey(header: VaultHeader, path: string): VaultError {
  if (header.keySource === 'passphrase') {
    return new VaultError('wrong-passphrase', `${path}: wrong passphrase; nothing was changed`);
  }
  return new VaultError(
    'keychain-entry-invalid',
    `${path}: the key stored in the keychain for vault ${header.vaultId} is not this vault's key; ` +
      'restore the keychain entry from a keychain backup',
  );
}

function corrupt(path: string, why: string): VaultError {
  return new VaultError('vault-damaged', `${path}: the vault is damaged: ${why}`);
}
