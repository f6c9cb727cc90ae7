import { z } from 'zod';
import { MAX_ELEVATION_SECONDS } from './elevation-limits.js';

export { MAX_ELEVATION_SECONDS } from './elevation-limits.js';
import { DEFAULT_EXPIRY_WARNING_DAYS } from '../findings.js';
import { credentialFactsSchema } from '../credential-facts.js';
import { talosContextSchema } from '../talosconfig/model.js';
import { quoteName } from '../quote-name.js';

/**
 * The decrypted vault document (DESIGN.md "The vault": contexts with all fields, per-context metadata, the
 * current context, CAs, the issuance log, settings). Parsed with this schema every time it is decrypted:
 * a file on disk is a boundary, never trusted by its type.
 */

const isoTime = z.iso.datetime();

const DEFAULT_ELEVATE_MAX_SECONDS = 60 * 60;
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 fingerprint in lowercase hex');

/**
 * Label names are user input. JSON.parse makes `__proto__` an ordinary key, but code that later copies
 * labels with `target[key] = value` would replace the prototype instead: refuse the name at the boundary
 * (zod's record would silently drop it, losing the label without a word).
 */
const labelsSchema = z
  .custom<unknown>(
    (value) => typeof value !== 'object' || value === null || !Object.hasOwn(value, '__proto__'),
    'label name "__proto__" is not allowed',
  )
  .pipe(z.record(z.string().min(1).max(200), z.string().max(10_000)));

export const contextMetaSchema = z.object({
  /** Where the context came from: a file path, "issued", "merge of …". */
  source: z.string(),
  importedAt: isoTime,
  lastUsed: isoTime.nullable(),
  labels: labelsSchema,
  note: z.string(),
});
export type ContextMeta = z.infer<typeof contextMetaSchema>;

export const vaultContextSchema = z.object({
  context: talosContextSchema,
  meta: contextMetaSchema,
  /**
   * What its credentials say that no clock changes, so a listing reads no certificate. Absent in
   * vaults written before it (read then, and written with the next change); facts this version cannot
   * read are dropped, not an error, and facts read from other field values are ignored (their digest).
   */
  facts: credentialFactsSchema.optional().catch(undefined),
});
export type VaultContext = z.infer<typeof vaultContextSchema>;

/** The settings' fields, without the cross-field rule (so a change can name a subset of them). */
export const vaultSettingsFields = z.object({
  /** `active`: the talosctl file holds only the current context; `all`: every vault context. */
  targetMode: z.enum(['active', 'all']),
  /** What `use` does with contexts in the talosctl file that the vault does not know. */
  foreignContexts: z.enum(['import', 'backup']),
  expiryWarningDays: z.number().int().min(0).max(3650),
  defaultTtlSeconds: z.number().int().positive(),
  maxTtlSeconds: z.number().int().positive(),
  /** The app locks after this long without input; 0: never (screen lock and sleep still lock it). */
  autoLockSeconds: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60 * 60),
  /** Locking the app also empties talosctl's file, so no credential is left in plaintext. */
  clearTalosconfigOnLock: z.boolean(),
  theme: z.enum(['system', 'light', 'dark']),
  /** The app renews due renewable contexts at start and hourly. */
  autoRenew: z.boolean(),
  /** The longest `elevate` may ask for; never above a day, whatever is set. */
  elevateMaxTtlSeconds: z.number().int().positive().max(MAX_ELEVATION_SECONDS),
});

/** Settings added after the first vaults were written: a vault without them reads with these. */
const laterSettingDefaults = {
  autoLockSeconds: 15 * 60,
  clearTalosconfigOnLock: true,
  theme: 'system',
  autoRenew: false,
  elevateMaxTtlSeconds: DEFAULT_ELEVATE_MAX_SECONDS,
} as const;

// Defaults are filled before the fields are parsed, not with zod's `.default()`: that would also fill
// them into a partial change (`settings --set`), resetting what the change did not name.
export const vaultSettingsSchema = z
  .preprocess(
    (value) =>
      typeof value === 'object' && value !== null && !Array.isArray(value)
        ? { ...laterSettingDefaults, ...value }
        : value,
    vaultSettingsFields,
  )
  .refine((settings) => settings.defaultTtlSeconds <= settings.maxTtlSeconds, {
    message: 'the default TTL is above the maximum TTL',
    path: ['defaultTtlSeconds'],
  });
