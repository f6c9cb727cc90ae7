import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseVault, sealVault, type ScryptParams } from '../../../electron/vault/envelope.js';
import { DEFAULT_SCRYPT_COST } from '../../../electron/vault/passphrase.js';
import { VaultError } from '../../../electron/vault/vault-error.js';

// The vault header is plaintext that anyone able to write the file can change. Its scrypt parameters are
// read before any passphrase is asked for, so they must not be able to make an unlock take minutes and
// gigabytes (N = 2^20, r = 32, p = 16 is 4 GiB and over a minute here, each value within its own bound).

function sealedWith(cost: Omit<ScryptParams, 'name' | 'salt'>): Buffer {
  const kdf: ScryptParams = { name: 'scrypt', ...cost, salt: randomBytes(16).toString('base64') };
  return sealVault(
    { vaultId: randomUUID(), keySource: 'passphrase', kdf },
    randomBytes(32),
    Buffer.from('{}'),
  );
}

describe('scrypt parameters in the vault header', () => {
  it.each([
    { N: 2 ** 20, r: 32, p: 1 },
    { N: 2 ** 20, r: 16, p: 1 },
    { N: 2 ** 20, r: 8, p: 16 },
    { N: 2 ** 17, r: 32, p: 16 },
  ])('refuses N=$N r=$r p=$p as damage, before any scrypt runs', (cost) => {
    let error: unknown;
    try {
      parseVault(sealedWith(cost), '/v');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(VaultError);
    expect((error as VaultError).code).toBe('vault-damaged');
    expect((error as VaultError).message).toMatch(/header field "kdf\.N" is not valid/);
  });

  it.each([DEFAULT_SCRYPT_COST, { N: 2 ** 20, r: 8, p: 1 }, { N: 2 ** 17, r: 8, p: 8 }])(
    'accepts N=$N r=$r p=$p: today’s cost and room to raise it',
    (cost) => {
      expect(parseVault(sealedWith(cost), '/v').header.kdf).toMatchObject(cost);
    },
  );
});
