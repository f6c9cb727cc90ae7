import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openVault, parseVault, sealVault, type NewVaultHeader } from '../../../electron/vault/envelope.js';
import { VaultError } from '../../../electron/vault/vault-error.js';

const fields: NewVaultHeader = { vaultId: randomUUID(), keySource: 'keychain', kdf: null };
const key = randomBytes(32);
const plaintext = Buffer.from('{"format":1}');

function failure(run: () => unknown): VaultError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(VaultError);
    return error as VaultError;
  }
  throw new Error('expected a VaultError');
}

describe('vault envelope', () => {
  it('starts with a magic line and a plaintext header, and opens with its key', () => {
    const sealed = sealVault(fields, key, plaintext);
    expect(sealed.subarray(0, 14).toString()).toBe('talcred-vault\n');
    const parsed = parseVault(sealed, '/v');
    expect(parsed.header).toMatchObject({ format: 'talcred-vault', version: 1, ...fields });
    expect(openVault(parsed, key, '/v')).toEqual(plaintext);
  });

  it('draws a fresh nonce for every write', () => {
    const nonces = new Set(
      Array.from({ length: 50 }, () => parseVault(sealVault(fields, key, plaintext), '/v').header.nonce),
    );
    expect(nonces.size).toBe(50);
  });

  it('binds the header: a re-serialized header naming another vault fails the integrity check', () => {
    const sealed = sealVault(fields, key, plaintext);
    const parsed = parseVault(sealed, '/v');
    const forged = Buffer.from(JSON.stringify({ ...parsed.header, vaultId: randomUUID() }));
    const error = failure(() => openVault({ ...parsed, headerBytes: forged }, key, '/v'));
    expect(error.code).toBe('vault-damaged');
  });

  it('tells a key that is not the vault’s from a damaged file', () => {
    const parsed = parseVault(sealVault(fields, key, plaintext), '/v');
    expect(failure(() => openVault(parsed, randomBytes(32), '/v')).code).toBe('keychain-entry-invalid');
    const passphraseVault = parseVault(
      sealVault(
        {
          ...fields,
          keySource: 'passphrase',
          kdf: { name: 'scrypt', N: 1024, r: 8, p: 1, salt: randomBytes(16).toString('base64') },
        },
        key,
        plaintext,
      ),
      '/v',
    );
    expect(failure(() => openVault(passphraseVault, randomBytes(32), '/v')).code).toBe('wrong-passphrase');
  });

  it('refuses hostile KDF parameters before running scrypt', () => {
    const sealed = sealVault(
      {
        ...fields,
        keySource: 'passphrase',
        kdf: { name: 'scrypt', N: 2 ** 30, r: 8, p: 1, salt: randomBytes(16).toString('base64') },
      },
      key,
      plaintext,
    );
    const error = failure(() => parseVault(sealed, '/v'));
    expect(error.code).toBe('vault-damaged');
    expect(error.message).toMatch(/kdf\.N/);
  });

  it('calls an empty or cut-off file damaged and anything else foreign', () => {
    expect(failure(() => parseVault(Buffer.alloc(0), '/v')).code).toBe('vault-damaged');
    expect(failure(() => parseVault(Buffer.from('talcred'), '/v')).code).toBe('vault-damaged');
    expect(failure(() => parseVault(Buffer.from('talcred-vault\n{"format"'), '/v')).code).toBe(
      'vault-damaged',
    );
    expect(failure(() => parseVault(Buffer.from('-----BEGIN AGE ENCRYPTED FILE-----'), '/v')).code).toBe(
      'vault-foreign',
    );
  });
});
