import { z } from 'zod';
import type { ErrorCode } from './error-codes.js';
import { writesFile, writesTalosconfig, writesVault } from './error-groups.js';
import { saveFileSchema } from './file-ref.js';
import { operation, type ArgsOf } from './operation.js';
import { nameSchema } from './vault-contract.js';

/**
 * The credential lifecycle (DESIGN.md "Issuing"; TALOS.md: short-lived certificates need a renewal
 * process, os:admin only when needed): renewal by a stored CA, renewal by request where the CA is
 * elsewhere, and just-in-time elevation. Results carry facts only; keys stay in the vault.
 */

/** Seconds; absent means the operation's own default. */
const ttlSchema = z.number().int().positive().optional();

/** What one renewal did (or, in a dry run, would do). */
export const renewalSchema = z.object({
  context: z.string(),
  ca: z.string(),
  /** The certificate's Organization values exactly as written, unknown ones included: never widened. */
  roles: z.array(z.string()),
  identity: z.string().nullable(),
  replaces: z.object({ serial: z.string(), notAfter: z.string() }),
  /** Null in a dry run. */
  serial: z.string().nullable(),
  notBefore: z.string(),
  notAfter: z.string(),
  lifetimeSeconds: z.number().int().positive(),
  keyType: z.string(),
  /** talosctl's file held the context and was rewritten with the new certificate. */
  talosconfigRewritten: z.boolean(),
  notes: z.array(z.string()),
});
export type Renewal = z.infer<typeof renewalSchema>;

/** A context whose certificate this vault cannot renew, with the CA that could. */
export const notRenewableSchema = z.object({
  context: z.string(),
  notAfter: z.string(),
  expired: z.boolean(),
  /** The CA that signed it: its subject, and its fingerprint when the context's `ca` field holds it. */
  issuer: z.object({ subject: z.string(), fingerprintSha256: z.string().nullable() }),
});
export type NotRenewable = z.infer<typeof notRenewableSchema>;

export const renewDueResultSchema = z.object({
  dryRun: z.boolean(),
  renewed: z.array(renewalSchema),
  notRenewable: z.array(notRenewableSchema),
  /** Due and renewable, but os:admin / os:impersonator: renewed only with the confirmation. */
  needsAdmin: z.array(z.object({ context: z.string(), roles: z.array(z.string()) })),
  failed: z.array(z.object({ context: z.string(), code: z.string(), message: z.string() })),
});
export type RenewDueResult = z.infer<typeof renewDueResultSchema>;

export const elevationResultSchema = z.object({
  context: z.string(),
  from: z.string(),
  roles: z.array(z.string()),
  reason: z.string(),
  serial: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  /** talosctl's file, now on the elevated context. */
  talosconfigPath: z.string(),
});

export const endedElevationSchema = z.object({
  context: z.string(),
  from: z.string(),
  /** talosctl's file was on the elevated context and is back on `from`. */
  switchedBack: z.boolean(),
  /** Talos cannot revoke: a copy of the certificate keeps working until then. */
  certificateValidUntil: z.string(),
  expired: z.boolean(),
});
export type EndedElevation = z.infer<typeof endedElevationSchema>;

/** Issuing with a stored CA: what the policy and the CA's own validity may refuse. */
const issuingWithCa = [
  'no-roles',
  'admin-needs-confirmation',
  'ttl-above-maximum',
  'invalid-ttl',
  'ca-expired',
  'ca-expires-too-soon',
  'ca-not-yet-valid',
] as const satisfies readonly ErrorCode[];

/** A context's own certificate, read to be renewed. */
const readsContextCertificate = [
  'invalid-pem',
  'invalid-der',
  'unsupported-key',
] as const satisfies readonly ErrorCode[];

/** `window.talos.lifecycle.*`, the CLI's renew and elevate. */
export const lifecycleOperations = {
  /** Renews each named context in one vault write: same roles, identity and lifetime, a new key. */
  renew: operation({
    args: z.object({
      names: z.array(nameSchema).min(1),
      /** Overrides the old certificate's lifetime, within the vault's maximum. */
      ttlSeconds: ttlSchema,
      dryRun: z.boolean().default(false),
      allowAdmin: z.boolean().default(false),
    }),
    result: z.object({ dryRun: z.boolean(), renewed: z.array(renewalSchema) }),
    errors: [
      ...writesTalosconfig,
      ...issuingWithCa,
      ...readsContextCertificate,
      'context-not-found',
      'not-renewable',
    ],
  }),
  /** Every context inside its warning window or expired: renews the renewable ones, lists the rest. */
  renewDue: operation({
    args: z.object({ dryRun: z.boolean().default(false), allowAdmin: z.boolean().default(false) }),
    result: renewDueResultSchema,
    errors: [...writesTalosconfig],
  }),
  /**
   * Where the CA is elsewhere: a new key kept in the vault and a CSR with the same roles and identity for
   * whoever holds the CA; `issuing.accept` of the certificate then replaces the context's in place.
   */
  requestRenewal: operation({
    args: z.object({ name: nameSchema, output: saveFileSchema }),
    result: z.object({
      context: z.string(),
      roles: z.array(z.string()),
      identity: z.string().nullable(),
      keyType: z.string(),
      csrPem: z.string(),
      path: z.string(),
    }),
    errors: [
      ...writesVault,
      ...writesFile,
      ...readsContextCertificate,
      'context-not-found',
      'no-roles',
      'request-pending',
    ],
  }),
  /** A short-lived certificate with more roles, stored as `NAME-elevated` and switched to at once. */
  elevate: operation({
    args: z.object({
      name: nameSchema,
      roles: z.array(z.string().min(1)).min(1),
      reason: z.string().trim().min(1),
      /** Default 15 minutes; at most the vault's `elevateMaxTtlSeconds`. */
      ttlSeconds: ttlSchema,
      allowAdmin: z.boolean().default(false),
    }),
    result: elevationResultSchema,
    errors: [
      ...writesTalosconfig,
      ...issuingWithCa,
      'context-not-found',
      'ca-not-stored',
      'already-elevated',
      'name-taken',
      'unknown-role',
    ],
  }),
  /** Ends the elevation of `name` (every elevation without one) now, expired or not. */
  endElevation: operation({
    args: z.object({ name: nameSchema.optional() }),
    result: z.object({ ended: z.array(endedElevationSchema) }),
    errors: [...writesTalosconfig, 'not-elevated'],
  }),
  /** Ends the elevations that have expired: every talcred command and the app's timer call it. */
  endExpiredElevations: operation({
    args: z.object({}),
    result: z.object({ ended: z.array(endedElevationSchema) }),
    errors: [...writesTalosconfig],
  }),
} as const;

export type LifecycleOperationName = keyof typeof lifecycleOperations;
export type LifecycleArgs<Name extends LifecycleOperationName> = ArgsOf<(typeof lifecycleOperations)[Name]>;
