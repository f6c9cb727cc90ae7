import { CertificationRequest } from '@peculiar/asn1-csr';
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { parseRoles } from '../../shared/roles/catalog.js';
import { encodeClientSubject, OID_COMMON_NAME, OID_ORGANIZATION } from './certificate-der.js';
import { encodeDer, parseDer } from './asn1.js';
import { derBitString, derSequence, derTlv, derUnsignedInteger } from './der.js';
import { nameAttributes } from './name-attributes.js';
import { encodePem, parsePem } from './pem.js';
import { PkiError } from './pki-error.js';
import { encodePrivateKeyPem, keyTypeName } from './private-key.js';
import { certificateSigner, generateKeyForFamily, keyFamily, type KeyFamily } from './signing-key.js';

export interface CreatedCsr {
  csrPem: string;
  /** With Talos's PEM label for the key type; stays with whoever asks for the certificate. */
  keyPem: string;
}

/**
 * A certificate request like `talosctl gen csr --roles` makes: subject O = the roles (one RDN, as Go
 * writes it), no attributes. Ed25519 by default, the key type of Talos's default CA.
 */
export async function createCsr(input: {
  roles: readonly string[];
  keyType?: KeyFamily;
  /** A renewal request: the old certificate's subject, byte for byte (roles and identity as they were). */
  subjectDer?: Buffer;
}): Promise<CreatedCsr> {
  const roles = parseRoles(input.roles);
  if (roles.length === 0) {
    throw new PkiError('no-roles', 'roles: none given; a certificate without roles is refused by Talos');
  }
  const { publicKey, privateKey } = await generateKeyForFamily(input.keyType ?? 'ed25519');
  const info = derSequence([
    derUnsignedInteger(Buffer.from([0])),
    input.subjectDer ?? encodeClientSubject(roles),
    publicKey.export({ type: 'spki', format: 'der' }),
    derTlv(0xa0, Buffer.alloc(0)), // attributes: none
  ]);
  const signer = certificateSigner(privateKey, 'new key');
  const csr = derSequence([info, signer.algorithmIdentifier, derBitString(signer.sign(info))]);
  return { csrPem: encodePem('CERTIFICATE REQUEST', csr), keyPem: encodePrivateKeyPem(privateKey) };
}

/** Signature algorithms a CSR may use, and the digest node:crypto verifies them with (null: Ed25519). */
const signatureDigests: Readonly<Record<string, string | null>> = {
  '1.3.101.112': null,
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
};

function signatureVerifies(digest: string | null, data: Buffer, key: KeyObject, signature: Buffer): boolean {
  try {
    return verify(digest, data, key, signature);
  } catch {
    return false; // a malformed signature (bad DER, wrong length) is as good as a wrong one
  }
}

export interface ReadCsr {
  /** O values as Talos reads roles: trimmed, empties skipped, deduplicated, sorted. */
  roles: string[];
  commonName: string | undefined;
  publicKey: KeyObject;
  keyType: string;
  /** Always true: a request whose signature does not verify is refused, never returned. */
  signatureValid: true;
}

/**
 * Reads a PKCS#10 request (from `openssl req`, `talosctl gen csr` or createCsr) and proves its signature
 * with the key it carries, so nobody can ask for a certificate on a key they do not hold. O values are
 * collected from every RDN: `openssl req -subj "/O=a/O=b"` writes one RDN per value, Go writes one RDN.
 */
export function readCsr(pem: string, source = 'certificate request'): ReadCsr {
  const block = parsePem(pem, source).find((candidate) => candidate.label.endsWith('CERTIFICATE REQUEST'));
  if (block === undefined) {
    throw new PkiError('invalid-pem', `${source}: no CERTIFICATE REQUEST block found`);
  }
  const request = parseDer(block.der, CertificationRequest, source);
  const info = request.certificationRequestInfo;
  if (request.certificationRequestInfoRaw === undefined) {
    throw new PkiError('invalid-csr', `${source}: not a PKCS#10 certificate request`);
  }
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey({ key: encodeDer(info.subjectPKInfo, source), format: 'der', type: 'spki' });
  } catch (error) {
    if (error instanceof PkiError) throw error;
    throw new PkiError('invalid-csr', `${source}: its public key cannot be read`);
  }
  keyFamily(publicKey, source);
  const oid = request.signatureAlgorithm.algorithm;
  const digest = signatureDigests[oid];
  if (digest === undefined) {
    throw new PkiError('unsupported-key', `${source}: signature algorithm ${oid} is not supported`);
  }
  // The signature covers the request's own bytes (kept by the parser), not a re-encoding of them.
  const signed = Buffer.from(request.certificationRequestInfoRaw);
  if (!signatureVerifies(digest, signed, publicKey, Buffer.from(request.signature))) {
    throw new PkiError(
      'csr-signature-invalid',
      `${source}: the request's signature does not verify — it was altered or damaged; ask for a new one`,
    );
  }
  const attributes = nameAttributes(info.subject);
  // A request comes from someone else, and its roles and name are shown to the signer and written into the
  // log: control characters there can only be meant to forge what the signer's terminal shows.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (attributes.some((entry) => /[\u0000-\u001f\u007f-\u009f]/.test(entry.value))) {
    throw new PkiError(
      'invalid-csr',
      `${source}: its subject holds control characters (line breaks, terminal escapes); no Talos role or name has them — ask for a new request`,
    );
  }
  return {
    roles: parseRoles(
      attributes.filter((entry) => entry.oid === OID_ORGANIZATION).map((entry) => entry.value),
    ),
    commonName: attributes.find((entry) => entry.oid === OID_COMMON_NAME)?.value,
    publicKey,
    keyType: keyTypeName(publicKey),
    signatureValid: true,
  };
}
