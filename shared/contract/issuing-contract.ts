import { z } from 'zod';
import { findingSchema } from '../findings.js';
import { endpointListSchema, newContextNameSchema, nodeListSchema } from '../talosconfig/field-checks.js';
import { issuedCertificateSchema } from '../vault/vault-document.js';
import { contextItemSchema, nameSchema } from './vault-contract.js';

/**
 * The issuing operations (DESIGN.md "Issuing"), declared once like the vault contract. Results carry facts
 * only: CA keys and client keys never leave the main process. Where a key must reach a file (an issued
 * talosconfig), the main-side service writes it to the path it was given.
 */

const roleListSchema = z.array(z.string().min(1)).min(1);
/** Seconds; absent means the vault's default TTL. */
const ttlSchema = z.number().int().positive().optional();

export const caSourceSchema = z.discriminatedUnion('kind', [
  /** A secrets bundle (`certs.os`) or a control-plane machine config (`machine.ca`). */
  z.object({ kind: z.literal('yaml'), path: z.string().min(1) }),
  z.object({ kind: z.literal('pem'), certPath: z.string().min(1), keyPath: z.string().min(1) }),
]);
export type CaSource = z.infer<typeof caSourceSchema>;

export const caItemSchema = z.object({
  name: z.string(),
  fingerprintSha256: z.string(),
  subject: z.string(),
  keyType: z.string(),
  notAfter: z.string(),
  source: z.string(),
  importedAt: z.string(),
  /** Vault contexts whose `ca` holds this CA: the cluster's contexts. */
  contexts: z.array(z.string()),
  issued: z.number(),
  /** Talos cannot revoke: the latest expiry among unexpired certificates this CA issued; null when none. */
  revocationHorizon: z.string().nullable(),
});
export type CaItem = z.infer<typeof caItemSchema>;

/** Where an issued talosconfig goes: a file, plain or age-encrypted to recipients. */
export const issueOutputSchema = z.object({
  path: z.string().min(1),
  overwrite: z.boolean().default(false),
  ageRecipients: z.array(z.string().min(1)).default([]),
});

export const issueArgsSchema = z.object({
  ca: nameSchema,
  roles: roleListSchema,
  ttlSeconds: ttlSchema,
  /** Default as talosctl: `reader@CLUSTER` for one role, else `CLUSTER`. */
  name: newContextNameSchema.optional(),
  identity: z.string().min(1).optional(),
  /** Default: those of a vault context of the same CA. */
  endpoints: endpointListSchema.optional(),
  nodes: nodeListSchema.optional(),
  store: z.boolean().default(false),
  output: issueOutputSchema.optional(),
  /** os:admin and os:impersonator are refused without this explicit confirmation. */
  allowAdmin: z.boolean().default(false),
});

export const issuedSummarySchema = z.object({
  serial: z.string(),
  fingerprintSha256: z.string(),
  ca: z.string(),
  roles: z.array(z.string()),
  notBefore: z.string(),
  notAfter: z.string(),
  keyType: z.string(),
});

export const issueResultSchema = issuedSummarySchema.extend({
  context: z.string(),
  endpoints: z.array(z.string()),
  nodes: z.array(z.string()),
  /** The vault context name when stored (a taken name gets `-1`, `-2`, … as talosctl's merge does). */
  storedAs: z.string().nullable(),
  path: z.string().nullable(),
  encrypted: z.boolean(),
});
export type IssueResult = z.infer<typeof issueResultSchema>;

export const logResultSchema = z.object({
  entries: z.array(issuedCertificateSchema),
  horizons: z.array(
    z.object({ ca: z.string(), fingerprintSha256: z.string(), revocationHorizon: z.string().nullable() }),
  ),
});
export type LogResult = z.infer<typeof logResultSchema>;

export const requestResultSchema = z.object({
  name: z.string(),
  roles: z.array(z.string()),
  keyType: z.string(),
  /** A certificate request is public; its key stays in the vault. */
  csrPem: z.string(),
  path: z.string().nullable(),
});

