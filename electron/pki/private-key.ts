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
    key = readEd25519Pkcs8(block.der) ?? createPrivateKey({ key: block.der, format: 'der', type: format });
  } catch {
    throw new PkiError(
      'invalid-pem',
      `${where(source)}the ${block.label} block does not hold a readable private key — import it again from the original file`,
    );
  }
  assertSupportedKey(key, source);
  return key;
}

/**
 * The one PKCS#8 form of an Ed25519 key (RFC 8410: version 0, the Ed25519 OID, a 32-byte seed), which is
 * what Talos writes: matched byte for byte, never parsed, and imported from its seed. OpenSSL 3's DER
 * decoder takes ~0.3 ms a key, most of a context's diagnosis; the raw import takes a tenth of that. Any
 * other bytes take the general path.
 */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

function readEd25519Pkcs8(der: Uint8Array): KeyObject | undefined {
  const bytes = Buffer.from(der.buffer, der.byteOffset, der.byteLength);
  if (bytes.length !== ED25519_PKCS8_PREFIX.length + 32) return undefined;
  if (!bytes.subarray(0, ED25519_PKCS8_PREFIX.length).equals(ED25519_PKCS8_PREFIX)) return undefined;
  const d = bytes.subarray(ED25519_PKCS8_PREFIX.length).toString('base64url');
  return createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', d, x: '' }, format: 'jwk' });
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
  // Public JWKs first: OpenSSL's SPKI encoder is slow (~0.1 ms), and every key type Talos uses has a JWK.
  const [left, right] = [publicJwk(a), publicJwk(b)];
  if (left !== undefined && right !== undefined) return left === right;
  return spkiDer(a).equals(spkiDer(b));
}

function publicJwk(key: KeyObject): string | undefined {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  try {
    const { kty, crv, x, y, n, e } = publicKey.export({ format: 'jwk' });
    return JSON.stringify([kty, crv, x, y, n, e]);
  } catch {
    return undefined;
  }
}

function spkiDer(key: KeyObject): Buffer {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return publicKey.export({ format: 'der', type: 'spki' });
}
