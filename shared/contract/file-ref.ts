import { z } from 'zod';

/**
 * A file the user chose (DESIGN.md "Files chosen in the app"). The CLI and the tests name a path; the app
 * never does: its renderer holds only tokens that the main process handed out from its own open and save
 * dialogs, each good for one use. The IPC layer refuses `kind: 'path'`.
 */
export const pickedFileSchema = z.object({ kind: z.literal('picked'), token: z.string().min(1).max(200) });

export const openFileSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('path'), path: z.string().min(1) }),
  pickedFileSchema,
]);
export type OpenFileRef = z.infer<typeof openFileSchema>;

/** A save token carries the dialog's own overwrite confirmation; a path says it outright. */
export const saveFileSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('path'), path: z.string().min(1), overwrite: z.boolean().default(false) }),
  pickedFileSchema,
]);
export type SaveFileRef = z.input<typeof saveFileSchema>;

/**
 * Where `talcred export -o -` sends a talosconfig: the caller's standard output, as `age -o -` does. The CLI
 * has one; the app does not, and the IPC layer refuses it like a path.
 */
export const standardOutputSchema = z.object({ kind: z.literal('stdout') });
export const exportTargetSchema = z.union([saveFileSchema, standardOutputSchema]);

export function pathRef(path: string): OpenFileRef {
  return { kind: 'path', path };
}

export function savePathRef(path: string, overwrite = false): SaveFileRef {
  return { kind: 'path', path, overwrite };
}
