import { z } from 'zod';

/**
 * The talosconfig model. It keeps every field of the file: the ones talosctl knows are typed, the others
 * are kept with the known field they followed so that they are written back in place (TALOS.md: talosctl
 * drops unknown fields when it saves; this product does not).
 */

/** A field this version does not know, kept verbatim. `after` is the key it followed in the file ("" = first). */
export const unknownFieldSchema = z.object({
  key: z.string(),
  after: z.string(),
  value: z.json(),
});
export type UnknownField = z.infer<typeof unknownFieldSchema>;

export const contextAuthSchema = z.object({
  basic: z.object({ username: z.string(), password: z.string() }).optional(),
  siderov1: z.object({ identity: z.string() }).optional(),
});
export type ContextAuth = z.infer<typeof contextAuthSchema>;

export const talosContextSchema = z.object({
  name: z.string().min(1),
  /** `target` (deprecated) is folded in on read, as talosctl does. */
  endpoints: z.array(z.string()),
  nodes: z.array(z.string()),
  /** Base64 of PEM exactly as in the file; "" when absent. Several CERTIFICATE blocks are allowed in `ca`. */
  ca: z.string(),
  crt: z.string(),
  key: z.string(),
  auth: contextAuthSchema.optional(),
  /** Omni cluster name. */
  cluster: z.string().optional(),
  /** `proxy-url` in the file (Talos 1.14+). */
  proxyUrl: z.string().optional(),
  extra: z.array(unknownFieldSchema),
});
export type TalosContext = z.infer<typeof talosContextSchema>;

export const talosConfigSchema = z.object({
  /** Name of the current context; "" when none. */
  context: z.string(),
  /** Unique names, sorted the way talosctl's writer sorts them (see `compareContextNames`). */
  contexts: z.array(talosContextSchema),
  extra: z.array(unknownFieldSchema),
});
export type TalosConfig = z.infer<typeof talosConfigSchema>;

export type AuthKind = 'mtls' | 'basic' | 'siderov1' | 'none';

export function authKind(context: TalosContext): AuthKind {
  if (context.crt !== '' || context.key !== '') return 'mtls';
  if (context.auth?.siderov1) return 'siderov1';
  if (context.auth?.basic) return 'basic';
  return 'none';
}

export function emptyConfig(): TalosConfig {
  return { context: '', contexts: [], extra: [] };
}
