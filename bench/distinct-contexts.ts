import { encodeBase64Field } from '../electron/pki/pem.js';
import { issueClientCertificate } from '../electron/pki/issue-certificate.js';
import type { TalosContext } from '../shared/talosconfig/model.js';
import type { VaultCa } from '../shared/vault/vault-document.js';
import { createTestCa } from '../tests/support/test-pki.js';

export interface DistinctContexts {
  contexts: TalosContext[];
  /** The clusters' CAs, as the vault stores them (for `renewable` and `cluster`). */
  cas: VaultCa[];
}

/**
 * Contexts as a real vault holds them: every certificate and key its own, `clusters` clusters each with one
 * OS CA that its contexts carry in `ca`. Copies of one context (fixture-contexts.ts) would let any
 * content-keyed memo answer 1,000 contexts with one diagnosis.
 */
export async function distinctContexts(
  count: number,
  clusters: number,
  prefix: string,
): Promise<DistinctContexts> {
  const now = new Date();
  const cas = await Promise.all(Array.from({ length: clusters }, () => createTestCa()));
  const contexts: TalosContext[] = [];
  for (let index = 0; index < count; index++) {
    const cluster = index % clusters;
    const ca = cas[cluster];
    if (ca === undefined) throw new Error('bench: no CA');
    const issued = await issueClientCertificate({
      caCertPem: ca.certPem,
      caKeyPem: ca.keyPem,
      roles: index % 3 === 0 ? ['os:admin'] : ['os:reader'],
      ttlSeconds: 30 * 86_400,
      now,
    });
    contexts.push({
      name: `${prefix}-${String(index).padStart(4, '0')}`,
      endpoints: [`10.${cluster}.${Math.floor(index / 250)}.${index % 250}`],
      nodes: [],
      ca: encodeBase64Field(ca.certPem),
      crt: encodeBase64Field(issued.certPem),
      key: encodeBase64Field(issued.keyPem ?? ''),
      extra: [],
    });
  }
  const importedAt = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    contexts,
    cas: cas.map((ca, index) => ({
      name: `cluster-${index}`,
      fingerprintSha256: Buffer.from(ca.cert.fingerprint256.replaceAll(':', ''), 'hex').toString('hex'),
      certPem: ca.certPem,
      keyPem: ca.keyPem,
      source: 'bench',
      importedAt,
    })),
  };
}
