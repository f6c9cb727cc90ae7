import type { IssueResult, IssuingArgs } from '../../../shared/contract/issuing-contract.js';
import { UsageError } from '../../../shared/user-error.js';
import type { VaultContext } from '../../../shared/vault/vault-document.js';
import { issueClientCertificate } from '../../pki/issue-certificate.js';
import { capNote } from '../../pki/sign-csr.js';
import { encryptForRecipients, encryptWithPassphrase } from '../../share/age-file.js';
import { checkRecipient } from '../../share/age-keys.js';
import type { ServiceDeps } from '../service-deps.js';
import { requireCa } from './ca-store.js';
import { clusterAddresses, freeContextName } from './cluster.js';
import { logEntry } from './issuance-log.js';
import { defaultContextName, issuedContext, talosconfigText } from './issue-config.js';
import { refuseOverwrite, writeWithVaultChange } from './output-file.js';
import { checkRoles, resolveTtl } from './policy.js';

/**
 * Issues a talosconfig signed by a stored CA: policy first (roles, admin confirmation, TTL), then the
 * certificate with Talos's exact profile, then the file and/or the vault context and the log entry,
 * committed together. The key goes only to the file and the vault, never into the result.
 */
export async function issueTalosconfig(deps: ServiceDeps, args: IssuingArgs<'issue'>): Promise<IssueResult> {
  if (!args.store && args.output === undefined) {
    throw new UsageError('say where the new talosconfig goes: a file, the vault, or both', 'output-missing');
  }
  const document = await deps.store.read();
  const ca = requireCa(document, args.ca);
  const roles = checkRoles(args.roles, args.allowAdmin);
  const ttlSeconds = resolveTtl(document.settings, args.ttlSeconds);
  const recipients = (args.output?.ageRecipients ?? []).map(checkRecipient);
  const passphrase = args.output?.agePassphrase;
  if (recipients.length > 0 && passphrase !== undefined) {
    throw new UsageError(
      'encrypt either to age recipients or with a passphrase (one of the two)',
      'encryption-choice',
    );
  }
  const target = args.output === undefined ? null : deps.files.savePath(args.output.file);
  if (target) refuseOverwrite(target.path, target.overwrite);

  const name = args.name ?? defaultContextName(roles, ca.name);
  const cluster = clusterAddresses(document, ca.fingerprintSha256);
  const endpoints = args.endpoints ?? cluster.endpoints;
  const nodes = args.nodes ?? cluster.nodes;
  const now = deps.now();
  const issued = await issueClientCertificate({
    caCertPem: ca.certPem,
    caKeyPem: ca.keyPem,
    roles,
    ttlSeconds,
    now,
    ...(args.identity === undefined ? {} : { identity: args.identity }),
  });
  if (issued.keyPem === undefined) throw new Error('issue: no key was generated');
  const context = issuedContext({
    name,
    endpoints,
    nodes,
    caCertPem: ca.certPem,
    certPem: issued.certPem,
    keyPem: issued.keyPem,
  });

  let output: { path: string; bytes: string | Uint8Array } | null = null;
  if (target) {
    const text = talosconfigText([context]);
    output = { path: target.path, bytes: await outputBytes(text, recipients, passphrase) };
  }
  let storedAs: string | null = null;
  await writeWithVaultChange(
    deps,
    output,
    (current) => {
      const signer = requireCa(current, args.ca);
      storedAs = args.store ? freeContextName(current, name) : null;
      const entry = logEntry(issued, signer, {
        roles,
        identity: args.identity ?? null,
        context: storedAs ?? name,
        exportedTo: output === null ? [] : [output.path],
        issuedAt: now,
      });
      const contexts: VaultContext[] =
        storedAs === null
          ? current.contexts
          : [
              ...current.contexts,
              {
                context: { ...context, name: storedAs },
                meta: {
                  source: `issued by CA ${signer.name}`,
                  importedAt: now.toISOString(),
                  lastUsed: null,
                  labels: {},
                  note: '',
                },
              },
            ];
      return { ...current, contexts, issued: [...current.issued, entry] };
    },
    args.store,
  );
  return {
    serial: issued.serialHex,
    fingerprintSha256: issued.fingerprintSha256,
    ca: ca.name,
    roles,
    notBefore: issued.notBefore,
    notAfter: issued.notAfter,
    keyType: issued.keyType,
    context: name,
    endpoints: [...endpoints],
    nodes: [...nodes],
    storedAs,
    path: output?.path ?? null,
    encrypted: recipients.length > 0 || passphrase !== undefined,
    notes: issued.cappedAtCaExpiry ? [capNote(issued.notAfter)] : [],
  };
}

/** The talosconfig as written: plain, or an age file for recipients or a passphrase (`age -r`, `age -p`). */
async function outputBytes(
  text: string,
  recipients: readonly string[],
  passphrase: string | undefined,
): Promise<string | Uint8Array> {
  if (recipients.length > 0) return encryptForRecipients(text, recipients);
  if (passphrase !== undefined) return encryptWithPassphrase(text, passphrase);
  return text;
}
