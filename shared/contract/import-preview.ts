import { z } from 'zod';
import { contextReportSchema } from '../context-report.js';
import { newContextNameSchema } from '../talosconfig/field-checks.js';

/**
 * The import flow's two steps (DESIGN.md "Files chosen in the app"): a preview reads every source once and
 * keeps what it read in the main process under an id — a dialog's token is spent on the first read, and no
 * credential goes to the renderer — then the user's choice per incoming context is applied to that.
 */

/** What the preview proposes for one incoming context, before the user adjusts it. */
export const importSuggestionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('add'), to: z.string() }),
  /** The name is taken: talosctl's `NAME-1`, the first free number. */
  z.object({ action: z.literal('rename'), to: z.string() }),
  /** The vault already holds exactly this content, under `to`. */
  z.object({ action: z.literal('skip'), to: z.string() }),
]);

export const importPreviewItemSchema = z.object({
  /** Stable within one preview: which source, which context. */
  key: z.string(),
  /** Index into the preview's `sources`. */
  source: z.number().int().min(0),
  /** The name in the incoming file. */
  from: z.string(),
  suggestion: importSuggestionSchema,
  /** A vault context already has the incoming name: "replace" is possible. */
  nameTaken: z.boolean(),
  /** Facts and findings of the incoming context (expired, wrong EKU, …), never its secrets. */
  report: contextReportSchema,
});
export type ImportPreviewItem = z.infer<typeof importPreviewItemSchema>;

export const importPreviewSchema = z.object({
  id: z.string(),
  /** Each source's label: its file's name, or what pasted text was called. */
  sources: z.array(z.object({ label: z.string(), current: z.string() })),
  items: z.array(importPreviewItemSchema),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

/** The user's decision for one incoming context: store it under a name, replace the same name, or leave it. */
export const importChoiceSchema = z.discriminatedUnion('action', [
  z.object({ key: z.string(), action: z.literal('add'), to: newContextNameSchema }),
  z.object({ key: z.string(), action: z.literal('replace') }),
  z.object({ key: z.string(), action: z.literal('skip') }),
]);
export type ImportChoice = z.input<typeof importChoiceSchema>;
