import { z } from 'zod';
import type { ErrorCode } from './error-codes.js';
import { findingSchema } from '../findings.js';
import { endpointListSchema, newContextNameSchema, nodeListSchema } from '../talosconfig/field-checks.js';
import { issuedCertificateSchema } from '../vault/vault-document.js';
import { opensVault, readsFile, writesFile, writesTalosconfig, writesVault } from './error-groups.js';
import { openFileSchema, saveFileSchema } from './file-ref.js';
import { operation, type ArgsOf } from './operation.js';
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
  z.object({ kind: z.literal('yaml'), file: openFileSchema }),
  z.object({ kind: z.literal('pem'), cert: openFileSchema, key: openFileSchema }),
]);
export type CaSource = z.output<typeof caSourceSchema>;

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

/** Where an issued talosconfig goes: a file, plain or age-encrypted to recipients or with a passphrase. */
export const issueOutputSchema = z.object({
  file: saveFileSchema,
  ageRecipients: z.array(z.string().min(1)).default([]),
  /** `age -p`: for a teammate without an age key; not with recipients. */
  agePassphrase: z.string().min(1).optional(),
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
  /** What the user should know about what was issued (a lifetime cut to the CA's). */
  notes: z.array(z.string()),
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
  /** The request itself (public: a public key and the roles asked for), so the app can sign what it showed. */
  csrPem: z.string(),
});

/**
 * The request to sign: a file, or the PEM `readRequest` returned — a dialog's token is good for one use, and
 * the signer should sign exactly the request they were shown. `source` names it in messages.
 */
export const csrSourceSchema = z.union([
  openFileSchema,
  z.object({
    kind: z.literal('pem'),
    pem: z
      .string()
      .min(1)
      .max(64 * 1024),
    source: z.string().min(1).max(255).default('the request'),
  }),
]);

export const signArgsSchema = z.object({
  ca: nameSchema,
  csr: csrSourceSchema,
  roles: roleListSchema.optional(),
  ttlSeconds: ttlSchema,
  allowAdmin: z.boolean().default(false),
  output: saveFileSchema,
});

export const signResultSchema = issuedSummarySchema.extend({
  requestedRoles: z.array(z.string()),
  path: z.string(),
  notes: z.array(z.string()),
});

export const acceptArgsSchema = z.object({
  cert: openFileSchema,
  ca: openFileSchema.optional(),
  endpoints: endpointListSchema.optional(),
  nodes: nodeListSchema.optional(),
});

