import { randomBytes, scrypt } from 'node:crypto';
import { KEY_BYTES, type ScryptParams } from './envelope.js';
import type { KeySource } from './key-source.js';
import { VaultError } from './vault-error.js';

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/**
 * N = 2^17, r = 8 takes 0.29–0.30 s and 128 MiB on the project's 2-core Xeon machines (measured: 2^16
 * 0.15 s, 2^18 0.6–0.8 s), inside the 0.2–0.5 s unlock budget. The header carries the parameters, so a
 * later release can raise them without breaking existing vaults.
 */
export const DEFAULT_SCRYPT_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };

/** `create` asks for a new passphrase (a caller will want it typed twice); `unlock` for an existing one. */
export type PassphrasePurpose = 'unlock' | 'create';

export interface PassphraseKeySourceOptions {
  /**
   * Where a passphrase comes from when the call gave none: the CLI's TALCRED_PASSPHRASE or prompt. The
   * app has none: its vault stays locked until the unlock screen hands one to `unlock`.
   */
  getPassphrase?: (purpose: PassphrasePurpose) => Promise<string>;
  /** Work factor for new vaults; tests lower it. */
  cost?: ScryptCost;
}

export function createPassphraseKeySource(options: PassphraseKeySourceOptions): KeySource {
  const cost = options.cost ?? DEFAULT_SCRYPT_COST;
  const ask = async (purpose: PassphrasePurpose, given: string | undefined): Promise<string> => {
    if (given === undefined && options.getPassphrase === undefined) {
      throw purpose === 'unlock'
        ? new VaultError('vault-locked', 'the vault is locked; unlock it with its passphrase')
        : new VaultError(
            'passphrase-needed',
            'a passphrase vault needs its new passphrase; nothing was changed',
          );
    }
    const passphrase = given ?? (await options.getPassphrase?.(purpose)) ?? '';
    if (passphrase === '')
      throw new VaultError('passphrase-empty', 'the passphrase is empty; nothing was changed');
    return passphrase;
  };
  return {
    kind: 'passphrase',
    async unlock(header, passphrase) {
      if (header.kdf === null) {
        throw new VaultError(
          'vault-damaged',
          `vault ${header.vaultId}: a passphrase vault without KDF parameters`,
        );
      }
      return deriveKey(await ask('unlock', passphrase), header.kdf);
    },
    async createKey(_vaultId, passphrase) {
      const kdf: ScryptParams = { name: 'scrypt', ...cost, salt: randomBytes(16).toString('base64') };
      return { key: await deriveKey(await ask('create', passphrase), kdf), kdf };
    },
    async forget() {
      // Nothing is stored outside the vault file.
    },
  };
}

export function deriveKey(passphrase: string, params: ScryptParams): Promise<Buffer> {
  // The same words typed on another system may arrive in another Unicode normal form.
  const text = passphrase.normalize('NFC');
  const { N, r, p } = params;
  return new Promise((resolve, reject) => {
    // Node's default maxmem is 32 MiB; scrypt needs 128·N·r bytes (DESIGN.md "Facts about the tools").
    scrypt(
      text,
      Buffer.from(params.salt, 'base64'),
      KEY_BYTES,
      { N, r, p, maxmem: 256 * N * r },
      (error, key) => {
        if (error) reject(error);
        else resolve(key);
      },
    );
  });
}
