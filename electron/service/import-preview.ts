import type { ImportChoice, ImportPreview, ImportPreviewItem } from '../../shared/contract/import-preview.js';
import type { ArgsOf } from '../../shared/contract/operation.js';
import type { ImportResult, vaultOperations } from '../../shared/contract/vault-contract.js';
import { quoteName } from '../../shared/quote-name.js';
import { compareContextNames } from '../../shared/talosconfig/compare-context-names.js';
import { sameContextContent } from '../../shared/talosconfig/context-equality.js';
import type { MergePlan, MergeStep } from '../../shared/talosconfig/merge.js';
import type { TalosContext } from '../../shared/talosconfig/model.js';
import { checkReceivedAddresses } from '../../shared/talosconfig/received-addresses.js';
import { UsageError } from '../../shared/user-error.js';
import type { VaultDocument } from '../../shared/vault/vault-document.js';
import { diagnoseFromFacts } from '../pki/diagnose-context.js';
import { writeImport } from './import-contexts.js';
import { loadSources, type LoadedSource } from './load-sources.js';
import type { ServiceDeps } from './service-deps.js';
import { viewedByTalosctl } from './talosctl-current.js';

type PreviewArgs = ArgsOf<typeof vaultOperations.previewImport>;
type ApplyArgs = ArgsOf<typeof vaultOperations.applyImport>;

/** Which source, which context: stable for one preview, so a choice names exactly one incoming context. */
function itemKey(source: number, name: string): string {
  return `${source}:${name}`;
}

/** The incoming contexts of each source in the order an import walks them: sorted by name (TALOS.md "Merge"). */
function incomingOf(source: LoadedSource): TalosContext[] {
  return [...source.config.contexts].sort((a, b) => compareContextNames(a.name, b.name));
}

/**
 * Finds a context with the same content among those seen so far. Indexed by the certificate and key, so
 * a 1,000-context file against a 1,000-context vault compares candidates, not every pair.
 */
function contentIndex(contexts: readonly TalosContext[]) {
  const byCredential = new Map<string, TalosContext[]>();
  const keyOf = (context: TalosContext) =>
    `${context.crt}\n${context.key}\n${context.ca}\n${context.endpoints.join(',')}`;
  const add = (context: TalosContext) => {
    const list = byCredential.get(keyOf(context));
    if (list) list.push(context);
    else byCredential.set(keyOf(context), [context]);
  };
  for (const context of contexts) add(context);
  return {
    add,
    twinOf: (context: TalosContext) =>
      byCredential.get(keyOf(context))?.find((candidate) => sameContextContent(candidate, context)),
  };
}

/**
 * What importing would do, per incoming context, without writing: talosctl's rename for a taken name,
 * and — unlike talosctl — a skip for a context the vault already holds word for word. Sources are walked
 * in order, so a second file sees the names the first one took.
 */
export async function previewImport(deps: ServiceDeps, { sources }: PreviewArgs): Promise<ImportPreview> {
  const loaded = await loadSources(deps.files, sources);
  for (const source of loaded) checkReceivedAddresses(source.config, source.label);
  const document = await viewedByTalosctl(deps);
  const now = deps.now();
  const vaultNames = new Set(document.contexts.map((entry) => entry.context.name));
  const taken = new Set(vaultNames);
  const seen = contentIndex(document.contexts.map((entry) => entry.context));
  const items: ImportPreviewItem[] = [];
  // No stored CAs: an incoming context's report says nothing about renewal. One batch, so contexts of one
  // cluster parse their shared CA once; the facts are remembered for the import that may follow.
  const facts = deps.credentialFacts.batch(null);
  for (const [index, source] of loaded.entries()) {
    for (const context of incomingOf(source)) {
      const twin = seen.twinOf(context);
      let suggestion: ImportPreviewItem['suggestion'];
      if (twin !== undefined) suggestion = { action: 'skip', to: twin.name };
      else {
        const to = freeName(context.name, taken);
        taken.add(to);
        seen.add({ ...context, name: to });
        suggestion = { action: to === context.name ? 'add' : 'rename', to };
      }
      items.push({
        key: itemKey(index, context.name),
        source: index,
        from: context.name,
        suggestion,
        nameTaken: vaultNames.has(context.name),
        report: diagnoseFromFacts(context, facts.factsOf(context), {
          now,
          current: false,
          expiryWarningDays: document.settings.expiryWarningDays,
        }),
      });
    }
  }
  const id = deps.stagedImports.stage(loaded);
  return {
    id,
    sources: loaded.map((source) => ({ label: source.label, current: source.config.context })),
    items,
  };
}

