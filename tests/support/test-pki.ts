/**
 * Certificates and keys for tests, made in-process with the same library the product issues with. Shapes follow
 * what Talos writes (TALOS.md "Client certificates Talos issues"): CA `O=talos`, leaf subject = roles only, Go's
 * multi-valued RDN for several roles, EKU clientAuth. Each option exists to build one broken case on purpose.
 */
import {
  X509Certificate,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  webcrypto,
  type KeyObject,
} from 'node:crypto';
import { x509 } from './x509.js';
import { encodePrivateKeyPem } from '../../electron/pki/private-key.js';
import type { TalosContext } from '../../shared/talosconfig/model.js';

export type TestKeyAlgorithm = 'ed25519' | 'ecdsa-p256' | 'ecdsa-p384' | 'rsa-2048' | 'rsa-4096';

export interface TestCertificate {
  cert: X509Certificate;
  certPem: string;
  key: KeyObject;
  /** The key under the label Talos writes for its type. */
  keyPem: string;
}

export const oids = {
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  codeSigning: '1.3.6.1.5.5.7.3.3',
} as const;

const day = 86_400_000;

export function generateTestKey(algorithm: TestKeyAlgorithm): KeyObject {
  switch (algorithm) {
    case 'ed25519':
      return generateKeyPairSync('ed25519').privateKey;
    case 'ecdsa-p256':
      return generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    case 'ecdsa-p384':
      return generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey;
    case 'rsa-2048':
      return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    case 'rsa-4096':
      return generateKeyPairSync('rsa', { modulusLength: 4096 }).privateKey;
  }
}

function webAlgorithm(key: KeyObject): {
  importAs: webcrypto.AlgorithmIdentifier | webcrypto.EcKeyImportParams | webcrypto.RsaHashedImportParams;
  sign: webcrypto.AlgorithmIdentifier | webcrypto.EcdsaParams;
} {
  switch (key.asymmetricKeyType) {
    case 'ed25519':
      return { importAs: { name: 'Ed25519' }, sign: { name: 'Ed25519' } };
    case 'ec': {
      const curve = key.asymmetricKeyDetails?.namedCurve === 'secp384r1' ? 'P-384' : 'P-256';
      const hash = curve === 'P-384' ? 'SHA-384' : 'SHA-256';
      return { importAs: { name: 'ECDSA', namedCurve: curve }, sign: { name: 'ECDSA', hash } };
    }
    default:
      return {
        importAs: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
        sign: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      };
  }
}

async function toCryptoKeys(
  key: KeyObject,
): Promise<{ privateKey: webcrypto.CryptoKey; publicKey: webcrypto.CryptoKey }> {
  const { importAs } = webAlgorithm(key);
  const privateKey = await webcrypto.subtle.importKey(
    'pkcs8',
    key.export({ format: 'der', type: 'pkcs8' }),
    importAs,
    true,
    ['sign'],
  );
  const spki = createPublicKey(key).export({ format: 'der', type: 'spki' });
  const publicKey = await webcrypto.subtle.importKey('spki', spki, importAs, true, ['verify']);
  return { privateKey, publicKey };
}

function randomSerial(): string {
  const bytes = randomBytes(16);
  // Positive and minimally encoded, as Talos's serials are: a leading zero byte would be invalid DER.
  bytes[0] = (bytes[0] ?? 0) & 0x7f || 0x01;
  return bytes.toString('hex');
}

function toNode(cert: x509.X509Certificate): { cert: X509Certificate; certPem: string } {
  const certPem = cert.toString('pem').replace(/\r\n/g, '\n') + '\n';
  return { cert: new X509Certificate(certPem), certPem };
}

export interface TestCaOptions {
  algorithm?: TestKeyAlgorithm;
  /** JSON name (one object per RDN); default `O=talos`. */
  subject?: x509.JsonName;
  notBefore?: Date;
  notAfter?: Date;
}

