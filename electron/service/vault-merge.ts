import {
  applyMergePlan,
  mergePlanSummary,
  planMerge,
  type MergePlan,
} from '../../shared/talosconfig/merge.js';
import type { TalosConfig } from '../../shared/talosconfig/model.js';
import type { ContextMeta, VaultDocument } from '../../shared/vault/vault-document.js';

export interface VaultMergeOptions {
  dedupe: boolean;
  onConflict: 'rename' | 'replace';
  /** Recorded as each new context's source (a file path, "standard input", …). */
  source: string;
  now: Date;
  /** The steps to take instead of talosctl's rules: the user's choices from an import preview. */
  plan?: MergePlan;
}

/** The vault's contexts as a talosconfig, so the merge of the foundation applies unchanged. */
export function vaultAsConfig(document: VaultDocument): TalosConfig {
  return { context: document.current, contexts: document.contexts.map((entry) => entry.context), extra: [] };
}

/**
 * Merges a talosconfig into the vault with talosctl's rules (renames, never loses a context). Importing is
 * storing, not switching: the vault's current context, which mirrors what talosctl uses, stays as it is.
 */
export function mergeIntoVault(
  document: VaultDocument,
  incoming: TalosConfig,
  options: VaultMergeOptions,
): { document: VaultDocument; plan: MergePlan; summary: ReturnType<typeof mergePlanSummary> } {
  const into = vaultAsConfig(document);
  const plan = options.plan ?? planMerge(into, incoming, options);
  const merged = applyMergePlan(into, incoming, plan);

  const metaByName = new Map(document.contexts.map((entry) => [entry.context.name, entry.meta]));
  const fresh = (): ContextMeta => ({
    source: options.source,
    importedAt: options.now.toISOString(),
    lastUsed: null,
    labels: {},
    note: '',
  });
  const arrived = new Map<string, 'new' | 'replaced'>();
  for (const step of plan.steps) {
    if (step.action === 'add' || step.action === 'rename') arrived.set(step.to, 'new');
    if (step.action === 'replace') arrived.set(step.to, 'replaced');
  }

  const contexts = merged.contexts.map((context) => {
    const kind = arrived.get(context.name);
    const previous = metaByName.get(context.name);
    if (kind === 'new' || !previous) return { context, meta: fresh() };
    if (kind === 'replaced') {
      // Same name, new credential: labels and note describe the name's role and stay.
      return {
        context,
        meta: { ...previous, source: options.source, importedAt: options.now.toISOString() },
      };
    }
    return { context, meta: previous };
  });
  const summary = { ...mergePlanSummary(plan), current: { from: document.current, to: document.current } };
  return { document: { ...document, contexts }, plan, summary };
}
