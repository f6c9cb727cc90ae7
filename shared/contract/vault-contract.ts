import { z } from 'zod';
import { contextReportSchema } from '../context-report.js';
import { endpointListSchema, newContextNameSchema, nodeListSchema } from '../talosconfig/field-checks.js';
import { vaultSettingsFields, vaultSettingsSchema } from '../vault/vault-document.js';
import {
  opensVault,
  readsAgeFile,
  readsFile,
  readsTalosconfigText,
  writesFile,
  writesTalosconfig,
  writesVault,
} from './error-groups.js';
import { exportTargetSchema, openFileSchema } from './file-ref.js';
import { importChoiceSchema, importPreviewSchema } from './import-preview.js';
import { operation } from './operation.js';

/** A dropped file travels as base64: 4/3 of the largest age file an import reads (17 MiB). */
const MAX_DROPPED_BASE64 = Math.ceil((17 * 1024 * 1024) / 3) * 4;

/**
 * The vault operations, declared once (DESIGN.md "One contract, three transports") and gathered with the
 * others in registry.ts. Results carry facts, never secret material: keys, certificates and CAs stay in the
 * main process (an export is written there, to a file the user chose).
 */

const labelsSchema = z.record(z.string(), z.string());

export const contextItemSchema = contextReportSchema.extend({
  labels: labelsSchema,
  lastUsed: z.string().nullable(),
  note: z.string(),
  source: z.string(),
  importedAt: z.string(),
  /** The name of the stored CA this context's `ca` holds (its cluster), or null. */
  cluster: z.string().nullable(),
  /** A CA stored in the vault signed its certificate, so `lifecycle.renew` can renew it here. */
  renewable: z.boolean(),
  /** Set on a context made by `lifecycle.elevate` while it lasts. */
  elevation: z
    .object({ from: z.string(), roles: z.array(z.string()), reason: z.string(), notAfter: z.string() })
    .nullable(),
});
export type ContextItem = z.infer<typeof contextItemSchema>;

/**
 * Where imported talosconfig text comes from: a file (plain, or age-encrypted: told by its content) or
 * text (standard input, pasted). An age file opens with identity files or its passphrase; without the one
 * it needs, the import fails with `identity-needed` / `passphrase-needed` and the caller asks.
 */
export const importSourceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('file'),
    file: openFileSchema,
    ageIdentities: z.array(openFileSchema).default([]),
    agePassphrase: z.string().min(1).optional(),
  }),
  z.object({ kind: z.literal('text'), text: z.string(), label: z.string().min(1) }),
  /**
   * A file's bytes as base64, read by the renderer from a drag and drop (which has no trustworthy path);
   * plain or age-encrypted, told by its content like a file. The label is only a name to show.
   */
  z.object({
    kind: z.literal('bytes'),
    base64: z.string().max(MAX_DROPPED_BASE64),
    label: z.string().min(1).max(255),
    ageIdentities: z.array(openFileSchema).default([]),
    agePassphrase: z.string().min(1).optional(),
  }),
]);
export type ImportSource = z.input<typeof importSourceSchema>;

export const importOptionsSchema = z.object({
  sources: z.array(importSourceSchema).min(1),
  dedupe: z.boolean().default(false),
  onConflict: z.enum(['rename', 'replace']).default('rename'),
  dryRun: z.boolean().default(false),
});

