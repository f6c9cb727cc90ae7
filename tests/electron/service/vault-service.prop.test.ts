import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMergePlan, planMerge } from '../../../shared/talosconfig/merge.js';
import { emptyConfig, type TalosContext } from '../../../shared/talosconfig/model.js';
import { serializeTalosconfig } from '../../../shared/talosconfig/serialize.js';
import { UserError } from '../../../shared/user-error.js';
import { context, serviceHarness, textSource, type ServiceHarness } from './service-harness.js';
import {
  edited,
  emptyModel,
  labelled,
  mergeInto,
  Refused,
  removed,
  renamed,
  switched,
  synced,
  type ModelEntry,
  type VaultModel,
} from './vault-model.js';

type Op =
  | { kind: 'import'; sources: TalosContext[][]; dedupe: boolean; replace: boolean }
  | { kind: 'rename'; from: string; to: string }
  | { kind: 'remove'; names: string[] }
  | { kind: 'endpoints' | 'nodes'; name: string; values: string[] }
  | { kind: 'label'; name: string; set: Record<string, string>; remove: string[] }
  | { kind: 'use'; name: string | null }
  /** Another program changes talosctl's file: `talosctl config merge`, `talosctl config endpoint`. */
  | { kind: 'talosctl merge'; contexts: TalosContext[] }
  | { kind: 'talosctl endpoint'; values: string[] };

// Few names and credentials, so that renames, duplicates, replacements and collisions happen often.
const name = fc.constantFrom('prod', 'prod-1', 'dev', 'qa');
const address = fc.constantFrom('10.5.0.2', '10.5.0.3', '172.20.0.1');
const addresses = fc.array(address, { maxLength: 2 });
const talosContext = fc
  .record({
    name,
    endpoints: addresses,
    nodes: fc.array(address, { maxLength: 1 }),
    seed: fc.constantFrom('a', 'b'),
  })
  .map(({ name: contextName, endpoints, nodes, seed }) => ({
    ...context(contextName, seed, endpoints),
    nodes,
  }));
const contexts = fc.uniqueArray(talosContext, { selector: (c) => c.name, minLength: 1, maxLength: 3 });

const importOp = fc.record({
  kind: fc.constant('import' as const),
  sources: fc.array(contexts, { minLength: 1, maxLength: 2 }),
  dedupe: fc.boolean(),
  replace: fc.boolean(),
});

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: importOp },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('use' as const), name: fc.option(name, { nil: null }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rename' as const), from: name, to: name }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('remove' as const),
      names: fc.uniqueArray(name, { minLength: 1, maxLength: 2 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom('endpoints' as const, 'nodes' as const),
      name,
      values: addresses,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('label' as const),
      name,
      set: fc.dictionary(fc.constantFrom('env', 'team'), fc.constantFrom('prod', 'storage')),
      remove: fc.subarray(['env', 'team']),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('talosctl merge' as const), contexts }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('talosctl endpoint' as const), values: addresses }) },
);

/** What the model says the service does; throws Refused when it must refuse. */
function expected(model: VaultModel, step: Op): VaultModel {
  const current = model.current;
  // A change to what talosctl's file holds (the current context; in mode 'all' any context) rewrites it.
  const touching = (touches: boolean, change: (m: VaultModel) => VaultModel) =>
    current !== '' && (touches || model.mode === 'all') ? synced(model, change) : change(model);
  switch (step.kind) {
    case 'import': {
      const replacesCurrent = step.replace && step.sources.some((s) => s.some((c) => c.name === current));
      return touching(replacesCurrent, (m) =>
        step.sources.reduce((acc, s) => mergeInto(acc, s, step).model, m),
      );
    }
    case 'rename':
      return touching(step.from === current, (m) => renamed(m, step.from, step.to));
    case 'remove':
      return touching(false, (m) => removed(m, step.names));
    case 'endpoints':
      return touching(step.name === current, (m) => edited(m, step.name, { endpoints: step.values }));
    case 'nodes':
      return touching(step.name === current, (m) => edited(m, step.name, { nodes: step.values }));
    case 'label':
      return labelled(model, step.name, step.set, step.remove);
    case 'use':
      return synced(model, (m) => switched(m, step.name));
    default:
      throw new Error(`${step.kind} is not a service operation`);
  }
}

