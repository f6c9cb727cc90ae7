import { describe, expect, it } from 'vitest';
import type { TalosConfig, TalosContext } from '../../../shared/talosconfig/model.js';
import {
  applyMergePlan,
  mergePlanSummary,
  planMerge,
  renameLine,
} from '../../../shared/talosconfig/merge.js';

function context(name: string, endpoint = name): TalosContext {
  return { name, endpoints: [endpoint], nodes: [], ca: '', crt: '', key: '', extra: [] };
}

function config(current: string, ...contexts: TalosContext[]): TalosConfig {
  return { context: current, contexts, extra: [] };
}

const talosctl = { dedupe: false, onConflict: 'rename' } as const;

describe('planMerge with talosctl semantics', () => {
  it('renames every taken name to the first free -N, checked as the map grows', () => {
    const into = config('prod', context('prod'), context('prod-1'), context('staging'));
    const incoming = config('prod', context('prod', 'new'), context('staging', 'new'), context('dev'));
    const plan = planMerge(into, incoming, talosctl);
    expect(plan.steps).toEqual([
      { from: 'dev', action: 'add', to: 'dev' },
      { from: 'prod', action: 'rename', to: 'prod-2' },
      { from: 'staging', action: 'rename', to: 'staging-1' },
    ]);
    expect(plan.current).toEqual({ from: 'prod', to: 'prod-2' });
    const merged = applyMergePlan(into, incoming, plan);
    expect(merged.contexts.map((c) => [c.name, c.endpoints[0]])).toEqual([
      ['dev', 'dev'],
      ['prod', 'prod'],
      ['prod-1', 'prod-1'],
      ['prod-2', 'new'],
      ['staging', 'staging'],
      ['staging-1', 'new'],
    ]);
    expect(merged.context).toBe('prod-2');
  });

  it('does not compare content: the same file twice gives prod and prod-1', () => {
    const file = config('prod', context('prod'));
    const once = applyMergePlan(config(''), file, planMerge(config(''), file, talosctl));
    const twice = applyMergePlan(once, file, planMerge(once, file, talosctl));
    expect(twice.contexts.map((c) => c.name)).toEqual(['prod', 'prod-1']);
    expect(twice.context).toBe('prod-1');
  });

  it('keeps the current context when the incoming file names none, and clears it when it names a missing one', () => {
    const into = config('a', context('a'));
    expect(planMerge(into, config('', context('b')), talosctl).current).toEqual({ from: 'a', to: 'a' });
    expect(planMerge(into, config('ghost', context('b')), talosctl).current).toEqual({ from: 'a', to: '' });
  });
});

describe('planMerge options', () => {
  it('with dedupe skips a context identical to an existing one under any name and follows it as current', () => {
    const into = config('a', context('old-name', 'same'));
    const incoming = config('new-name', context('new-name', 'same'), context('other'));
    const plan = planMerge(into, incoming, { dedupe: true, onConflict: 'rename' });
    expect(mergePlanSummary(plan)).toEqual({
      added: ['other'],
      renamed: [],
      replaced: [],
      skipped: ['new-name'],
      current: { from: 'a', to: 'old-name' },
    });
  });

  it('with dedupe still renames a same-name context whose content differs (unknown fields count)', () => {
    const into = config('', context('prod'));
    const incoming = config('', { ...context('prod'), extra: [{ key: 'x', after: '', value: 1 }] });
    expect(planMerge(into, incoming, { dedupe: true, onConflict: 'rename' }).steps).toEqual([
      { from: 'prod', action: 'rename', to: 'prod-1' },
    ]);
  });

  it('with replace overwrites a same-name context instead of renaming', () => {
    const into = config('prod', context('prod', 'old'), context('keep'));
    const incoming = config('', context('prod', 'new'));
    const plan = planMerge(into, incoming, { dedupe: false, onConflict: 'replace' });
    expect(mergePlanSummary(plan)).toEqual({
      added: [],
      renamed: [],
      replaced: ['prod'],
      skipped: [],
      current: { from: 'prod', to: 'prod' },
    });
    const merged = applyMergePlan(into, incoming, plan);
    expect(merged.contexts.map((c) => [c.name, c.endpoints[0]])).toEqual([
      ['keep', 'keep'],
      ['prod', 'new'],
    ]);
  });
});

describe('renameLine', () => {
  it('prints what talosctl prints on stderr', () => {
    expect(renameLine({ from: 'prod', to: 'prod-1' })).toBe('renamed talosconfig context "prod" -> "prod-1"');
  });
});