export const importResultSchema = z.object({
  added: z.array(z.string()),
  renamed: z.array(z.object({ from: z.string(), to: z.string() })),
  replaced: z.array(z.string()),
  skipped: z.array(z.string()),
  current: z.object({ from: z.string(), to: z.string() }),
  written: z.boolean(),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const switchResultSchema = z.object({
  current: z.string(),
  /** The talosctl config file written. */
  path: z.string(),
  mode: z.enum(['active', 'all']),
  /** Contexts found in that file that the vault did not have, and what was done with them. */
  foreign: z.object({
    imported: z.array(z.object({ from: z.string(), to: z.string() })),
    backupPath: z.string().nullable(),
  }),
});
export type SwitchResult = z.infer<typeof switchResultSchema>;

export const backupInfoSchema = z.object({
  name: z.string(),
  savedAt: z.string().nullable(),
  readable: z.boolean(),
});

/** Something `status` found worth fixing that is not an error (a talosctl file others can read). */
export const statusWarningSchema = z.object({
  code: z.enum(['talosconfig-readable-by-others', 'talosconfig-folder-readable-by-others']),
  message: z.string(),
});
export type StatusWarning = z.infer<typeof statusWarningSchema>;

const keySourceSchema = z.enum(['keychain', 'passphrase']);

export const statusSchema = z.object({
  home: z.string(),
  vaultPath: z.string(),
  exists: z.boolean(),
  keySource: keySourceSchema.nullable(),
  /** The app's session: the key is not held. Counts and names below are then empty. */
  locked: z.boolean(),
  contexts: z.number(),
  current: z.string(),
  /** talosctl's file: where it is, whether it is there now, and why that path (flag, env, default). */
  talosconfig: z.object({ path: z.string(), exists: z.boolean(), readOnly: z.boolean(), source: z.string() }),
  targetMode: z.enum(['active', 'all']).nullable(),
  backups: z.array(backupInfoSchema),
  expiringSoon: z.array(z.string()),
  expired: z.array(z.string()),
  /** Running elevations (`lifecycle.elevate`): which context, raised from which, until when. */
  elevations: z.array(z.object({ context: z.string(), from: z.string(), notAfter: z.string() })),
  warnings: z.array(statusWarningSchema),
});
export type Status = z.infer<typeof statusSchema>;

export const nameSchema = z.string().min(1);

/** talosctl's file emptied: where, whether it held anything, and where a foreign copy was kept. */
const clearResultSchema = z.object({
  path: z.string(),
  cleared: z.boolean(),
  backupPath: z.string().nullable(),
});

/** Facts about a talosconfig before it is imported: each context as `inspect` reports it. */
export const fileReportSchema = z.object({
  source: z.string(),
  current: z.string(),
  contexts: z.array(contextReportSchema),
});

/** The vault operations: `window.talos.vault.*`, the CLI's vault commands. */
export const vaultOperations = {
  /**
   * Where everything is and how the vault opens; the counts need the key. `brief` reads no more than the
   * vault's plaintext header, so it answers whatever state the key is in (which screen to show, whether
   * `init` may run).
   */
  status: operation({
    args: z.object({ brief: z.boolean().default(false) }),
    result: statusSchema,
    errors: [...opensVault],
  }),
  /**
   * Creates the vault (a passphrase vault takes its new passphrase here) and, when asked, imports the file
   * talosctl uses — read and checked before the vault exists, so a bad file leaves nothing behind.
   */
  init: operation({
    args: z.object({
      keySource: keySourceSchema,
      passphrase: z.string().min(1).optional(),
      importTalosconfig: z.boolean().default(false),
    }),
    result: z.object({
      vaultPath: z.string(),
      keySource: keySourceSchema,
      imported: importResultSchema.nullable(),
    }),
    errors: [
      ...writesVault,
      ...readsTalosconfigText,
      'vault-exists',
      'file-read-failed',
      'file-too-large',
      'passphrase-needed',
    ],
  }),
  /** The app's session: holds the key until `lockVault`. A keychain vault needs no passphrase. */
  unlock: operation({
    args: z.object({ passphrase: z.string().min(1).optional() }),
    result: z.object({ keySource: keySourceSchema }),
    errors: [...opensVault, 'passphrase-needed'],
  }),
  /**
   * Forgets the key and the decrypted document; then, when the settings say so (the default), empties
   * talosctl's file as `clearTalosconfig` does. The lock itself cannot fail: a file that could not be
   * emptied is said in `clearFailed`, and the vault is locked all the same.
   */
  lockVault: operation({
    args: z.object({}),
    result: z.object({
      locked: z.literal(true),
      talosconfig: clearResultSchema.nullable(),
      clearFailed: z.string().nullable(),
    }),
    errors: [],
  }),
  rekey: operation({
    args: z.object({ keySource: keySourceSchema, passphrase: z.string().min(1).optional() }),
    result: z.object({ keySource: keySourceSchema }),
    errors: [...writesVault, 'passphrase-needed'],
  }),
  inspectFile: operation({
    args: z.object({ source: importSourceSchema }),
    result: fileReportSchema,
    errors: [...readsFile, ...readsTalosconfigText, ...readsAgeFile],
  }),
  importContexts: operation({
    args: importOptionsSchema,
    result: importResultSchema,
    errors: [...writesTalosconfig, ...readsFile, ...readsAgeFile, 'invalid-endpoint', 'invalid-node'],
  }),
  /**
   * Reads the sources and proposes, per incoming context, what an import would do (add, rename to
   * `NAME-1`, skip as identical), with each one's findings; nothing is written. What was read is held
   * under the preview's id (forgotten on lock) for `applyImport`.
   */
  previewImport: operation({
    args: z.object({ sources: z.array(importSourceSchema).min(1) }),
    result: importPreviewSchema,
    errors: [
      ...opensVault,
      ...readsFile,
      ...readsTalosconfigText,
      ...readsAgeFile,
      'invalid-endpoint',
      'invalid-node',
    ],
  }),
  /** Imports a preview's contexts as the user chose, every choice checked against the vault as it is now. */
  applyImport: operation({
    args: z.object({ id: z.string().min(1), choices: z.array(importChoiceSchema) }),
    result: importResultSchema,
    errors: [...writesTalosconfig, 'import-expired', 'name-taken', 'invalid-name', 'context-not-found'],
  }),
  list: operation({ args: z.object({}), result: z.array(contextItemSchema), errors: [...opensVault] }),
  show: operation({
    args: z.object({ name: nameSchema }),
    result: contextItemSchema,
    errors: [...opensVault, 'context-not-found'],
  }),
  use: operation({
    args: z.object({ name: nameSchema.nullable() }),
    result: switchResultSchema,
    errors: [...writesTalosconfig, 'context-not-found'],
  }),
  rename: operation({
    args: z.object({ from: nameSchema, to: newContextNameSchema }),
    result: z.object({ current: z.string() }),
    errors: [...writesTalosconfig, 'context-not-found', 'name-taken', 'invalid-name'],
  }),
  remove: operation({
    args: z.object({ names: z.array(nameSchema).min(1) }),
    result: z.object({ removed: z.array(z.string()) }),
    errors: [...writesTalosconfig, 'context-not-found', 'context-is-current'],
  }),
  setEndpoints: operation({
    args: z.object({ name: nameSchema, endpoints: endpointListSchema }),
    result: contextItemSchema,
    errors: [...writesTalosconfig, 'context-not-found', 'invalid-endpoint'],
  }),
  setNodes: operation({
    args: z.object({ name: nameSchema, nodes: nodeListSchema }),
    result: contextItemSchema,
    errors: [...writesTalosconfig, 'context-not-found', 'invalid-node'],
  }),
  label: operation({
    args: z.object({ name: nameSchema, set: labelsSchema, remove: z.array(z.string()) }),
    result: contextItemSchema,
    errors: [...writesVault, 'context-not-found'],
  }),
  setNote: operation({
    args: z.object({ name: nameSchema, note: z.string().max(10_000) }),
    result: contextItemSchema,
    errors: [...writesVault, 'context-not-found'],
  }),
  /** A plain talosconfig for a teammate (0600); the issuance log records where it went. */
  exportContexts: operation({
    args: z.object({ names: z.array(nameSchema).min(1), output: exportTargetSchema }),
    result: z.object({ path: z.string(), contexts: z.array(z.string()) }),
    errors: [...writesVault, ...writesFile, 'context-not-found'],
  }),
  /**
   * Empties talosctl's file, so no credential is left in plaintext (`talcred lock`); needs no key. A file
   * holding anything but what was last written there is kept aside first (`backupPath`).
   */
  clearTalosconfig: operation({
    args: z.object({}),
    result: clearResultSchema,
    errors: [...writesTalosconfig],
  }),
  listBackups: operation({
    args: z.object({}),
    result: z.array(backupInfoSchema.extend({ problem: z.string().nullable() })),
    errors: ['vault-read-failed', 'keychain-unavailable', 'keychain-locked'],
  }),
  restore: operation({
    args: z.object({ backup: z.string().min(1).optional() }),
    result: backupInfoSchema,
    errors: [...writesVault, 'backup-missing'],
  }),
  /** Reads the settings; with `set`, changes those fields first (the rest stay). */
  settings: operation({
    args: z.object({ set: vaultSettingsFields.partial() }),
    result: vaultSettingsSchema,
    errors: [...writesTalosconfig],
  }),
} as const;