async function perform(harness: ServiceHarness, step: Op): Promise<unknown> {
  const { service } = harness;
  switch (step.kind) {
    case 'import':
      return service.importContexts({
        sources: step.sources.map((source) => textSource(source)),
        dedupe: step.dedupe,
        onConflict: step.replace ? 'replace' : 'rename',
      });
    case 'rename':
      return service.rename({ from: step.from, to: step.to });
    case 'remove':
      return service.remove({ names: step.names });
    case 'endpoints':
      return service.setEndpoints({ name: step.name, endpoints: step.values });
    case 'nodes':
      return service.setNodes({ name: step.name, nodes: step.values });
    case 'label':
      return service.label({ name: step.name, set: step.set, remove: step.remove });
    case 'use':
      return service.use({ name: step.name });
    default:
      throw new Error(`${step.kind} is not a service operation`);
  }
}

/** talosctl rewriting its own file behind talcred's back; the model learns the exact result. */
async function talosctl(harness: ServiceHarness, model: VaultModel, step: Op): Promise<VaultModel> {
  const file = (await harness.readTalosconfig()) ?? emptyConfig();
  let next = file;
  if (step.kind === 'talosctl merge') {
    const incoming = { context: '', contexts: step.contexts, extra: [] };
    next = applyMergePlan(file, incoming, planMerge(file, incoming, { dedupe: false, onConflict: 'rename' }));
  } else if (step.kind === 'talosctl endpoint') {
    if (!file.contexts.some((c) => c.name === file.context)) return model;
    next = {
      ...file,
      contexts: file.contexts.map((c) => (c.name === file.context ? { ...c, endpoints: step.values } : c)),
    };
  }
  const text = serializeTalosconfig(next);
  await mkdir(dirname(harness.talosconfig), { recursive: true });
  await writeFile(harness.talosconfig, text);
  return { ...model, file: { kind: 'foreign', text, contexts: next.contexts } };
}

const byName = <T>(entries: Iterable<[string, T]>) =>
  [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

async function expectAgreement(harness: ServiceHarness, model: VaultModel): Promise<void> {
  const document = await harness.readVault();
  const actual = document.contexts.map((entry): [string, ModelEntry] => [
    entry.context.name,
    { context: entry.context, labels: entry.meta.labels },
  ]);
  expect(byName(actual)).toEqual(byName(model.entries));
  expect(document.current).toBe(model.current);
  const file = model.file;
  if (file.kind === 'none') {
    expect(existsSync(harness.talosconfig)).toBe(false);
  } else if (file.kind === 'foreign') {
    expect(await readFile(harness.talosconfig, 'utf8')).toBe(file.text);
  } else {
    const held =
      model.current === ''
        ? []
        : byName(model.entries)
            .filter(([entryName]) => model.mode === 'all' || entryName === model.current)
            .map(([, entry]) => entry.context);
    const written = await harness.readTalosconfig();
    expect({
      ...written,
      contexts: byName(written?.contexts.map((c) => [c.name, c]) ?? []).map(([, c]) => c),
    }).toEqual({
      context: model.current,
      contexts: held,
      extra: [],
    });
    // The file is recognised as talcred's own by the hash of its bytes (the vault's `talosconfigWritten`).
    const sha256 = createHash('sha256')
      .update(await readFile(harness.talosconfig))
      .digest('hex');
    expect(document.talosconfigWritten).toEqual({ path: harness.talosconfig, sha256 });
  }
}

describe('the vault service against a model', () => {
  it('agrees on names, contents, labels, the current context and talosctl file after any sequence', async () => {
    await fc.assert(
      // Starting with an import, so that most operations find contexts to work on.
      fc.asyncProperty(
        fc.constantFrom('active' as const, 'all' as const),
        fc.tuple(importOp, fc.array(op, { maxLength: 11 })),
        async (mode, [first, rest]) => {
          const steps: Op[] = [first, ...rest];
          const harness = await serviceHarness();
          try {
            await harness.edit((document) => ({
              ...document,
              settings: { ...document.settings, targetMode: mode },
            }));
            let model = emptyModel(mode);
            for (const step of steps) {
              if (step.kind === 'talosctl merge' || step.kind === 'talosctl endpoint') {
                model = await talosctl(harness, model, step);
                continue;
              }
              let next: VaultModel | null;
              try {
                next = expected(model, step);
              } catch (error) {
                if (!(error instanceof Refused)) throw error;
                next = null;
              }
              if (next === null) await expect(perform(harness, step)).rejects.toBeInstanceOf(UserError);
              else await perform(harness, step);
              model = next ?? model;
              await expectAgreement(harness, model);
            }
          } finally {
            await harness.cleanup();
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});