export const acceptResultSchema = z.object({
  request: z.string(),
  storedAs: z.string(),
  /** A renewal request: the context's certificate and key were replaced in place. */
  renewed: z.boolean(),
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

/** One endpoint probed by `doctor`: how far it has got. */
export const doctorProgressSchema = z.object({
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  context: z.string(),
  endpoint: z.string(),
});

const pkiReadErrors = [
  'invalid-pem',
  'ca-not-der',
  'invalid-der',
  'invalid-base64',
  'unsupported-key',
  'key-mismatch',
] as const satisfies readonly ErrorCode[];

const policyErrors = [
  'ca-expires-too-soon',
  'no-roles',
  'unknown-role',
  'admin-needs-confirmation',
  'ttl-above-maximum',
  'invalid-ttl',
] as const satisfies readonly ErrorCode[];

/** The issuing operations: `window.talos.issuing.*`, the CLI's ca/issue/log/request/sign/accept/doctor. */
export const issuingOperations = {
  importCa: operation({
    args: z.object({ name: nameSchema, source: caSourceSchema }),
    result: caItemSchema,
    errors: [
      ...writesVault,
      ...readsFile,
      ...pkiReadErrors,
      'invalid-yaml',
      'invalid-ca-source',
      'not-a-ca',
      'ca-missing',
      'ca-key-missing',
      'ca-expired',
      'ca-not-yet-valid',
      'ca-already-stored',
      'name-taken',
    ],
  }),
  listCas: operation({ args: z.object({}), result: z.array(caItemSchema), errors: [...opensVault] }),
  removeCa: operation({
    args: z.object({ name: nameSchema }),
    result: z.object({ removed: z.string() }),
    errors: [...writesVault, 'ca-not-found'],
  }),
  issue: operation({
    args: issueArgsSchema,
    result: issueResultSchema,
    errors: [
      ...writesTalosconfig,
      ...writesFile,
      ...policyErrors,
      'ca-not-found',
      'output-missing',
      'invalid-recipient',
      'encryption-choice',
      'empty-passphrase',
      'invalid-endpoint',
      'invalid-node',
      'invalid-name',
    ],
  }),
  log: operation({
    args: z.object({ ca: nameSchema.optional() }),
    result: logResultSchema,
    errors: [...opensVault, 'ca-not-found'],
  }),
  /** The log as CSV (for an audit, a spreadsheet), filtered as the log screen's search filters it. */
  exportLog: operation({
    args: z.object({
      search: z.string().max(1_000).default(''),
      ca: nameSchema.optional(),
      output: saveFileSchema,
    }),
    result: z.object({ path: z.string(), entries: z.number().int().nonnegative() }),
    errors: [...opensVault, ...writesFile],
  }),
  createRequest: operation({
    args: z.object({
      name: newContextNameSchema,
      roles: roleListSchema,
      keyType: z.enum(['ed25519', 'ecdsa', 'rsa']).default('ed25519'),
      output: saveFileSchema.optional(),
    }),
    result: requestResultSchema,
    errors: [...writesVault, ...writesFile, 'no-roles', 'unknown-role', 'request-pending', 'invalid-name'],
  }),
  readRequest: operation({
    args: z.object({ csr: openFileSchema }),
    result: csrInfoSchema,
    errors: [...readsFile, 'invalid-pem', 'invalid-csr', 'csr-signature-invalid', 'unsupported-key'],
  }),
  sign: operation({
    args: signArgsSchema,
    result: signResultSchema,
    errors: [
      ...writesVault,
      ...readsFile,
      ...writesFile,
      ...policyErrors,
      'ca-not-found',
      'invalid-pem',
      'invalid-der',
      'unsupported-key',
      'invalid-csr',
      'csr-signature-invalid',
      'role-not-requested',
    ],
  }),
  accept: operation({
    args: acceptArgsSchema,
    result: acceptResultSchema,
    errors: [
      ...writesTalosconfig,
      ...readsFile,
      ...pkiReadErrors,
      'no-pending-request',
      'cert-not-signed-by-ca',
      'ca-not-stored',
      'invalid-endpoint',
      'invalid-node',
    ],
  }),
  exportAge: operation({
    args: z.object({
      names: z.array(nameSchema).min(1),
      output: saveFileSchema,
      /** X25519 recipients (`age1…`), or else a passphrase (scrypt); exactly one of the two. */
      recipients: z.array(z.string().min(1)).default([]),
      passphrase: z.string().min(1).optional(),
    }),
    result: z.object({
      path: z.string(),
      contexts: z.array(z.string()),
      encryption: z.enum(['age-recipients', 'age-passphrase']),
    }),
    errors: [
      ...writesVault,
      ...writesFile,
      'context-not-found',
      'invalid-recipient',
      'encryption-choice',
      'empty-passphrase',
    ],
  }),
  /** Offline findings and, `online`, a probe of every endpoint: reports progress, can be cancelled. */
  doctor: operation({
    args: z.object({
      names: z.array(nameSchema).default([]),
      online: z.boolean().default(false),
      timeoutMs: z.number().int().positive().max(120_000).default(5_000),
    }),
    result: doctorResultSchema,
    errors: [...opensVault, 'context-not-found', 'cancelled'],
    progress: doctorProgressSchema,
  }),
} as const;

export type IssuingOperationName = keyof typeof issuingOperations;
/** A handler's arguments, defaults applied: what the contract's schema yields. */
export type IssuingArgs<Name extends IssuingOperationName> = ArgsOf<(typeof issuingOperations)[Name]>;