export type VaultSettings = z.infer<typeof vaultSettingsSchema>;

export const vaultCaSchema = z.object({
  name: z.string().min(1),
  fingerprintSha256: sha256Hex,
  certPem: z.string(),
  keyPem: z.string(),
  source: z.string(),
  importedAt: isoTime,
});
export type VaultCa = z.infer<typeof vaultCaSchema>;

/** One line of the issuance log. Talos cannot revoke, so this log is the only record of what is out there. */
export const issuedCertificateSchema = z.object({
  /** Hex, as OpenSSL prints it. */
  serial: z.string().min(1),
  fingerprintSha256: sha256Hex,
  caFingerprintSha256: sha256Hex,
  caName: z.string(),
  roles: z.array(z.string()),
  notBefore: isoTime,
  notAfter: isoTime,
  identity: z.string().nullable(),
  context: z.string().nullable(),
  issuedAt: isoTime,
  exportedTo: z.array(z.string()),
  /** The serial of the certificate this one renewed. */
  renews: z.string().nullable().default(null),
  /** An elevation: the context it was raised from and the reason given. */
  elevatedFrom: z.string().nullable().default(null),
  reason: z.string().nullable().default(null),
});
export type IssuedCertificate = z.infer<typeof issuedCertificateSchema>;

/** A key and CSR made here and waiting for someone else's CA to sign them. */
export const pendingRequestSchema = z.object({
  name: z.string().min(1),
  roles: z.array(z.string()),
  keyPem: z.string(),
  csrPem: z.string(),
  createdAt: isoTime,
  /** A renewal request: accepting its certificate replaces this context's certificate and key in place. */
  renews: z.string().nullable().default(null),
});
export type PendingRequest = z.infer<typeof pendingRequestSchema>;

/**
 * A short-lived context made by `elevate`: removed from the vault once it expires (or is ended), and
 * talosctl switched back to the context it was raised from.
 */
export const elevationSchema = z.object({
  context: z.string().min(1),
  from: z.string().min(1),
  roles: z.array(z.string()),
  reason: z.string(),
  notAfter: isoTime,
  serial: z.string(),
});
export type Elevation = z.infer<typeof elevationSchema>;

export const vaultDocumentSchema = z
  .object({
    format: z.literal(1),
    contexts: z.array(vaultContextSchema),
    /** Name of the current context; "" when none. */
    current: z.string(),
    settings: vaultSettingsSchema,
    cas: z.array(vaultCaSchema),
    issued: z.array(issuedCertificateSchema),
    pending: z.array(pendingRequestSchema),
    elevations: z.array(elevationSchema).default([]),
    /**
     * The talosctl config file talcred last wrote and a hash of its bytes. A file still holding exactly
     * those bytes is only stale, not foreign: `use` may overwrite it without importing anything from it.
     */
    talosconfigWritten: z.object({ path: z.string(), sha256: z.string() }).nullable().default(null),
  })
  .superRefine((document, ctx) => {
    const seen = new Set<string>();
    document.contexts.forEach((entry, index) => {
      if (seen.has(entry.context.name)) {
        ctx.addIssue({
          code: 'custom',
          message: `context name ${quoteName(entry.context.name)} appears twice`,
          path: ['contexts', index, 'context', 'name'],
        });
      }
      seen.add(entry.context.name);
    });
    if (document.current !== '' && !seen.has(document.current)) {
      ctx.addIssue({
        code: 'custom',
        message: `the current context ${quoteName(document.current)} is not in the vault`,
        path: ['current'],
      });
    }
  });
export type VaultDocument = z.infer<typeof vaultDocumentSchema>;

const DAY_SECONDS = 24 * 60 * 60;

export function defaultVaultSettings(): VaultSettings {
  return {
    targetMode: 'active',
    foreignContexts: 'import',
    expiryWarningDays: DEFAULT_EXPIRY_WARNING_DAYS,
    defaultTtlSeconds: 7 * DAY_SECONDS,
    maxTtlSeconds: 365 * DAY_SECONDS,
    ...laterSettingDefaults,
  };
}

export function emptyVaultDocument(): VaultDocument {
  return {
    format: 1,
    contexts: [],
    current: '',
    settings: defaultVaultSettings(),
    cas: [],
    issued: [],
    pending: [],
    elevations: [],
    talosconfigWritten: null,
  };
}
