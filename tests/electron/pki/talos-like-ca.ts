// Test helper: CAs shaped like Talos's OS CA (TALOS.md "The OS CA and where it lives") for each key family,
// plus server certificates like those Talos nodes present, made with the same library the product uses.
import { generateKeyPairSync, randomBytes, webcrypto, type KeyObject } from 'node:crypto';
import { encodePrivateKeyPem } from '../../../electron/pki/private-key.js';
import { keyFamily, type KeyFamily } from '../../../electron/pki/signing-key.js';
import { x509 } from '../../support/x509.js';

const webCryptoAlgorithms = {
  ed25519: { name: 'Ed25519' },
  ecdsa: { name: 'ECDSA', namedCurve: 'P-256' },
  rsa: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
} as const;

/** @peculiar/x509 signs with WebCrypto keys, which import only PKCS#8 (DESIGN.md "Facts about the tools"). */
function importSigningKey(key: KeyObject): Promise<webcrypto.CryptoKey> {
  const pkcs8 = key.export({ type: 'pkcs8', format: 'der' });
  const family = keyFamily(key, 'test key');
  const algorithm =
    family === 'ecdsa' && key.asymmetricKeyDetails?.namedCurve === 'secp384r1'
      ? { name: 'ECDSA', namedCurve: 'P-384' }
      : webCryptoAlgorithms[family];
  return webcrypto.subtle.importKey('pkcs8', pkcs8, algorithm, false, ['sign']);
}

export interface TestCa {
  certPem: string;
  keyPem: string;
  key: KeyObject;
  subjectKeyIdHex: string;
}

export function generateTestKey(
  family: KeyFamily,
  curve: 'P-256' | 'P-384' = 'P-256',
): { publicKey: KeyObject; privateKey: KeyObject } {
  switch (family) {
    case 'ed25519':
      return generateKeyPairSync('ed25519');
    case 'ecdsa':
      return generateKeyPairSync('ec', { namedCurve: curve });
    case 'rsa':
      return generateKeyPairSync('rsa', { modulusLength: 2048 });
  }
}

// Talos's OS CA: certificate signing + digital signature (TALOS.md). The union of two flags is a plain number.
const CA_USAGES = (x509.KeyUsageFlags.keyCertSign |
  x509.KeyUsageFlags.digitalSignature) as x509.KeyUsageFlags;

interface CaOptions {
  subject?: string;
  notBefore?: Date;
  notAfter?: Date;
  isCa?: boolean;
  curve?: 'P-256' | 'P-384';
}

/** O=talos, CA:TRUE (critical), KeyUsage certSign + digitalSignature, random 20-byte SKI, 10 years. */
export async function createTalosLikeCa(family: KeyFamily, options: CaOptions = {}): Promise<TestCa> {
  const { publicKey, privateKey } = generateTestKey(family, options.curve);
  const subjectKeyIdHex = randomBytes(20).toString('hex');
  const notBefore = options.notBefore ?? new Date(Date.now() - 60_000);
  const isCa = options.isCa ?? true;
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: '01' + randomBytes(15).toString('hex'),
    subject: options.subject ?? 'O=talos',
    issuer: options.subject ?? 'O=talos',
    notBefore,
    notAfter: options.notAfter ?? new Date(notBefore.getTime() + 10 * 365 * 86_400_000),
    publicKey: publicKey.export({ type: 'spki', format: 'der' }),
    signingKey: await importSigningKey(privateKey),
    extensions: [
      new x509.KeyUsagesExtension(isCa ? CA_USAGES : x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([
        x509.ExtendedKeyUsage.serverAuth,
        x509.ExtendedKeyUsage.clientAuth,
      ]),
      new x509.BasicConstraintsExtension(isCa, undefined, true),
      new x509.SubjectKeyIdentifierExtension(subjectKeyIdHex),
    ],
  });
  return {
    certPem: certificate.toString('pem') + '\n',
    keyPem: encodePrivateKeyPem(privateKey),
    key: privateKey,
    subjectKeyIdHex,
  };
}

export interface TestLeaf {
  certPem: string;
  keyPem: string;
}

interface LeafOptions {
  usages: x509.ExtendedKeyUsage[];
  ipAddresses?: string[];
  organizations?: string[];
  notBefore?: Date;
  notAfter?: Date;
}

/** A leaf signed by `ca` with chosen EKUs: Talos-like server certificates and deliberately wrong clients. */
export async function createTestLeaf(ca: TestCa, options: LeafOptions): Promise<TestLeaf> {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const caCertificate = new x509.X509Certificate(ca.certPem);
  const notBefore = options.notBefore ?? new Date(Date.now() - 60_000);
  const extensions: x509.Extension[] = [
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
    new x509.ExtendedKeyUsageExtension(options.usages),
    new x509.AuthorityKeyIdentifierExtension(ca.subjectKeyIdHex),
  ];
  if (options.ipAddresses !== undefined) {
    extensions.push(
      new x509.SubjectAlternativeNameExtension(options.ipAddresses.map((value) => ({ type: 'ip', value }))),
    );
  }
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: '01' + randomBytes(15).toString('hex'),
    subject: (options.organizations ?? []).map((value) => ({ O: [value] })),
    issuer: caCertificate.subjectName,
    notBefore,
    notAfter: options.notAfter ?? new Date(notBefore.getTime() + 86_400_000),
    publicKey: publicKey.export({ type: 'spki', format: 'der' }),
    signingKey: await importSigningKey(ca.key),
    extensions,
  });
  return { certPem: certificate.toString('pem') + '\n', keyPem: encodePrivateKeyPem(privateKey) };
}