/** talosctl's `NAME-1`, `NAME-2`, …: the first free number. */
function freeName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  let suffix = 1;
  while (taken.has(`${name}-${suffix}`)) suffix++;
  return `${name}-${suffix}`;
}

/**
 * Imports a preview as the user chose. The vault may have changed since the preview (the CLI, another
 * window): every name is checked again inside the write, and a clash refuses the whole import, so the
 * user can choose again over what is there now. Importing never switches the current context.
 */
export async function applyImport(deps: ServiceDeps, { id, choices }: ApplyArgs): Promise<ImportResult> {
  const sources = deps.stagedImports.get(id);
  if (sources === undefined) {
    throw new UsageError(
      'this import preview is no longer held (the vault was locked, or it was imported already); open the files again',
      'import-expired',
    );
  }
  const byKey = choicesByKey(sources, choices);
  const replaced = new Set(
    [...byKey.entries()].filter(([, choice]) => choice.action === 'replace').map(([key]) => nameOfKey(key)),
  );
  const result = await writeImport(
    deps,
    sources,
    {
      dedupe: false,
      onConflict: 'rename',
      planFor: (index, into) => planOfChoices(index, sources[index], byKey, into),
    },
    (current) => replaced.has(current),
  );
  deps.stagedImports.drop(id);
  return result;
}

function nameOfKey(key: string): string {
  return key.slice(key.indexOf(':') + 1);
}

/** One choice per incoming context, and none for a context the preview did not have. */
function choicesByKey(
  sources: readonly LoadedSource[],
  choices: readonly ImportChoice[],
): Map<string, ImportChoice> {
  const keys = new Set(
    sources.flatMap((source, index) => source.config.contexts.map((c) => itemKey(index, c.name))),
  );
  const byKey = new Map<string, ImportChoice>();
  for (const choice of choices) {
    if (!keys.has(choice.key) || byKey.has(choice.key)) {
      throw new UsageError(
        `import choice ${quoteName(choice.key)}: not one incoming context of this preview`,
        'invalid-arguments',
      );
    }
    byKey.set(choice.key, choice);
  }
  const missing = [...keys].filter((key) => !byKey.has(key));
  if (missing.length > 0) {
    throw new UsageError(`no choice for ${missing.map(quoteName).join(', ')}`, 'invalid-arguments');
  }
  return byKey;
}

/** The steps for one source, checked against the vault as merged so far (earlier sources included). */
function planOfChoices(
  index: number,
  source: LoadedSource | undefined,
  byKey: ReadonlyMap<string, ImportChoice>,
  into: VaultDocument,
): MergePlan {
  const existing = new Set(into.contexts.map((entry) => entry.context.name));
  const claimed = new Set<string>();
  const claim = (name: string) => {
    if (claimed.has(name)) {
      throw new UsageError(
        `two incoming contexts would both be stored as ${quoteName(name)}; choose another name for one`,
        'name-taken',
      );
    }
    claimed.add(name);
  };
  const steps = incomingOf(source ?? { label: '', config: { context: '', contexts: [], extra: [] } }).map(
    (context): MergeStep => {
      const choice = byKey.get(itemKey(index, context.name));
      switch (choice?.action) {
        case undefined:
        case 'skip':
          return { from: context.name, action: 'skip', to: context.name };
        case 'replace':
          if (!existing.has(context.name)) {
            throw new UsageError(
              `the vault has no context ${quoteName(context.name)} to replace`,
              'context-not-found',
            );
          }
          claim(context.name);
          return { from: context.name, action: 'replace', to: context.name };
        case 'add':
          if (existing.has(choice.to)) {
            throw new UsageError(
              `a context named ${quoteName(choice.to)} already exists; choose another name, replace it or skip`,
              'name-taken',
            );
          }
          claim(choice.to);
          return { from: context.name, action: choice.to === context.name ? 'add' : 'rename', to: choice.to };
      }
    },
  );
  // Importing is storing, not switching: the vault's current context stays.
  return { steps, current: { from: into.current, to: into.current } };
}
