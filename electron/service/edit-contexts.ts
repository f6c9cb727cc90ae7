import type { ContextItem } from '../../shared/contract/vault-contract.js';
import { UsageError } from '../../shared/user-error.js';
import type { VaultContext, VaultDocument } from '../../shared/vault/vault-document.js';
import { toContextItem } from './context-item.js';
import type { ServiceDeps } from './service-deps.js';
import { commitChange, type Change } from './commit-change.js';
import { requireContext } from './vault-lookup.js';
import { quoteName } from '../../shared/quote-name.js';

async function commit(deps: ServiceDeps, touches: readonly string[], change: Change): Promise<VaultDocument> {
  return (await commitChange(deps, touches, change)).document;
}

function updateContext(
  document: VaultDocument,
  name: string,
  edit: (entry: VaultContext) => VaultContext,
): VaultDocument {
  requireContext(document, name);
  return {
    ...document,
    contexts: document.contexts.map((entry) => (entry.context.name === name ? edit(entry) : entry)),
  };
}

async function itemAfter(
  deps: ServiceDeps,
  name: string,
  touches: readonly string[],
  change: Change,
): Promise<ContextItem> {
  const document = await commit(deps, touches, change);
  return toContextItem(requireContext(document, name), document, deps.now());
}

export async function renameContext(
  deps: ServiceDeps,
  from: string,
  to: string,
): Promise<{ current: string }> {
  const document = await commit(deps, [from], (current) => {
    requireContext(current, from);
    if (from === to) return current;
    if (current.contexts.some((entry) => entry.context.name === to)) {
      throw new UsageError(
        `a context named ${quoteName(to)} already exists; pick another name or remove it first`,
        'name-taken',
      );
    }
    const renamed = (name: string) => (name === from ? to : name);
    return {
      ...updateContext(current, from, (entry) => ({ ...entry, context: { ...entry.context, name: to } })),
      current: renamed(current.current),
      // An elevation follows its context and its origin under their new names.
      elevations: current.elevations.map((elevation) => ({
        ...elevation,
        context: renamed(elevation.context),
        from: renamed(elevation.from),
      })),
    };
  });
  return { current: document.current };
}

export async function removeContexts(
  deps: ServiceDeps,
  names: readonly string[],
): Promise<{ removed: string[] }> {
  const change: Change = (current) => {
    for (const name of names) {
      requireContext(current, name);
      // talosctl's `config remove` never removes the current context either.
      if (name === current.current) {
        throw new UsageError(
          `${quoteName(name)} is the current context; switch to another context (or off) first`,
          'context-is-current',
        );
      }
    }
    return {
      ...current,
      contexts: current.contexts.filter((entry) => !names.includes(entry.context.name)),
      // A removed elevation has ended; its certificate lives on until it expires, as the log says.
      elevations: current.elevations.filter((elevation) => !names.includes(elevation.context)),
    };
  };
  // In `all` mode the file lists the removed contexts too: the removal and the rewrite go together, so the
  // file's copies are compared with the vault as it was (they are known, not foreign) and do not come back.
  await commit(deps, names, change);
  return { removed: [...new Set(names)] };
}

export function setEndpoints(
  deps: ServiceDeps,
  name: string,
  endpoints: readonly string[],
): Promise<ContextItem> {
  return itemAfter(deps, name, [name], (document) =>
    updateContext(document, name, (entry) => ({
      ...entry,
      context: { ...entry.context, endpoints: [...endpoints] },
    })),
  );
}

export function setNodes(deps: ServiceDeps, name: string, nodes: readonly string[]): Promise<ContextItem> {
  return itemAfter(deps, name, [name], (document) =>
    updateContext(document, name, (entry) => ({
      ...entry,
      context: { ...entry.context, nodes: [...nodes] },
    })),
  );
}

export async function labelContext(
  deps: ServiceDeps,
  name: string,
  set: Readonly<Record<string, string>>,
  remove: readonly string[],
): Promise<ContextItem> {
  const document = await deps.store.update((current) =>
    updateContext(current, name, (entry) => {
      const labels = new Map(Object.entries(entry.meta.labels));
      for (const key of remove) labels.delete(key);
      for (const [key, value] of Object.entries(set)) labels.set(key, value);
      return { ...entry, meta: { ...entry.meta, labels: Object.fromEntries(labels) } };
    }),
  );
  return toContextItem(requireContext(document, name), document, deps.now());
}

/** The note is the vault's own: talosctl's file never holds it, so only the vault is written. */
export async function noteContext(deps: ServiceDeps, name: string, note: string): Promise<ContextItem> {
  const document = await deps.store.update((current) =>
    updateContext(current, name, (entry) => ({ ...entry, meta: { ...entry.meta, note } })),
  );
  return toContextItem(requireContext(document, name), document, deps.now());
}
