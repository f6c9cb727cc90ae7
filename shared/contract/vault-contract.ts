import { z } from 'zod';
import { contextReportSchema } from '../context-report.js';
import { vaultSettingsFields, vaultSettingsSchema } from '../vault/vault-document.js';

/**
 * The vault operations, declared once (DESIGN.md "One contract, three transports"). The service object in
 * electron/service implements exactly these; the CLI calls it directly and the app's IPC will register the
 * same names. Results carry facts, never secret material: keys, certificates and CAs stay in the main
 * process (an export is written there, to a path the user chose).
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
});
export type ContextItem = z.infer<typeof contextItemSchema>;

/** Where imported talosconfig text comes from: a file (CLI, a main-side dialog) or text (stdin, pasted). */
export const importSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('file'), path: z.string().min(1) }),
  z.object({ kind: z.literal('text'), text: z.string(), label: z.string() }),
]);
export type ImportSource = z.infer<typeof importSourceSchema>;

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

export const statusSchema = z.object({
  home: z.string(),
  vaultPath: z.string(),
  exists: z.boolean(),
  keySource: z.enum(['keychain', 'passphrase']).nullable(),
  contexts: z.number(),
  current: z.string(),
  talosconfig: z.object({ path: z.string(), readOnly: z.boolean(), source: z.string() }),
  targetMode: z.enum(['active', 'all']).nullable(),
  backups: z.array(backupInfoSchema),
  expiringSoon: z.array(z.string()),
  expired: z.array(z.string()),
  warnings: z.array(statusWarningSchema),
});
export type Status = z.infer<typeof statusSchema>;

export const nameSchema = z.string().min(1);

export const vaultContract = {
  status: { args: z.object({}), result: statusSchema },
  init: {
    args: z.object({ keySource: z.enum(['keychain', 'passphrase']) }),
    result: z.object({ vaultPath: z.string(), keySource: z.enum(['keychain', 'passphrase']) }),
  },
  importContexts: { args: importOptionsSchema, result: importResultSchema },
  list: { args: z.object({}), result: z.array(contextItemSchema) },
  show: { args: z.object({ name: nameSchema }), result: contextItemSchema },
  use: { args: z.object({ name: nameSchema.nullable() }), result: switchResultSchema },
  rename: { args: z.object({ from: nameSchema, to: nameSchema }), result: z.object({ current: z.string() }) },
  remove: {
    args: z.object({ names: z.array(nameSchema).min(1) }),
    result: z.object({ removed: z.array(z.string()) }),
  },
  setEndpoints: {
    args: z.object({ name: nameSchema, endpoints: z.array(z.string().min(1)) }),
    result: contextItemSchema,
  },
  setNodes: {
    args: z.object({ name: nameSchema, nodes: z.array(z.string().min(1)) }),
    result: contextItemSchema,
  },
  label: {
    args: z.object({ name: nameSchema, set: labelsSchema, remove: z.array(z.string()) }),
    result: contextItemSchema,
  },
  exportContexts: {
    args: z.object({ names: z.array(nameSchema).min(1), path: z.string().min(1), overwrite: z.boolean() }),
    result: z.object({ path: z.string(), contexts: z.array(z.string()) }),
  },
  lock: { args: z.object({}), result: z.object({ path: z.string(), cleared: z.boolean() }) },
  rekey: {
    args: z.object({ keySource: z.enum(['keychain', 'passphrase']) }),
    result: z.object({ keySource: z.enum(['keychain', 'passphrase']) }),
  },
  restore: { args: z.object({ backup: z.string().optional() }), result: backupInfoSchema },
  /** Reads the settings; with `set`, changes those fields first (the rest stay). */
  settings: { args: z.object({ set: vaultSettingsFields.partial() }), result: vaultSettingsSchema },
} as const;

type Contract = typeof vaultContract;
export type VaultOperationName = keyof Contract;
/** What the service implements and every transport exposes, derived from the schemas above. */
export type VaultOperations = {
  [Name in VaultOperationName]: (
    args: z.input<Contract[Name]['args']>,
  ) => Promise<z.output<Contract[Name]['result']>>;
};
