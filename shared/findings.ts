import { z } from 'zod';

/** Offline diagnosis codes (DESIGN.md "Findings"). Stable: scripts match on them. */
export const findingCodes = [
  'cert-expired',
  'cert-expiring-soon',
  'cert-not-yet-valid',
  'key-mismatch',
  'cert-not-signed-by-ca',
  'eku-not-client-auth-only',
  'no-roles',
  'unknown-role',
  'impersonator-role',
  'admin-role',
  'no-endpoints',
  'ca-expired',
  'ca-expiring-soon',
  'missing-key',
  'missing-crt',
  'invalid-base64',
  'invalid-pem',
  'unsupported-key',
] as const;
export const findingCodeSchema = z.enum(findingCodes);
export type FindingCode = z.infer<typeof findingCodeSchema>;

export const severitySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof severitySchema>;

export const findingSchema = z.object({
  code: findingCodeSchema,
  severity: severitySchema,
  /** Names the field and says what to do, e.g. `contexts.prod.crt: not valid base64; re-export ...`. */
  message: z.string(),
});
export type Finding = z.infer<typeof findingSchema>;

/** Certificates expiring within this window get `cert-expiring-soon` / `ca-expiring-soon`. */
export const DEFAULT_EXPIRY_WARNING_DAYS = 14;
