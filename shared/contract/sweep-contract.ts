import { z } from 'zod';
import { opensVault, writesTalosconfig, readsFile, readsAgeFile } from './error-groups.js';
import { pickedFileSchema } from './file-ref.js';
import { operation } from './operation.js';
import { importResultSchema } from './vault-contract.js';

/**
 * Finding plaintext Talos credentials left on disk (`talcred sweep`), declared once like the vault
 * contract. A scan reports facts only — path, kind, mode, git state, each context's roles and expiry and
 * whether the vault already holds it — never key material. Each found file gets an id kept main-side for
 * the session, so the app can import or remove what was found without ever naming a path; folders come as
 * a path (CLI, tests) or a token from the app's folder dialog (the IPC layer refuses paths).
 */

export const sweepFolderSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('path'), path: z.string().min(1) }),
  pickedFileSchema,
]);
export type SweepFolderRef = z.input<typeof sweepFolderSchema>;

export const foundKindSchema = z.enum(['talosconfig', 'secrets-bundle', 'machine-config']);
export type FoundKind = z.infer<typeof foundKindSchema>;

/**
 * `outside`: not in a git work tree; `untracked`: in one, not in its index; `staged`: in the index, not in
 * HEAD; `committed`: in HEAD (deleting it does not unpublish it: rotate); `unknown`: git is missing or
 * would not answer for that work tree.
 */
export const gitStateSchema = z.enum(['outside', 'untracked', 'staged', 'committed', 'unknown']);
export type GitState = z.infer<typeof gitStateSchema>;

export const foundContextSchema = z.object({
  name: z.string(),
  roles: z.array(z.string()),
  /** The client certificate's NotAfter (ISO 8601), or null without a readable certificate. */
  notAfter: z.string().nullable(),
  /** The vault holds an identical context (any name); null when the vault could not be compared. */
  inVault: z.boolean().nullable(),
});
export type FoundContext = z.infer<typeof foundContextSchema>;

export const foundFileSchema = z.object({
  /** Good for this session's importFound / removeFound. */
  id: z.string(),
  path: z.string(),
  kind: foundKindSchema,
  /** Permission bits in octal, e.g. "0600". */
  mode: z.string(),
  /** Group or others may read it. */
  readableByOthers: z.boolean(),
  git: gitStateSchema,
  /** The file talosctl uses (emptied by `lock`, never removed by a sweep). */
  talosctlFile: z.boolean(),
  /** A talosconfig's contexts that hold a client key; empty for the other kinds. */
  contexts: z.array(foundContextSchema),
});
export type FoundFile = z.infer<typeof foundFileSchema>;

export const skippedSchema = z.object({
  path: z.string(),
  reason: z.enum(['folder-unreadable', 'file-unreadable', 'unparsable']),
  message: z.string(),
});
export type Skipped = z.infer<typeof skippedSchema>;

export const scanResultSchema = z.object({
  files: z.array(foundFileSchema),
  skipped: z.array(skippedSchema),
  /** What the walk saw: folders entered, regular files looked at, files read past the first bytes. */
  counts: z.object({ folders: z.number(), files: z.number(), parsed: z.number() }),
  git: z.enum(['available', 'missing']),
  /** Whether `inVault` means anything: compared, no vault yet, or the vault could not be opened (why). */
  vault: z.discriminatedUnion('state', [
    z.object({ state: z.literal('compared') }),
    z.object({ state: z.literal('missing') }),
    z.object({ state: z.literal('unavailable'), message: z.string() }),
  ]),
});
export type ScanResult = z.infer<typeof scanResultSchema>;

export const scanProgressSchema = z.object({
  folders: z.number(),
  files: z.number(),
  found: z.number(),
  /** The folder being read, so a long walk shows where it is (a path the user may read anyway). */
  folder: z.string(),
});
export type ScanProgress = z.infer<typeof scanProgressSchema>;

const idsSchema = z.array(z.string().min(1).max(100)).min(1).max(10_000);

export const keptReasonSchema = z.enum([
  'git-tracked',
  'git-unknown',
  'talosctl-file',
  'not-a-talosconfig',
  'not-in-vault',
  /** Not the file the scan found any more (replaced, edited, gone). */
  'changed',
  /** The deletion itself failed (permissions of its folder). */
  'remove-failed',
]);
export type KeptReason = z.infer<typeof keptReasonSchema>;

const foundPathSchema = z.object({ id: z.string(), path: z.string() });

/** The sweep operations: `window.talos.sweep.*`, the CLI's `talcred sweep`. */
export const sweepOperations = {
  /**
   * Walks the folders (none: talosctl's file locations and the home folder to depth 6) without following
   * symbolic links, and classifies what it finds. Reports progress; can be cancelled.
   */
  scan: operation({
    args: z.object({
      folders: z.array(sweepFolderSchema).max(100).default([]),
      /** Levels below each folder, as `find -maxdepth` counts them; default 6 for the home folder. */
      depth: z.number().int().min(1).max(64).optional(),
    }),
    result: scanResultSchema,
    errors: ['sweep-path-unreadable', 'cancelled', 'file-token-invalid'],
    progress: scanProgressSchema,
  }),
  /** Imports the talosconfigs found (skipping contexts the vault already holds). */
  importFound: operation({
    args: z.object({ ids: idsSchema }),
    result: importResultSchema.extend({ files: z.array(foundPathSchema) }),
    errors: [
      ...writesTalosconfig,
      ...readsFile,
      ...readsAgeFile,
      'invalid-endpoint',
      'invalid-node',
      'finding-unknown',
      'finding-not-importable',
    ],
  }),
  /**
   * Deletes found talosconfigs whose every context the vault holds identically — never a file git tracks
   * (or might: git unknown), never talosctl's own file. Everything else is kept, with the reason.
   */
  removeFound: operation({
    args: z.object({ ids: idsSchema }),
    result: z.object({
      removed: z.array(foundPathSchema),
      kept: z.array(foundPathSchema.extend({ reason: keptReasonSchema })),
    }),
    errors: [...opensVault, 'finding-unknown'],
  }),
} as const;
