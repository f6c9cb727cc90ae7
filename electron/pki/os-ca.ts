import type { X509Certificate } from 'node:crypto';
import { readFileLimited } from '../files/read-limited.js';
import { caSigningFields } from './certificate-fields.js';
import { caFacts, readCertificates } from './certificate-facts.js';
import { decodeBase64Field } from './pem.js';
import { PkiError } from './pki-error.js';
import { encodePrivateKeyPem, keyTypeName, publicKeysMatch, readPrivateKeyPem } from './private-key.js';
import { keyFamily } from './signing-key.js';
import { readYamlDocuments } from './read-yaml.js';
import { fieldAt as field } from './yaml-field.js';

/** A Talos OS CA ready to issue with: one certificate, its key, and the facts the UI shows. */
export interface OsCa {
  certPem: string;
  /** With Talos's PEM label for the key type. */
  keyPem: string;
  fingerprintSha256: string;
  subject: string;
  /** ISO 8601 in whole seconds. */
  notAfter: string;
  keyType: string;
}

/** Secrets bundles and machine configs are a few KiB; anything far larger is not one. */
export const MAX_CA_SOURCE_BYTES = 1024 * 1024;

/** KeyUsage keyCertSign, when the certificate states key usages at all. */
function allowsCertSign(certificate: X509Certificate, where: string): boolean {
  return caSigningFields(certificate.raw, where).allowsCertSign;
}

/**
 * Checks a CA before it is kept for issuing: a CA certificate (BasicConstraints CA:TRUE, may sign
 * certificates), the key that belongs to it, a key type Talos uses, valid at `now`. `certWhere` and
 * `keyWhere` name the file and field in messages.
 */
export function validateOsCa(
  certPem: string,
  keyPem: string,
  places: { certWhere: string; keyWhere: string },
  now: Date,
): OsCa {
  const key = readPrivateKeyPem(keyPem, places.keyWhere);
  const certificates = readCertificates(certPem, places.certWhere);
  // A PEM file may carry more than one certificate (a chain, old and new CA): use the one the key fits.
  const certificate = certificates.find((candidate) => publicKeysMatch(candidate.publicKey, key));
  if (certificate === undefined) {
    throw new PkiError(
      'key-mismatch',
      `${places.keyWhere}: this key does not belong to the CA certificate in ${places.certWhere}; import the matching pair`,
    );
  }
  const facts = caFacts(certificate);
  if (!certificate.ca || !allowsCertSign(certificate, places.certWhere)) {
    throw new PkiError(
      'not-a-ca',
      `${places.certWhere}: the certificate "${facts.subject}" is not a CA (it lacks BasicConstraints CA:TRUE or certificate signing); use the cluster's OS CA`,
    );
  }
  keyFamily(key, places.keyWhere);
  if (now.getTime() < Date.parse(certificate.validFrom)) {
    throw new PkiError(
      'ca-not-yet-valid',
      `${places.certWhere}: the CA is not valid before ${certificate.validFrom}`,
    );
  }
  if (now.getTime() > Date.parse(certificate.validTo)) {
    throw new PkiError(
      'ca-expired',
      `${places.certWhere}: the CA expired on ${facts.notAfter}; rotate it (talosctl rotate-ca) and import the new one`,
    );
  }
  return {
    certPem: certificate.toString(),
    keyPem: encodePrivateKeyPem(key),
    fingerprintSha256: facts.fingerprintSha256,
    subject: facts.subject,
    notAfter: facts.notAfter,
    keyType: keyTypeName(key),
  };
}

function stringField(document: unknown, path: readonly string[], file: string): string | undefined {
  const value = field(document, path);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') {
    throw new PkiError('invalid-ca-source', `${file}: ${path.join('.')} is not a string of base64 PEM`);
  }
  return value;
}

/**
 * Reads the OS CA from a secrets bundle (`certs.os`, from `talosctl gen secrets`) or a control-plane
 * machine config (`machine.ca`; TALOS.md "The OS CA and where it lives"), whichever `text` is. Both hold
 * base64 of PEM. Machine configs may be multi-document YAML (extra documents follow the main one).
 */
export function readOsCaFromYaml(text: string, file: string, now: Date): OsCa {
  const documents = readYamlDocuments(text, file, MAX_CA_SOURCE_BYTES);
  const bundle = documents.find((document) => field(document, ['certs', 'os']) !== undefined);
  if (bundle !== undefined) {
    const crt = stringField(bundle, ['certs', 'os', 'crt'], file);
    const key = stringField(bundle, ['certs', 'os', 'key'], file);
    if (crt === undefined)
      throw new PkiError('ca-missing', `${file}: certs.os.crt is empty; this secrets bundle has no OS CA`);
    if (key === undefined) {
      throw new PkiError(
        'ca-key-missing',
        `${file}: certs.os.key is empty; this secrets bundle has no OS CA key`,
      );
    }
    return validateOsCa(
      decodeBase64Field(crt, `${file}: certs.os.crt`),
      decodeBase64Field(key, `${file}: certs.os.key`),
      { certWhere: `${file}: certs.os.crt`, keyWhere: `${file}: certs.os.key` },
      now,
    );
  }
  const config = documents.find((document) => field(document, ['machine', 'ca']) !== undefined);
  if (config !== undefined) {
    const crt = stringField(config, ['machine', 'ca', 'crt'], file);
    const key = stringField(config, ['machine', 'ca', 'key'], file);
    if (crt === undefined)
      throw new PkiError('ca-missing', `${file}: machine.ca.crt is empty; this config has no OS CA`);
    if (key === undefined) {
      throw new PkiError(
        'ca-key-missing',
        `${file}: this file has no CA key (machine.ca.key is empty — worker configs only carry the CA certificate); use the secrets bundle or controlplane.yaml`,
      );
    }
    return validateOsCa(
      decodeBase64Field(crt, `${file}: machine.ca.crt`),
      decodeBase64Field(key, `${file}: machine.ca.key`),
      { certWhere: `${file}: machine.ca.crt`, keyWhere: `${file}: machine.ca.key` },
      now,
    );
  }
  throw new PkiError(
    'ca-missing',
    `${file}: neither certs.os (a secrets bundle from talosctl gen secrets) nor machine.ca (a machine config) found`,
  );
}

/** Where an OS CA comes from: one YAML file (bundle or machine config), or PEM certificate + key files. */
export type OsCaSource = { yamlPath: string } | { certPath: string; keyPath: string };

/** Reads and validates an OS CA from files; messages name the file and field. */
export async function loadOsCa(source: OsCaSource, now: Date): Promise<OsCa> {
  if ('yamlPath' in source) {
    const bytes = await readFileLimited(source.yamlPath, MAX_CA_SOURCE_BYTES);
    return readOsCaFromYaml(bytes.toString('utf8'), source.yamlPath, now);
  }
  const [cert, key] = await Promise.all([
    readFileLimited(source.certPath, MAX_CA_SOURCE_BYTES),
    readFileLimited(source.keyPath, MAX_CA_SOURCE_BYTES),
  ]);
  return validateOsCa(
    cert.toString('latin1'),
    key.toString('latin1'),
    {
      certWhere: source.certPath,
      keyWhere: source.keyPath,
    },
    now,
  );
}
