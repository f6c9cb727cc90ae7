import type { ArgsOf } from '../../shared/contract/operation.js';
import type { ImportResult, vaultOperations } from '../../shared/contract/vault-contract.js';
import { checkReceivedAddresses } from '../../shared/talosconfig/received-addresses.js';
import type { MergePlan } from '../../shared/talosconfig/merge.js';
import type { VaultDocument } from '../../shared/vault/vault-document.js';
import { loadSources, type LoadedSource } from './load-sources.js';
import type { ServiceDeps } from './service-deps.js';
import { syncTalosconfig } from './switch-context.js';
import { mergeIntoVault } from './vault-merge.js';
import { viewedByTalosctl } from './talosctl-current.js';

export type ImportArgs = ArgsOf<typeof vaultOperations.importContexts>;

type MergeRules = Pick<ImportArgs, 'dedupe' | 'onConflict'> & {
  /** The user's steps for source `index`, given the vault as merged so far (an import preview's choices). */
  planFor?: (index: number, into: VaultDocument) => MergePlan;
};

export function mergeAll(
  document: VaultDocument,
  sources: readonly LoadedSource[],
  args: MergeRules,
  now: Date,
): { document: VaultDocument; result: Omit<ImportResult, 'written'> } {
  let next = document;
  const result: Omit<ImportResult, 'written'> = {
    added: [],
    renamed: [],
    replaced: [],
    skipped: [],
    current: { from: document.current, to: document.current },
  };
  for (const [index, source] of sources.entries()) {
    const plan = args.planFor?.(index, next);
    const merged = mergeIntoVault(next, source.config, {
      dedupe: args.dedupe,
      onConflict: args.onConflict,
      source: source.label,
      now,
      ...(plan === undefined ? {} : { plan }),
    });
    next = merged.document;
    result.added.push(...merged.summary.added);
    result.renamed.push(...merged.summary.renamed);
    result.replaced.push(...merged.summary.replaced);
    result.skipped.push(...merged.summary.skipped);
  }
  return { document: next, result };
}

export async function importContexts(deps: ServiceDeps, args: ImportArgs): Promise<ImportResult> {
  const sources = await loadSources(deps.files, args.sources);
  // Received endpoints and nodes end up in talosctl's file: a bad one is refused here, naming its file.
  for (const source of sources) checkReceivedAddresses(source.config, source.label);
  if (args.dryRun) {
    return { ...mergeAll(await deps.store.read(), sources, args, deps.now()).result, written: false };
  }
  return writeImport(
    deps,
    sources,
    args,
    (current) =>
      args.onConflict === 'replace' && sources.some((s) => s.config.contexts.some((c) => c.name === current)),
  );
}

/** Merges into the vault, and rewrites talosctl's file when what it holds changes with it. */
export async function writeImport(
  deps: ServiceDeps,
  sources: readonly LoadedSource[],
  rules: MergeRules,
  replaces: (current: string) => boolean,
): Promise<ImportResult> {
  let result: Omit<ImportResult, 'written'> | undefined;
  const change = (document: VaultDocument): VaultDocument => {
    const merged = mergeAll(document, sources, rules, deps.now());
    result = merged.result;
    return merged.document;
  };
  const before = await viewedByTalosctl(deps);
  // The talosctl file mirrors the vault in `all` mode, and holds the current context (which --replace may renew).
  if (before.current !== '' && (before.settings.targetMode === 'all' || replaces(before.current))) {
    await syncTalosconfig(deps, change);
  } else {
    await deps.store.update(change);
  }
  if (!result) throw new Error('import: the vault update did not run');
  return { ...result, written: true };
}
