import { z } from 'zod';
import { findingSchema } from './findings.js';

/**
 * What the user (CLI `inspect --json`, the UI) learns about one context. Never holds secret material:
 * keys, certificates and CAs stay in the main process; only facts about them leave it.
 */
export const keyTypeSchema = z.string(); // 'ed25519' | 'ecdsa-p256' | 'ecdsa-p384' | 'rsa-2048' | 'rsa-4096' | ...

export const certFactsSchema = z.object({
  subject: z.string(),
  issuer: z.string(),
  /** Lowercase hex, no separators. */
  serial: z.string(),
  /** Roles as Talos reads them from O: trimmed, empties skipped, unknown kept, sorted bytewise. */
  roles: z.array(z.string()),
  unknownRoles: z.array(z.string()),
  /** ISO 8601. */
  notBefore: z.string(),
  notAfter: z.string(),
  keyType: keyTypeSchema,
  /** Lowercase hex of SHA-256 over the DER. */
  fingerprintSha256: z.string(),
  /** Names (`clientAuth`, `serverAuth`, …) or dotted OIDs for ones without a name. */
  extKeyUsage: z.array(z.string()),
});
export type CertFacts = z.infer<typeof certFactsSchema>;

export const caFactsSchema = z.object({
  subject: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  keyType: keyTypeSchema,
  fingerprintSha256: z.string(),
});
export type CaFacts = z.infer<typeof caFactsSchema>;

export const contextReportSchema = z.object({
  name: z.string(),
  current: z.boolean(),
  endpoints: z.array(z.string()),
  nodes: z.array(z.string()),
  auth: z.enum(['mtls', 'basic', 'siderov1', 'none']),
  cert: certFactsSchema.nullable(),
  ca: z.array(caFactsSchema),
  findings: z.array(findingSchema),
});
export type ContextReport = z.infer<typeof contextReportSchema>;
