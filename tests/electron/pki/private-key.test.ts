import { execFileSync } from 'node:child_process';
import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodePem } from '../../../electron/pki/pem.js';
import { PkiError } from '../../../electron/pki/pki-error.js';
import {
  encodePrivateKeyPem,
  keyTypeName,
  publicKeysMatch,
  readPrivateKeyPem,
} from '../../../electron/pki/private-key.js';
import { generateTestKey, type TestKeyAlgorithm } from '../../support/test-pki.js';

/** The client key of Talos's own 2021 admin talosconfig (tests/fixtures/talos/README.md). */
function talosFixtureKeyPem(): string {
  const text = readFileSync(
    new URL('../../fixtures/talos/talosconfig-admin-2021.yaml', import.meta.url),
    'utf8',
  );
  const field = /^\s+key: (\S+)$/m.exec(text)?.[1] ?? '';
  return Buffer.from(field, 'base64').toString('latin1');
}

function pkiErrorOf(action: () => unknown): PkiError {
  try {
    action();
  } catch (error) {
    if (error instanceof PkiError) return error;
    throw error;
  }
  throw new Error('expected a PkiError');
}

/** What the real OpenSSL makes of a key file: its text dump, or the failure. */
function opensslPkey(pem: string): { ok: boolean; text: string } {
  try {
    return {
      ok: true,
      text: execFileSync('openssl', ['pkey', '-noout', '-text'], {
        input: pem,
        encoding: 'utf8',
        stdio: ['pipe', 'pipe', 'pipe'],
      }),
    };
  } catch {
    return { ok: false, text: '' };
  }
}

const algorithms: [TestKeyAlgorithm, string, string][] = [
  ['ed25519', 'ED25519 PRIVATE KEY', 'ed25519'],
  ['ecdsa-p256', 'EC PRIVATE KEY', 'ecdsa-p256'],
  ['ecdsa-p384', 'EC PRIVATE KEY', 'ecdsa-p384'],
  ['rsa-2048', 'RSA PRIVATE KEY', 'rsa-2048'],
];

