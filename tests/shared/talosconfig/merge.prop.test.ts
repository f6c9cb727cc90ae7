import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sameContextContent } from '../../../shared/talosconfig/context-equality.js';
import { applyMergePlan, planMerge, type MergeOptions } from '../../../shared/talosconfig/merge.js';
import type { TalosConfig } from '../../../shared/talosconfig/model.js';
import { arbitraryTalosconfig } from '../../support/arbitrary-talosconfig.js';

/** Few distinct names, so that collisions and `-N` suffixes happen often. */
const names = fc.constantFrom('prod', 'prod-1', 'prod-2', 'staging', 'a', 'a-1');
const configs = arbitraryTalosconfig({ maxContexts: 4, name: names });
const options = fc.record({
  dedupe: fc.boolean(),
  onConflict: fc.constantFrom('rename', 'replace'),
}) as fc.Arbitrary<MergeOptions>;

function merge(into: TalosConfig, incoming: TalosConfig, mergeOptions: MergeOptions): TalosConfig {
  return applyMergePlan(into, incoming, planMerge(into, incoming, mergeOptions));
}

describe('merge', () => {
  it('never loses a context, keeps names unique, and leaves existing contexts alone unless replaced', () => {
    fc.assert(
      fc.property(configs, configs, options, (into, incoming, mergeOptions) => {
        const plan = planMerge(into, incoming, mergeOptions);
        const merged = applyMergePlan(into, incoming, plan);
        const byName = new Map(merged.contexts.map((context) => [context.name, context]));
        expect(byName.size).toBe(merged.contexts.length);
        for (const context of incoming.contexts) {
          const step = plan.steps.find((candidate) => candidate.from === context.name);
          const kept = byName.get(step?.to ?? '');
          expect(kept).toBeDefined();
          if (kept) expect(sameContextContent(kept, context)).toBe(true);
        }
        const replaced = new Set(plan.steps.filter((s) => s.action === 'replace').map((s) => s.to));
        for (const context of into.contexts) {
          if (!replaced.has(context.name)) expect(byName.get(context.name)).toEqual(context);
        }
      }),
    );
  });

  it('with dedupe, merging the same file again changes nothing', () => {
    fc.assert(
      fc.property(configs, configs, options, (into, incoming, mergeOptions) => {
        const dedupe = { ...mergeOptions, dedupe: true };
        const once = merge(into, incoming, dedupe);
        expect(merge(once, incoming, dedupe)).toEqual(once);
      }),
    );
  });

  it("follows talosctl's rename rule by default", () => {
    fc.assert(
      fc.property(configs, configs, (into, incoming) => {
        const plan = planMerge(into, incoming, { dedupe: false, onConflict: 'rename' });
        // talosctl's Config.Merge, written out: first free name-N against the map as it grows.
        const taken = new Set(into.contexts.map((context) => context.name));
        for (const step of plan.steps) {
          let expected = step.from;
          if (taken.has(expected)) {
            let suffix = 1;
            while (taken.has(`${step.from}-${suffix}`)) suffix++;
            expected = `${step.from}-${suffix}`;
          }
          taken.add(expected);
          expect(step).toEqual({
            from: step.from,
            action: expected === step.from ? 'add' : 'rename',
            to: expected,
          });
        }
        const current =
          incoming.context === ''
            ? into.context
            : (plan.steps.find((s) => s.from === incoming.context)?.to ?? '');
        expect(plan.current.to).toBe(current);
      }),
    );
  });
});
