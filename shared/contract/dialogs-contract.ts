import { z } from 'zod';
import { operation } from './operation.js';

/**
 * The app's own open and save dialogs (main side only: electron/ipc.ts in the app, the e2e harness in the
 * browser tests). Each answers with a single-use token for the file the user chose, never a path the
 * renderer could alter; a save token carries the dialog's overwrite confirmation.
 */
const filterSchema = z.object({
  name: z.string().min(1).max(100),
  extensions: z.array(z.string().regex(/^[\w*]{1,20}$/)).max(20),
});

const pickedSchema = z.discriminatedUnion('picked', [
  z.object({
    picked: z.literal(true),
    token: z.string(),
    /** The chosen file's name (not its folder), to show which one was picked. */
    name: z.string(),
  }),
  z.object({ picked: z.literal(false) }),
]);

export const dialogOperations = {
  pickOpen: operation({
    args: z.object({
      title: z.string().min(1).max(200),
      filters: z.array(filterSchema).max(10).default([]),
      /** Folders instead of files (a folder to sweep); their tokens serve only that purpose. */
      folders: z.boolean().default(false),
    }),
    result: z.object({
      files: z.array(z.object({ token: z.string(), name: z.string() })),
    }),
    errors: [],
  }),
  /**
   * The files the app was asked to open (file association, a second launch), each as an open token
   * like a dialog's; every file is handed out once. `filesOpened` says when more arrive.
   */
  openedFiles: operation({
    args: z.object({}),
    result: z.object({
      files: z.array(z.object({ token: z.string(), name: z.string() })),
    }),
    errors: [],
  }),
  pickSave: operation({
    args: z.object({
      title: z.string().min(1).max(200),
      /** A suggested file name, no folder. */
      defaultName: z
        .string()
        .min(1)
        .max(255)
        .regex(/^[^/\\\0]+$/),
      filters: z.array(filterSchema).max(10).default([]),
    }),
    result: pickedSchema,
    errors: [],
  }),
} as const;
