import { createHash, type KeyObject, type X509Certificate } from 'node:crypto';
import type { CaFacts } from '../../shared/context-report.js';
import {
  CREDENTIAL_FACTS_VERSION,
  type CredentialFacts,
  type FieldProblem,
} from '../../shared/credential-facts.js';
import { findingCodeSchema } from '../../shared/findings.js';
import { contextPath } from '../../shared/talosconfig/context-path.js';
import type { TalosContext } from '../../shared/talosconfig/model.js';
import {
  caFacts,
  certificateFacts,
  fingerprintSha256,
  isSignedBy,
  readCertificates,
} from './certificate-facts.js';
import { decodeBase64Field } from './pem.js';
import { PkiError } from './pki-error.js';
import { publicKeysMatch, readPrivateKeyPem } from './private-key.js';

type Field = FieldProblem['field'];

/** A `ca` field read once: contexts of one cluster carry the same bytes, so a batch parses them once. */
type CaRead =
  { ok: true; certs: { cert: X509Certificate; facts: CaFacts }[] } | { ok: false; problem: FieldProblem };

/** Parsed `ca` fields by their text, for one batch (a listing, a preview, a write). */
export type CaReads = Map<string, CaRead>;

/** A CA certificate to check the leaf against besides the context's own (the vault's stored CAs). */
export interface OtherCa {
  cert: X509Certificate;
  fingerprintSha256: string;
}

export interface ReadFactsOptions {
  caReads?: CaReads;
  otherCas?: readonly OtherCa[];
}

/** SHA-256 over the fields facts are read from; facts with another digest are stale. */
export function credentialDigest(context: TalosContext): string {
  return createHash('sha256')
    .update(JSON.stringify([context.ca, context.crt, context.key]))
    .digest('base64');
}

/**
 * A field that could not be read, as diagnose-context reports it: a PkiError with a finding code keeps its
 * code and message, anything else is `invalid-pem`. The message is kept without its field prefix, so the
 * facts do not depend on the context's name.
 */
function problemOf(error: unknown, field: Field, source: string): FieldProblem {
  const code = error instanceof PkiError ? findingCodeSchema.safeParse(error.code).data : undefined;
  const message =
    error instanceof PkiError && code !== undefined
      ? error.message
      : `${source}: could not be read — import it again from the original file`;
  const prefix = `${source}: `;
  return message.startsWith(prefix)
    ? { field, code: code ?? 'invalid-pem', detail: message.slice(prefix.length), prefixed: true }
    : { field, code: code ?? 'invalid-pem', detail: message, prefixed: false };
}

function sourceOf(context: TalosContext, field: Field): string {
  return `${contextPath(context.name)}.${field}`;
}

function readCa(context: TalosContext, caReads: CaReads | undefined): CaRead {
  const known = caReads?.get(context.ca);
  if (known !== undefined) return known;
  const source = sourceOf(context, 'ca');
  let read: CaRead;
  try {
    const certs = readCertificates(decodeBase64Field(context.ca, source), source);
    read = { ok: true, certs: certs.map((cert) => ({ cert, facts: caFacts(cert) })) };
  } catch (error) {
    read = { ok: false, problem: problemOf(error, 'ca', source) };
  }
  caReads?.set(context.ca, read);
  return read;
}

/**
 * Everything about a context's credentials that does not move with the clock (shared/credential-facts.ts).
 * Reads exactly what diagnoseContext read before these facts were kept, in the same order, so the findings
 * made from them are the same.
 */
export function readCredentialFacts(context: TalosContext, options: ReadFactsOptions = {}): CredentialFacts {
  const problems: FieldProblem[] = [];
  let ca: CaFacts[] | null = [];
  let caCerts: X509Certificate[] = [];
  if (context.ca !== '') {
    const read = readCa(context, options.caReads);
    if (read.ok) {
      ca = read.certs.map((entry) => entry.facts);
      caCerts = read.certs.map((entry) => entry.cert);
    } else {
      ca = null;
      problems.push(read.problem);
    }
  }
  let key: KeyObject | undefined;
  if (context.key !== '') {
    const source = sourceOf(context, 'key');
    try {
      key = readPrivateKeyPem(decodeBase64Field(context.key, source), source);
    } catch (error) {
      problems.push(problemOf(error, 'key', source));
    }
  }
  let leaf: X509Certificate | undefined;
  let cert: CredentialFacts['cert'] = null;
  if (context.crt !== '') {
    const source = sourceOf(context, 'crt');
    try {
      const certs = readCertificates(decodeBase64Field(context.crt, source), source);
      leaf = certs[0];
      // Every certificate's facts, as before: one the name parser refuses is a finding even if not first.
      cert = certs.map((each) => certificateFacts(each))[0] ?? null;
    } catch (error) {
      problems.push(problemOf(error, 'crt', source));
    }
  }
  const checked: string[] = [];
  const signers: string[] = [];
  const check = (caCert: X509Certificate, fingerprint: string) => {
    if (leaf === undefined || checked.includes(fingerprint)) return;
    checked.push(fingerprint);
    if (isSignedBy(leaf, caCert)) signers.push(fingerprint);
  };
  caCerts.forEach((caCert, index) => {
    check(caCert, ca?.[index]?.fingerprintSha256 ?? fingerprintSha256(caCert));
  });
  for (const other of options.otherCas ?? []) check(other.cert, other.fingerprintSha256);
  return {
    version: CREDENTIAL_FACTS_VERSION,
    digest: credentialDigest(context),
    ca,
    cert,
    keyMatches:
      key !== undefined && cert !== null && leaf !== undefined ? publicKeysMatch(leaf.publicKey, key) : null,
    leafRead: leaf !== undefined,
    checked,
    signers,
    problems,
  };
}
