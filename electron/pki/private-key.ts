import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { encodePem, parsePem } from './pem.js';
import { PkiError } from './pki-error.js';

type DerKeyType = 'pkcs8' | 'sec1' | 'pkcs1';

/**
 * The labels Talos writes and reads (TALOS.md "Keys and PEM labels"), with the DER structure each holds.
 * `ED25519 PRIVATE KEY` is Talos's own label over a PKCS#8 body: Node and OpenSSL refuse the label, so the
 * body is read as PKCS#8 directly.
 */
const formatOfLabel: Readonly<Record<string, DerKeyType>> = {
  'ED25519 PRIVATE KEY': 'pkcs8',
  'PRIVATE KEY': 'pkcs8',
  'EC PRIVATE KEY': 'sec1',
  'RSA PRIVATE KEY': 'pkcs1',
};

const supportedCurves: Readonly<Record<string, string>> = {
  prime256v1: 'p256',
  secp384r1: 'p384',
  secp521r1: 'p521',
};

function where(source: string | undefined): string {
  return source === undefined ? '' : `${source}: `;
}

/**
 * Reads a private key in any form Talos writes. Like Go's tls.X509KeyPair, blocks before the first
 * `… PRIVATE KEY` block are skipped (a key file may carry its certificate first). Messages never include key
 * material.
 */
export function readPrivateKeyPem(pem: string, source?: string): KeyObject {
  const block = parsePem(pem, source).find((candidate) => candidate.label.endsWith('PRIVATE KEY'));
  if (block === undefined) {
    throw new PkiError(
      'invalid-pem',
      `${where(source)}no PRIVATE KEY block found — this field must hold the client's private key; import it again from the original file`,
    );
  }
  const format = formatOfLabel[block.label];
  const encrypted =
    block.label.includes('ENCRYPTED') || block.headers['Proc-Type']?.includes('ENCRYPTED') === true;
  if (encrypted) {
    throw new PkiError(
      'unsupported-key',
      `${where(source)}the private key is encrypted — talosctl reads only unencrypted keys; decrypt it first (openssl pkey)`,
    );
  }
  if (format === undefined) {
    throw new PkiError(
      'unsupported-key',
      `${where(source)}a "${block.label}" block is not a key form talosctl reads — use an ED25519, EC, RSA or PKCS#8 private key`,
    );
  }
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: block.der, format: 'der', type: format });
  } catch {
    throw new PkiError(
      'invalid-pem',
      `${where(source)}the ${block.label} block does not hold a readable private key — import it again from the original file`,
    );
  }
  assertSupportedKey(key, source);
  return key;
}

function assertSupportedKey(key: KeyObject, source: string | undefined): void {
  const type = key.asymmetricKeyType;
  const curve = key.asymmetricKeyDetails?.namedCurve;
  const supported =
    type === 'ed25519' ||
    type === 'rsa' ||
    (type === 'ec' && curve !== undefined && curve in supportedCurves);
  if (!supported) {
    throw new PkiError(
      'unsupported-key',
      `${where(source)}a ${keyTypeName(key)} key is not supported — Talos uses Ed25519, ECDSA (P-256/P-384/P-521) or RSA keys`,
    );
  }
}

/**
 * PEM text of a private key under the label Talos uses for its type, so talosctl reads what this product
 * writes. Ed25519 keys come out byte-identical to the `ED25519 PRIVATE KEY` files Talos writes.
 */
export function encodePrivateKeyPem(key: KeyObject): string {
  if (key.type !== 'private')
    throw new PkiError('unsupported-key', 'only a private key can be written as a key file');
  switch (key.asymmetricKeyType) {
    case 'ed25519':
      return encodePem('ED25519 PRIVATE KEY', key.export({ format: 'der', type: 'pkcs8' }));
    case 'ec':
      return encodePem('EC PRIVATE KEY', key.export({ format: 'der', type: 'sec1' }));
    case 'rsa':
      return encodePem('RSA PRIVATE KEY', key.export({ format: 'der', type: 'pkcs1' }));
    default:
      throw new PkiError(
        'unsupported-key',
        `a ${keyTypeName(key)} key cannot be written in a form Talos reads`,
      );
  }
}

/** `ed25519`, `ecdsa-p256`, `ecdsa-p384`, `rsa-2048`, `rsa-4096`, …, for public and private keys alike. */
export function keyTypeName(key: KeyObject): string {
  const type = key.asymmetricKeyType ?? key.type;
  const details = key.asymmetricKeyDetails;
  if (type === 'ec') {
    const curve = details?.namedCurve ?? 'unknown';
    return `ecdsa-${supportedCurves[curve] ?? curve}`;
  }
  if ((type === 'rsa' || type === 'rsa-pss' || type === 'dsa') && details?.modulusLength !== undefined) {
    return `${type}-${details.modulusLength}`;
  }
  return type;
}

/** Whether two keys (private or public, in any combination) share one public key. */
export function publicKeysMatch(a: KeyObject, b: KeyObject): boolean {
  if (a.type === 'secret' || b.type === 'secret') return false;
  return spkiDer(a).equals(spkiDer(b));
}

function spkiDer(key: KeyObject): Buffer {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return publicKey.export({ format: 'der', type: 'spki' });
}
