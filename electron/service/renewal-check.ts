import { X509Certificate } from 'node:crypto';
import type { TalosContext } from '../../shared/talosconfig/model.js';
import type { VaultCa, VaultDocument } from '../../shared/vault/vault-document.js';
import type { CredentialFacts } from '../../shared/credential-facts.js';
import { fingerprintSha256, isSignedBy, readCertificates } from '../pki/certificate-facts.js';
import { decodeBase64Field } from '../pki/pem.js';

export interface StoredCa {
  ca: VaultCa;
  cert: X509Certificate;
  /** Of the certificate as parsed, not as recorded beside it. */
  fingerprintSha256: string;
}

// A listing asks once per context; the CAs of one document are parsed once.
const parsedCas = new WeakMap<readonly VaultCa[], StoredCa[]>();

export function storedCas(document: VaultDocument): StoredCa[] {
  let parsed = parsedCas.get(document.cas);
  if (parsed === undefined) {
    parsed = document.cas.flatMap((ca) => {
      try {
        const cert = new X509Certificate(ca.certPem);
        return [{ ca, cert, fingerprintSha256: fingerprintSha256(cert) }];
      } catch {
        return []; // a stored CA that no longer parses signs nothing; `ca list` reports it
      }
    });
    parsedCas.set(document.cas, parsed);
  }
  return parsed;
}

/** The context's client certificate, or null when it has none that can be read. */
export function clientCertificateOf(context: TalosContext): X509Certificate | null {
  if (context.crt === '') return null;
  try {
    return readCertificates(decodeBase64Field(context.crt))[0] ?? null;
  } catch {
    return null; // the context's findings say what is wrong with the field
  }
}

/**
 * The stored CA whose key signed this context's certificate — by signature, not by name: a CA of the same
 * subject from a rotated or different cluster must not be taken for it. Null when none did.
 */
export function signingStoredCa(document: VaultDocument, context: TalosContext): StoredCa | null {
  const cas = storedCas(document);
  if (cas.length === 0) return null;
  const leaf = clientCertificateOf(context);
  if (leaf === null) return null;
  return cas.find((stored) => isSignedBy(leaf, stored.cert)) ?? null;
}

/**
 * signingStoredCa !== null, from a context's facts (whose checks cover every stored CA: see
 * credential-facts-cache.ts): a lookup, no signature check.
 */
export function renewableByFacts(document: VaultDocument, facts: CredentialFacts): boolean {
  return (
    facts.leafRead && storedCas(document).some((stored) => facts.signers.includes(stored.fingerprintSha256))
  );
}
