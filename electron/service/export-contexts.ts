import type { TalosConfig } from '../../shared/talosconfig/model.js';
import { serializeTalosconfig } from '../../shared/talosconfig/serialize.js';
import { recordContextsExport } from './issuing/age-export.js';
import { refuseOverwrite, writeWithVaultChange } from './issuing/output-file.js';
import type { ServiceDeps } from './service-deps.js';
import { requireContext } from './vault-lookup.js';

/** The chosen contexts as a plain talosconfig; the first one named is its current context. */
export async function exportedConfig(deps: ServiceDeps, names: readonly string[]): Promise<TalosConfig> {
  const document = await deps.store.read();
  const contexts = [...new Set(names)].map((name) => requireContext(document, name).context);
  return { context: names[0] ?? '', contexts, extra: [] };
}

/** Writes a plaintext talosconfig (mode 0600); refuses to overwrite a file unless told to. */
export async function exportContexts(
  deps: ServiceDeps,
  names: readonly string[],
  path: string,
  overwrite: boolean,
): Promise<{ path: string; contexts: string[] }> {
  const config = await exportedConfig(deps, names);
  refuseOverwrite(path, overwrite);
  // The issuance log says where each certificate this vault issued went (DESIGN.md "Issuing").
  const exported = config.contexts.map((context) => context.name);
  await writeWithVaultChange(
    deps,
    { path, bytes: serializeTalosconfig(config) },
    (document) => recordContextsExport(document, exported, path),
    false,
  );
  return { path, contexts: config.contexts.map((context) => context.name) };
}

/** Where the issuance log says a talosconfig went when it was handed to the caller as text (`-o -`). */
export const STANDARD_OUTPUT = 'standard output';

/**
 * The same talosconfig as text for the caller to pass on (standard output, as `age -o -` does); the
 * issuance log records it as given to standard output.
 */
export async function exportContextsText(
  deps: ServiceDeps,
  names: readonly string[],
): Promise<{ text: string; contexts: string[] }> {
  const config = await exportedConfig(deps, names);
  const exported = config.contexts.map((context) => context.name);
  await deps.store.update((document) => recordContextsExport(document, exported, STANDARD_OUTPUT));
  return { text: serializeTalosconfig(config), contexts: exported };
}
