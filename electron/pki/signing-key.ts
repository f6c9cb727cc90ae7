import { generateKeyPair, sign, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { DER_NULL, derOid, derSequence } from './der.js';
import { PkiError } from './pki-error.js';

const generateKeyPairAsync = promisify(generateKeyPair);

/** Go's signingParamsForKey: the digest follows the ECDSA curve; RSA gets PKCS#1 v1.5 with SHA-256. */
const ecdsaSignatures: Record<string, { oid: string; digest: string }> = {
  prime256v1: { oid: '1.2.840.10045.4.3.2', digest: 'sha256' },
  secp384r1: { oid: '1.2.840.10045.4.3.3', digest: 'sha384' },
  secp521r1: { oid: '1.2.840.10045.4.3.4', digest: 'sha512' },
};

/** The key families Talos CAs come in (TALOS.md "Client certificates Talos issues"). */
export type KeyFamily = 'ed25519' | 'ecdsa' | 'rsa';

/** Which family a key belongs to, refusing what Talos cannot use (Ed448, DSA, exotic curves, small RSA). */
export function keyFamily(key: KeyObject, what: string): KeyFamily {
  const type = key.asymmetricKeyType;
  if (type === 'ed25519') return 'ed25519';
  if (type === 'ec') {
    const curve = key.asymmetricKeyDetails?.namedCurve ?? '';
    if (curve in ecdsaSignatures) return 'ecdsa';
    throw new PkiError(
      'unsupported-key',
      `${what}: elliptic curve ${curve || 'unknown'} is not supported; use P-256, P-384 or P-521`,
    );
  }
  if (type === 'rsa') {
    if ((key.asymmetricKeyDetails?.modulusLength ?? 0) >= 2048) return 'rsa';
    throw new PkiError('unsupported-key', `${what}: RSA keys shorter than 2048 bits are refused`);
  }
  throw new PkiError(
    'unsupported-key',
    `${what}: ${type ?? 'unknown'} keys are not supported; Talos uses Ed25519, ECDSA or RSA`,
  );
}

export interface CertificateSigner {
  /** DER AlgorithmIdentifier written in the certificate (twice: in the TBS and after it). */
  algorithmIdentifier: Buffer;
  sign(data: Buffer): Buffer;
}

/** Signs as Go's x509.CreateCertificate does with this CA key. ECDSA signatures come out DER-encoded. */
export function certificateSigner(key: KeyObject, what: string): CertificateSigner {
  switch (keyFamily(key, what)) {
    case 'ed25519':
      return {
        algorithmIdentifier: derSequence([derOid('1.3.101.112')]),
        sign: (data) => sign(null, data, key),
      };
    case 'ecdsa': {
      const { oid, digest } = ecdsaSignatures[key.asymmetricKeyDetails?.namedCurve ?? ''] ?? {
        oid: '1.2.840.10045.4.3.2',
        digest: 'sha256',
      };
      return { algorithmIdentifier: derSequence([derOid(oid)]), sign: (data) => sign(digest, data, key) };
    }
    case 'rsa':
      return {
        algorithmIdentifier: derSequence([derOid('1.2.840.113549.1.1.11'), DER_NULL]),
        sign: (data) => sign('sha256', data, key),
      };
  }
}

export interface GeneratedKeyPair {
  publicKey: KeyObject;
  privateKey: KeyObject;
}

/** The key type name (as keyTypeName gives it) of what generateKeyForFamily makes for each family. */
export const generatedKeyType: Readonly<Record<KeyFamily, string>> = {
  ed25519: 'ed25519',
  ecdsa: 'ecdsa-p256',
  rsa: 'rsa-4096',
};

/** Talos's client key for each CA family: Ed25519, ECDSA P-256, RSA 4096. Async so RSA does not block. */
export function generateKeyForFamily(family: KeyFamily): Promise<GeneratedKeyPair> {
  switch (family) {
    case 'ed25519':
      return generateKeyPairAsync('ed25519');
    case 'ecdsa':
      return generateKeyPairAsync('ec', { namedCurve: 'P-256' });
    case 'rsa':
      return generateKeyPairAsync('rsa', { modulusLength: 4096 });
  }
}
