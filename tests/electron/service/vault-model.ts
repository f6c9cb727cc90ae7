import { compareContextNames } from '../../../shared/talosconfig/compare-context-names.js';
import type { TalosContext } from '../../../shared/talosconfig/model.js';

/**
 * A plain in-memory model of what the vault service promises (the rules, written out the simple
 * way): a map name -> credential and labels, a current context, and what talosctl's file holds. The
 * property test runs the same operations on the model and on the real service and compares.
 */

export interface ModelEntry {
  context: TalosContext;
  labels: Record<string, string>;
}

export type ModelFile =
  | { kind: 'none' }
  /** Last written by the service: what the mode says for the current state. */
  | { kind: 'ours' }
  /** Changed by another program (talosctl) since: these exact bytes and contexts. */
  | { kind: 'foreign'; text: string; contexts: TalosContext[] };

export interface VaultModel {
  /** 'active': talosctl's file holds the current context only; 'all': every context. */
  mode: 'active' | 'all';
  entries: Map<string, ModelEntry>;
  current: string;
  file: ModelFile;
}

/** A change the service must refuse: nothing may change then. */
export class Refused extends Error {}

export function emptyModel(mode: VaultModel['mode']): VaultModel {
  return { mode, entries: new Map(), current: '', file: { kind: 'none' } };
}

function clone(model: VaultModel): VaultModel {
  return { ...model, entries: new Map(model.entries) };
}

export function sameContent(a: TalosContext, b: TalosContext): boolean {
  const fields = (c: TalosContext) => JSON.stringify([c.endpoints, c.nodes, c.ca, c.crt, c.key]);
  return fields(a) === fields(b);
}

function need(model: VaultModel, name: string): ModelEntry {
  const entry = model.entries.get(name);
  if (!entry) throw new Refused(`no ${name}`);
  return entry;
}

/**
 * talosctl's merge as the issue states it: incoming contexts walked in name order; a taken name becomes
 * name-1, name-2, … (or is replaced, keeping its labels); with dedupe, one identical to a context already
 * there (any name) is skipped. Returns the names the incoming contexts got.
 */
export function mergeInto(
  model: VaultModel,
  incoming: readonly TalosContext[],
  options: { dedupe: boolean; replace: boolean },
): { model: VaultModel; renamed: { from: string; to: string }[] } {
  const next = clone(model);
  const before = [...model.entries.values()].map((entry) => entry.context);
  const renamed: { from: string; to: string }[] = [];
  for (const context of [...incoming].sort((a, b) => compareContextNames(a.name, b.name))) {
    if (options.dedupe && before.some((existing) => sameContent(existing, context))) continue;
    const taken = next.entries.get(context.name);
    if (!taken) {
      next.entries.set(context.name, { context, labels: {} });
    } else if (options.replace) {
      next.entries.set(context.name, { context, labels: taken.labels });
    } else {
      let suffix = 1;
      while (next.entries.has(`${context.name}-${suffix}`)) suffix++;
      const to = `${context.name}-${suffix}`;
      next.entries.set(to, { context: { ...context, name: to }, labels: {} });
      renamed.push({ from: context.name, to });
    }
  }
  return { model: next, renamed };
}

/**
 * A change after which talosctl's file is rewritten: contexts only the file holds (compared with the vault
 * before the change) are saved into the vault first, talosctl-merge style with dedupe.
 */
export function synced(model: VaultModel, change: (model: VaultModel) => VaultModel): VaultModel {
  const next = change(clone(model));
  const file = model.file;
  const strangers =
    file.kind === 'foreign'
      ? file.contexts.filter(
          (context) => ![...model.entries.values()].some((entry) => sameContent(entry.context, context)),
        )
      : [];
  const merged = mergeInto(next, strangers, { dedupe: true, replace: false }).model;
  return { ...merged, file: { kind: 'ours' } };
}

export function renamed(model: VaultModel, from: string, to: string): VaultModel {
  const entry = need(model, from);
  if (from === to) return model;
  if (model.entries.has(to)) throw new Refused(`${to} exists`);
  const next = clone(model);
  next.entries.delete(from);
  next.entries.set(to, { ...entry, context: { ...entry.context, name: to } });
  return { ...next, current: model.current === from ? to : model.current };
}

export function removed(model: VaultModel, names: readonly string[]): VaultModel {
  for (const name of names) {
    need(model, name);
    if (name === model.current) throw new Refused(`${name} is current`);
  }
  const next = clone(model);
  for (const name of names) next.entries.delete(name);
  return next;
}

export function edited(model: VaultModel, name: string, fields: Partial<TalosContext>): VaultModel {
  const entry = need(model, name);
  const next = clone(model);
  next.entries.set(name, { ...entry, context: { ...entry.context, ...fields } });
  return next;
}

export function labelled(
  model: VaultModel,
  name: string,
  set: Record<string, string>,
  remove: readonly string[],
): VaultModel {
  const entry = need(model, name);
  const labels = Object.fromEntries(Object.entries(entry.labels).filter(([key]) => !remove.includes(key)));
  const next = clone(model);
  next.entries.set(name, { ...entry, labels: { ...labels, ...set } });
  return next;
}

export function switched(model: VaultModel, name: string | null): VaultModel {
  if (name !== null) need(model, name);
  return { ...model, current: name ?? '' };
}