describe('readPrivateKeyPem / encodePrivateKeyPem', () => {
  it('round-trips the ED25519 PRIVATE KEY file Talos wrote, byte for byte', () => {
    const pem = talosFixtureKeyPem();
    expect(pem.startsWith('-----BEGIN ED25519 PRIVATE KEY-----\n')).toBe(true);
    const key = readPrivateKeyPem(pem);
    expect(keyTypeName(key)).toBe('ed25519');
    expect(encodePrivateKeyPem(key)).toBe(pem);
  });

  it.each(algorithms)(
    'writes a %s key under the label %s and reads it back',
    (algorithm, label, typeName) => {
      const key = generateTestKey(algorithm);
      const pem = encodePrivateKeyPem(key);
      expect(pem.split('\n')[0]).toBe(`-----BEGIN ${label}-----`);
      const read = readPrivateKeyPem(pem);
      expect(keyTypeName(read)).toBe(typeName);
      expect(publicKeysMatch(read, key)).toBe(true);
      expect(encodePrivateKeyPem(read)).toBe(pem);
    },
  );

  it.each(algorithms)('reads a %s key written as PKCS#8 (PRIVATE KEY)', (algorithm) => {
    const key = generateTestKey(algorithm);
    const pkcs8 = key.export({ format: 'pem', type: 'pkcs8' }) as string;
    expect(publicKeysMatch(readPrivateKeyPem(pkcs8), key)).toBe(true);
  });

  it('finds the key after a certificate block, as talosctl does with a combined file', () => {
    const key = generateTestKey('ecdsa-p256');
    const pem = encodePem('CERTIFICATE', Buffer.from('not parsed')) + encodePrivateKeyPem(key);
    expect(publicKeysMatch(readPrivateKeyPem(pem), key)).toBe(true);
  });

  it('writes EC, RSA and PKCS#8 forms that the real openssl reads', () => {
    for (const algorithm of ['ecdsa-p256', 'rsa-2048', 'ed25519'] as const) {
      const key = generateTestKey(algorithm);
      const written = encodePrivateKeyPem(key);
      const relabelled = written.replaceAll('ED25519 PRIVATE KEY', 'PRIVATE KEY');
      const result = opensslPkey(relabelled);
      expect(result.ok).toBe(true);
      expect(result.text).toMatch(
        algorithm === 'rsa-2048' ? /2048 bit/ : algorithm === 'ed25519' ? /ED25519/ : /P-256|prime256v1/,
      );
    }
  });

  it('needs the relabel: openssl refuses the ED25519 PRIVATE KEY label itself (TALOS.md)', () => {
    expect(opensslPkey(talosFixtureKeyPem()).ok).toBe(false);
  });

  it('refuses an encrypted key, naming the field and not the key', () => {
    const key = generateTestKey('ed25519');
    const encrypted = key.export({
      format: 'pem',
      type: 'pkcs8',
      cipher: 'aes-256-cbc',
      passphrase: 'pw',
    }) as string;
    const error = pkiErrorOf(() => readPrivateKeyPem(encrypted, 'contexts.prod.key'));
    expect(error.code).toBe('unsupported-key');
    expect(error.message).toMatch(/^contexts\.prod\.key: .*encrypted/);
    expect(error.message).not.toContain(encrypted.split('\n')[1]);
  });

  it('refuses labels talosctl cannot read', () => {
    const key = generateTestKey('ed25519');
    const der = key.export({ format: 'der', type: 'pkcs8' });
    const error = pkiErrorOf(() => readPrivateKeyPem(encodePem('OPENSSH PRIVATE KEY', der)));
    expect(error.code).toBe('unsupported-key');
    expect(error.message).toContain('OPENSSH PRIVATE KEY');
  });

  it('refuses key types Talos does not use (Ed448, secp256k1)', () => {
    const others: KeyObject[] = [
      generateKeyPairSync('ed448').privateKey,
      generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).privateKey,
    ];
    for (const key of others) {
      const pem = key.export({ format: 'pem', type: 'pkcs8' }) as string;
      expect(pkiErrorOf(() => readPrivateKeyPem(pem)).code).toBe('unsupported-key');
    }
  });

  it('calls a body that is not a key invalid-pem, without echoing it', () => {
    const garbage = Buffer.from('0123456789abcdef0123456789abcdef');
    const error = pkiErrorOf(() => readPrivateKeyPem(encodePem('EC PRIVATE KEY', garbage)));
    expect(error.code).toBe('invalid-pem');
    expect(error.message).not.toContain(garbage.toString('base64'));
    expect(pkiErrorOf(() => readPrivateKeyPem('just some text')).code).toBe('invalid-pem');
    expect(pkiErrorOf(() => readPrivateKeyPem(encodePem('CERTIFICATE', garbage))).code).toBe('invalid-pem');
  });
});

describe('keyTypeName', () => {
  it('names private and public keys alike', () => {
    const rsa4096 = generateTestKey('rsa-4096');
    for (const [key, name] of [
      [generateTestKey('ed25519'), 'ed25519'],
      [generateTestKey('ecdsa-p256'), 'ecdsa-p256'],
      [generateTestKey('ecdsa-p384'), 'ecdsa-p384'],
      [generateKeyPairSync('ec', { namedCurve: 'P-521' }).privateKey, 'ecdsa-p521'],
      [generateTestKey('rsa-2048'), 'rsa-2048'],
      [rsa4096, 'rsa-4096'],
    ] as const) {
      expect(keyTypeName(key)).toBe(name);
      expect(keyTypeName(createPublicKey(key))).toBe(name);
    }
  });
});

describe('publicKeysMatch', () => {
  it('matches a private key with its own public key in any order, and nothing else', () => {
    const key = generateTestKey('ed25519');
    const other = generateTestKey('ed25519');
    expect(publicKeysMatch(key, createPublicKey(key))).toBe(true);
    expect(publicKeysMatch(createPublicKey(key), key)).toBe(true);
    expect(publicKeysMatch(key, other)).toBe(false);
    expect(publicKeysMatch(key, generateTestKey('ecdsa-p256'))).toBe(false);
  });
});
