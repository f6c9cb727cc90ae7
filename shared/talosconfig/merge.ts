import { compareContextNames } from './compare-context-names.js';
import { sameContextContent } from './context-equality.js';
import type { TalosConfig, TalosContext } from './model.js';

export interface MergeOptions {
  /** Skip an incoming context identical in content to an existing one (any name). */
  dedupe: boolean;
  /** What to do with an incoming context whose name exists: talosctl renames it (`name-1`). */
  onConflict: 'rename' | 'replace';
}

export interface MergeStep {
  /** Name in the incoming file. */
  from: string;
  /** 'skip': identical to the existing context named `to`. */
  action: 'add' | 'rename' | 'replace' | 'skip';
  /** Name in the merged file. */
  to: string;
}

export interface MergePlan {
  steps: MergeStep[];
  /** The current context before (`from`) and after (`to`) the merge. */
  current: { from: string; to: string };
}

export interface MergeSummary {
  added: string[];
  renamed: Array<{ from: string; to: string }>;
  replaced: string[];
  skipped: string[];
  current: { from: string; to: string };
}

/**
 * Plans merging `incoming` into `into`, with talosctl's semantics by default (TALOS.md "Merge"): a name
 * already taken becomes `<name>-1`, `-2`, … (the first free number, checked as the map grows); content is
 * not compared. talosctl walks incoming contexts in Go map order, which is random; this walks them sorted
 * by name so the same files always merge the same way.
 */
export function planMerge(into: TalosConfig, incoming: TalosConfig, options: MergeOptions): MergePlan {
  const taken = new Set(into.contexts.map((context) => context.name));
  const incomingContexts = [...incoming.contexts].sort((a, b) => compareContextNames(a.name, b.name));
  const steps = incomingContexts.map((context): MergeStep => {
    if (options.dedupe) {
      const twin = into.contexts.find((existing) => sameContextContent(existing, context));
      if (twin) return { from: context.name, action: 'skip', to: twin.name };
    }
    if (!taken.has(context.name)) {
      taken.add(context.name);
      return { from: context.name, action: 'add', to: context.name };
    }
    if (options.onConflict === 'replace') return { from: context.name, action: 'replace', to: context.name };
    let suffix = 1;
    while (taken.has(`${context.name}-${suffix}`)) suffix++;
    const to = `${context.name}-${suffix}`;
    taken.add(to);
    return { from: context.name, action: 'rename', to };
  });
  return { steps, current: { from: into.context, to: mergedCurrent(into, incoming, steps) } };
}

/** talosctl: the incoming current context wins under its new name; "" if the incoming file lacks it. */
function mergedCurrent(into: TalosConfig, incoming: TalosConfig, steps: readonly MergeStep[]): string {
  if (incoming.context === '') return into.context;
  return steps.find((step) => step.from === incoming.context)?.to ?? '';
}

/** Applies a plan made by planMerge for these same two configs. Existing contexts keep their content. */
export function applyMergePlan(into: TalosConfig, incoming: TalosConfig, plan: MergePlan): TalosConfig {
  const byName = new Map(into.contexts.map((context) => [context.name, context]));
  for (const step of plan.steps) {
    if (step.action === 'skip') continue;
    const context = incoming.contexts.find((candidate) => candidate.name === step.from);
    if (context) byName.set(step.to, renamed(context, step.to));
  }
  const contexts = [...byName.values()].sort((a, b) => compareContextNames(a.name, b.name));
  return { context: plan.current.to, contexts, extra: into.extra };
}

function renamed(context: TalosContext, name: string): TalosContext {
  return {
    ...context,
    name,
    endpoints: [...context.endpoints],
    nodes: [...context.nodes],
    extra: [...context.extra],
  };
}

/** The plan as the CLI's `--json` prints it. */
export function mergePlanSummary(plan: MergePlan): MergeSummary {
  const stepsOf = (action: MergeStep['action']) => plan.steps.filter((step) => step.action === action);
  return {
    added: stepsOf('add').map((step) => step.to),
    renamed: stepsOf('rename').map(({ from, to }) => ({ from, to })),
    replaced: stepsOf('replace').map((step) => step.to),
    skipped: stepsOf('skip').map((step) => step.from),
    current: { ...plan.current },
  };
}

/** talosctl's stderr line for a rename (`talosctl config merge`). */
export function renameLine(step: Pick<MergeStep, 'from' | 'to'>): string {
  return `renamed talosconfig context ${JSON.stringify(step.from)} -> ${JSON.stringify(step.to)}`;
}
