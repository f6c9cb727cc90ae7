import { armor, Decrypter, Encrypter } from 'age-encryption';
import { checkIdentity, checkRecipient } from './age-keys.js';
import { ShareError } from './share-error.js';

const BINARY_MAGIC = 'age-encryption.org/v1\n';
const ARMOR_BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';

/** age's default scrypt work factor (`age -p`); typage and age refuse files above 2^20 when decrypting. */
export const DEFAULT_SCRYPT_WORK_FACTOR = 18;

export interface AgeOutputOptions {
  /** ASCII armor (`age -a`): PEM-like text, for pasting into chat or e-mail. */
  armor?: boolean;
}

function output(encrypted: Uint8Array, options: AgeOutputOptions): Uint8Array {
  return options.armor === true ? new TextEncoder().encode(armor.encode(encrypted)) : encrypted;
}

/** An age file (`age -r … -r …`) that any one of the recipients can open. */
export async function encryptForRecipients(
  plaintext: Uint8Array | string,
  recipients: readonly string[],
  options: AgeOutputOptions = {},
): Promise<Uint8Array> {
  if (recipients.length === 0) {
    throw new ShareError('invalid-recipient', 'no recipients given; add at least one age1… recipient');
  }
  const encrypter = new Encrypter();
  for (const recipient of recipients) encrypter.addRecipient(checkRecipient(recipient));
  return output(await encrypter.encrypt(plaintext), options);
}

/** An age file (`age -p`) opened with a passphrase; scrypt makes guessing slow, not impossible. */
export async function encryptWithPassphrase(
  plaintext: Uint8Array | string,
  passphrase: string,
  options: AgeOutputOptions & { scryptWorkFactor?: number } = {},
): Promise<Uint8Array> {
  if (passphrase === '') throw new ShareError('empty-passphrase', 'the passphrase is empty; choose one');
  const encrypter = new Encrypter();
  encrypter.setPassphrase(passphrase);
  encrypter.setScryptWorkFactor(options.scryptWorkFactor ?? DEFAULT_SCRYPT_WORK_FACTOR);
  return output(await encrypter.encrypt(plaintext), options);
}

function startsWithText(bytes: Uint8Array, text: string): boolean {
  const prefix = new TextEncoder().encode(text);
  return bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);
}

function armoredText(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder().decode(bytes.subarray(0, 256)).trimStart();
  return head.startsWith(ARMOR_BEGIN) ? new TextDecoder().decode(bytes) : undefined;
}

/** Whether `bytes` is an age file, binary (`age-encryption.org/v1` header) or armored. */
export function isAgeFile(bytes: Uint8Array): boolean {
  return startsWithText(bytes, BINARY_MAGIC) || armoredText(bytes) !== undefined;
}

/** The recipient types named in the header (`X25519`, `scrypt`, …), read before trying to decrypt. */
function stanzaTypes(file: Uint8Array): string[] {
  const header = new TextDecoder().decode(file.subarray(0, Math.min(file.length, 64 * 1024)));
  const end = header.indexOf('\n---');
  return (end < 0 ? header : header.slice(0, end))
    .split('\n')
    .filter((line) => line.startsWith('-> '))
    .map((line) => line.slice(3).split(' ')[0] ?? '');
}

export interface AgeKeys {
  /** `AGE-SECRET-KEY-1…` strings, e.g. from readIdentityFile. */
  identities?: readonly string[];
  passphrase?: string;
}

/** Opens an age file (binary or armored) with identities or a passphrase; each failure says what to do. */
export async function decryptAgeFile(
  bytes: Uint8Array,
  keys: AgeKeys,
  source = 'age file',
): Promise<Uint8Array> {
  let file = bytes;
  const text = armoredText(bytes);
  if (text !== undefined) {
    try {
      file = armor.decode(text);
    } catch {
      throw new ShareError('damaged-file', `${source}: the armored text is damaged (cut off or edited)`);
    }
  }
  if (!startsWithText(file, BINARY_MAGIC)) {
    throw new ShareError('not-an-age-file', `${source}: not an age file (no age-encryption.org/v1 header)`);
  }
  const types = stanzaTypes(file);
  const passphraseFile = types.includes('scrypt');
  const identities = keys.identities ?? [];
  if (passphraseFile && keys.passphrase === undefined) {
    throw new ShareError(
      'passphrase-needed',
      `${source}: is protected by a passphrase; enter it to open the file`,
      source,
    );
  }
  if (!passphraseFile && identities.length === 0) {
    throw new ShareError(
      'identity-needed',
      `${source}: is encrypted for age recipients; give the identity file that matches one`,
    );
  }
  const decrypter = new Decrypter();
  identities.forEach((identity, index) => {
    decrypter.addIdentity(checkIdentity(identity, `identity ${index + 1}`));
  });
  if (keys.passphrase !== undefined) decrypter.addPassphrase(keys.passphrase);
  try {
    return await decrypter.decrypt(file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : '';
    if (reason.startsWith('no identity matched')) {
      throw passphraseFile
        ? new ShareError('wrong-passphrase', `${source}: the passphrase is wrong`)
        : new ShareError(
            'no-matching-identity',
            `${source}: none of the ${identities.length} given identities can open it — it was encrypted for other recipients (${types.join(', ')}); ask the sender to encrypt it for your age1… recipient`,
          );
    }
    if (reason.includes('work factor')) {
      throw new ShareError(
        'damaged-file',
        `${source}: its scrypt work factor is above 2^20; refused to avoid exhausting memory`,
      );
    }
    throw new ShareError('damaged-file', `${source}: cannot be opened — the file is damaged or was altered`);
  }
}
