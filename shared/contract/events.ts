import { z } from 'zod';

/**
 * What the main side pushes (DESIGN.md "The app session"): the vault file or talosctl's file changed on
 * disk (by the app, the CLI or talosctl itself), or the session locked or unlocked. Payloads carry no
 * secret material; a changed file is re-read through the operations.
 */
export const eventSchemas = {
  vaultChanged: z.object({ path: z.string() }),
  /** talosctl's `context:` is the one truth of what is current; `current` is what the file now says. */
  talosconfigChanged: z.object({ path: z.string(), current: z.string() }),
  sessionChanged: z.object({ locked: z.boolean() }),
  /** The app was asked to open files (dialogs.openedFiles hands them out). */
  filesOpened: z.object({}),
} as const;

export type EventName = keyof typeof eventSchemas;
export type EventPayload<Name extends EventName> = z.output<(typeof eventSchemas)[Name]>;
export type EventListener<Name extends EventName> = (payload: EventPayload<Name>) => void;

export const eventNames = Object.keys(eventSchemas) as EventName[];

export interface EventSource {
  /** Returns the unsubscribe. */
  subscribe<Name extends EventName>(name: Name, listener: EventListener<Name>): () => void;
}
