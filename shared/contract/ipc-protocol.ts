import { z } from 'zod';
import { eventNames, type EventName } from './events.js';
import type { AreaName } from './registry.js';
import { wireErrorSchema } from './wire-error.js';

/**
 * How the preload bridge and electron/ipc.ts talk (never seen by the renderer's code, which has only
 * `window.talos`). One invoke channel per operation, named from the registry; replies carry either the
 * result or the encoded failure, because Electron's invoke keeps only an error's message.
 */
export function channelOf(area: AreaName, operation: string): string {
  return `talos:${area}.${operation}`;
}

/** renderer → main: cancel the call with this id (a long operation's Cancel button). */
export const CANCEL_CHANNEL = 'talos:cancel';
/** main → renderer: a progress report of one call. */
export const PROGRESS_CHANNEL = 'talos:progress';
/** main → renderer: a pushed event (vaultChanged, …). */
export const EVENT_CHANNEL = 'talos:event';

export const callRequestSchema = z.object({
  /** Chosen by the caller, so progress and cancellation can name the call before it returns. */
  callId: z.string().min(1).max(64),
  args: z.unknown(),
});
export type CallRequest = z.infer<typeof callRequestSchema>;

export const callReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: wireErrorSchema }),
]);
export type CallReply = z.infer<typeof callReplySchema>;

export const cancelMessageSchema = z.object({ callId: z.string().min(1).max(64) });
export const progressMessageSchema = z.object({ callId: z.string(), progress: z.unknown() });
export const eventMessageSchema = z.object({
  name: z.enum(eventNames as [EventName, ...EventName[]]),
  payload: z.unknown(),
});
