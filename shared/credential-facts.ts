import { z } from 'zod';
import { caFactsSchema, certFactsSchema } from './context-report.js';
import { findingCodeSchema } from './findings.js';

/**
 * Bump when what readCredentialFacts (electron/pki/credential-facts.ts) computes changes meaning: facts of
 * another version are not read, so they are computed again.
 */
export const CREDENTIAL_FACTS_VERSION = 1;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** A `ca`, `crt` or `key` field that could not be read, as the finding it becomes. */
export const fieldProblemSchema = z.object({
  field: z.enum(['ca', 'crt', 'key']),
  code: findingCodeSchema,
  /** The message after its `contexts.NAME.FIELD: ` prefix (when `prefixed`), so a rename keeps it true. */
  detail: z.string(),
  prefixed: z.boolean(),
});
export type FieldProblem = z.infer<typeof fieldProblemSchema>;

/**
 * What a context's `ca`, `crt` and `key` say that no clock changes: certificate facts, whether the key is
 * the certificate's, which CAs signed it, what could not be read. Reading them costs most of a millisecond
 * (parsing, a signature check); they hold no secret material, so the vault keeps them beside the context
 * (ContextMeta.facts), keyed by `digest` over the three fields, and each listing adds only what moves
 * with the clock (electron/pki/diagnose-context.ts).
 */
export const credentialFactsSchema = z.object({
  version: z.literal(CREDENTIAL_FACTS_VERSION),
  /** SHA-256 (base64) over the fields these facts were read from: facts whose digest differs are stale. */
  digest: z.string(),
  /** Null when `ca` could not be read (`problems` says why); empty when `ca` is empty. */
  ca: z.array(caFactsSchema).nullable(),
  /** The first client certificate's facts; null when `crt` is empty or could not be read. */
  cert: certFactsSchema.nullable(),
  /** Whether the key belongs to the certificate; null when either could not be read. */
  keyMatches: z.boolean().nullable(),
  /** The first certificate of `crt` parses (renewal needs no more than that; `cert` may still be null). */
  leafRead: z.boolean(),
  /** Fingerprints of the CA certificates checked against the leaf, and of those that signed it. */
  checked: z.array(sha256Hex),
  signers: z.array(sha256Hex),
  problems: z.array(fieldProblemSchema),
});
export type CredentialFacts = z.infer<typeof credentialFactsSchema>;