/** A Talos-like OS CA: CA:TRUE (critical), KeyUsage certSign + digitalSignature, a SubjectKeyIdentifier. */
export async function createTestCa(options: TestCaOptions = {}): Promise<TestCertificate> {
  const key = generateTestKey(options.algorithm ?? 'ed25519');
  const keys = await toCryptoKeys(key);
  const notBefore = options.notBefore ?? new Date(Date.now() - day);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: options.subject ?? [{ O: ['talos'] }],
    notBefore,
    notAfter: options.notAfter ?? new Date(notBefore.getTime() + 3650 * day),
    signingAlgorithm: webAlgorithm(key).sign,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.digitalSignature, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { ...toNode(cert), key, keyPem: encodePrivateKeyPem(key) };
}

export interface TestLeafOptions {
  roles?: string[];
  /** Go writes several O values as one multi-valued RDN (the default); other tools write one RDN each. */
  rolesAs?: 'multi-valued-rdn' | 'separate-rdns';
  notBefore?: Date;
  notAfter?: Date;
  /** OIDs; default exactly clientAuth. An empty list leaves the extension out. */
  extKeyUsage?: string[];
  /** Default: a new key of the CA's type. */
  key?: KeyObject;
  /** A CommonName RDN after the roles (Talos writes none; talcred's --identity does). */
  commonName?: string;
}

/** A client certificate as Talos issues it, signed by `ca`. */
export async function createTestLeaf(
  ca: TestCertificate,
  options: TestLeafOptions = {},
): Promise<TestCertificate> {
  const key = options.key ?? generateTestKey(algorithmOf(ca.key));
  const roles = options.roles ?? ['os:admin'];
  const roleRdns: x509.JsonName =
    roles.length === 0
      ? []
      : options.rolesAs === 'separate-rdns'
        ? roles.map((role) => ({ O: [role] }))
        : [{ O: roles }];
  const subject: x509.JsonName =
    options.commonName === undefined ? roleRdns : [...roleRdns, { CN: [options.commonName] }];
  const caKeys = await toCryptoKeys(ca.key);
  const notBefore = options.notBefore ?? new Date(Date.now() - 60_000);
  const eku = options.extKeyUsage ?? [oids.clientAuth];
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject,
    issuer: new x509.X509Certificate(ca.cert.raw).subjectName,
    notBefore,
    notAfter: options.notAfter ?? new Date(notBefore.getTime() + 365 * day),
    signingAlgorithm: webAlgorithm(ca.key).sign,
    publicKey: (await toCryptoKeys(key)).publicKey,
    signingKey: caKeys.privateKey,
    extensions: [
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      ...(eku.length > 0 ? [new x509.ExtendedKeyUsageExtension(eku)] : []),
      await x509.AuthorityKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  return { ...toNode(cert), key, keyPem: encodePrivateKeyPem(key) };
}

function algorithmOf(key: KeyObject): TestKeyAlgorithm {
  if (key.asymmetricKeyType === 'ed25519') return 'ed25519';
  if (key.asymmetricKeyType === 'ec')
    return key.asymmetricKeyDetails?.namedCurve === 'secp384r1' ? 'ecdsa-p384' : 'ecdsa-p256';
  return key.asymmetricKeyDetails?.modulusLength === 4096 ? 'rsa-4096' : 'rsa-2048';
}

/** Base64 of text, as a talosconfig field holds PEM. */
export function base64(text: string): string {
  return Buffer.from(text, 'latin1').toString('base64');
}

/** A context holding the given PEM texts (base64-encoded here); fields left out are empty. */
export function mtlsContext(
  name: string,
  pems: { ca?: string; crt?: string; key?: string },
  rest: Partial<Omit<TalosContext, 'name' | 'ca' | 'crt' | 'key'>> = {},
): TalosContext {
  const field = (pem: string | undefined): string => (pem === undefined ? '' : base64(pem));
  return {
    name,
    endpoints: ['10.5.0.2'],
    nodes: [],
    extra: [],
    ...rest,
    ca: field(pems.ca),
    crt: field(pems.crt),
    key: field(pems.key),
  };
}
