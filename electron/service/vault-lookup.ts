import { UsageError } from '../../shared/user-error.js';
import type { VaultContext, VaultDocument } from '../../shared/vault/vault-document.js';
import { nameList, quoteName } from '../../shared/quote-name.js';

/** The vault context of that name, or a usage error listing the names there are. */
export function requireContext(document: VaultDocument, name: string): VaultContext {
  const entry = document.contexts.find((candidate) => candidate.context.name === name);
  if (entry) return entry;
  const names = document.contexts.map((candidate) => candidate.context.name);
  const hint =
    names.length === 0 ? 'the vault is empty: import a talosconfig first' : `contexts: ${nameList(names)}`;
  throw new UsageError(`no context ${quoteName(name)} in the vault (${hint})`, 'context-not-found');
}