export const csrInfoSchema = z.object({
  roles: z.array(z.string()),
  commonName: z.string().nullable(),
  keyType: z.string(),
});

export const signArgsSchema = z.object({
  ca: nameSchema,
  csrPath: z.string().min(1),
  roles: roleListSchema.optional(),
  ttlSeconds: ttlSchema,
  allowAdmin: z.boolean().default(false),
  output: z.string().min(1),
  overwrite: z.boolean().default(false),
});

export const signResultSchema = issuedSummarySchema.extend({
  requestedRoles: z.array(z.string()),
  path: z.string(),
  notes: z.array(z.string()),
});

export const acceptArgsSchema = z.object({
  certPath: z.string().min(1),
  caPath: z.string().min(1).optional(),
  endpoints: endpointListSchema.optional(),
  nodes: nodeListSchema.optional(),
});

export const acceptResultSchema = z.object({
  request: z.string(),
  storedAs: z.string(),
  item: contextItemSchema,
});

export const probeSchema = z.object({
  endpoint: z.string(),
  reachable: z.boolean(),
  tls: z.enum(['ok', 'failed']),
  findings: z.array(z.object({ code: z.string(), message: z.string() })),
});

export const doctorResultSchema = z.object({
  ok: z.boolean(),
  contexts: z.array(
    z.object({
      name: z.string(),
      cluster: z.string().nullable(),
      findings: z.array(findingSchema),
      /** Null when not asked to go online; empty when the context has nothing to probe. */
      probes: z.array(probeSchema).nullable(),
      skipped: z.string().nullable(),
    }),
  ),
});
export type DoctorResult = z.infer<typeof doctorResultSchema>;

export const issuingContract = {
  importCa: {
    args: z.object({ name: nameSchema, source: caSourceSchema }),
    result: caItemSchema,
  },
  listCas: { args: z.object({}), result: z.array(caItemSchema) },
  removeCa: { args: z.object({ name: nameSchema }), result: z.object({ removed: z.string() }) },
  issue: { args: issueArgsSchema, result: issueResultSchema },
  log: { args: z.object({ ca: nameSchema.optional() }), result: logResultSchema },
  createRequest: {
    args: z.object({
      name: newContextNameSchema,
      roles: roleListSchema,
      keyType: z.enum(['ed25519', 'ecdsa', 'rsa']).default('ed25519'),
      output: z.string().min(1).optional(),
      overwrite: z.boolean().default(false),
    }),
    result: requestResultSchema,
  },
  readRequest: { args: z.object({ csrPath: z.string().min(1) }), result: csrInfoSchema },
  sign: { args: signArgsSchema, result: signResultSchema },
  accept: { args: acceptArgsSchema, result: acceptResultSchema },
  exportAge: {
    args: z.object({
      names: z.array(nameSchema).min(1),
      path: z.string().min(1),
      overwrite: z.boolean().default(false),
      /** X25519 recipients (`age1…`), or else a passphrase (scrypt); exactly one of the two. */
      recipients: z.array(z.string().min(1)).default([]),
      passphrase: z.string().min(1).optional(),
    }),
    result: z.object({
      path: z.string(),
      contexts: z.array(z.string()),
      encryption: z.enum(['age-recipients', 'age-passphrase']),
    }),
  },
  doctor: {
    args: z.object({
      names: z.array(nameSchema).default([]),
      online: z.boolean().default(false),
      timeoutMs: z.number().int().positive().max(120_000).default(5_000),
    }),
    result: doctorResultSchema,
  },
} as const;

type Contract = typeof issuingContract;
export type IssuingOperationName = keyof Contract;
export type IssuingArgs<Name extends IssuingOperationName> = z.output<Contract[Name]['args']>;
/** What the issuing service implements, derived from the schemas above. */
export type IssuingOperations = {
  [Name in IssuingOperationName]: (
    args: z.input<Contract[Name]['args']>,
  ) => Promise<z.output<Contract[Name]['result']>>;
};
