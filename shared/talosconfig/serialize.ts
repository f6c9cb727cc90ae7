import { compareContextNames } from './compare-context-names.js';
import type { TalosConfig, TalosContext, UnknownField } from './model.js';
import { emitYaml, type EmitNode } from './yaml-emitter.js';

type JsonValue = UnknownField['value'];
type Entry = readonly [string, EmitNode];

/**
 * Writes a talosconfig byte for byte as talosctl 1.12+ does (go.yaml.in/yaml/v4 Marshal of its Config
 * struct, TALOS.md "talosconfig file"): `context`, then `contexts` sorted like go-yaml sorts map keys, each
 * context's fields in struct order with empty ones omitted except `endpoints`. Unknown fields, which
 * talosctl would drop, are written back after the known field they followed.
 */
export function serializeTalosconfig(config: TalosConfig): string {
  const contexts = [...config.contexts].sort((a, b) => compareContextNames(a.name, b.name));
  const known: Entry[] = [
    ['context', str(config.context)],
    [
      'contexts',
      { kind: 'map', entries: contexts.map((context) => [context.name, contextNode(context)] as const) },
    ],
  ];
  return emitYaml({ kind: 'map', entries: placeUnknown(known, config.extra, topLevelOrder) });
}

function str(value: string): EmitNode {
  return { kind: 'str', value };
}

function list(values: readonly string[]): EmitNode {
  return { kind: 'seq', items: values.map(str) };
}

/** Field order of talosctl's Context struct (pkg/machinery/client/config/config.go). */
function contextNode(context: TalosContext): EmitNode {
  const fields: Entry[] = [['endpoints', list(context.endpoints)]];
  if (context.nodes.length > 0) fields.push(['nodes', list(context.nodes)]);
  if (context.ca !== '') fields.push(['ca', str(context.ca)]);
  if (context.crt !== '') fields.push(['crt', str(context.crt)]);
  if (context.key !== '') fields.push(['key', str(context.key)]);
  const auth: Entry[] = [];
  if (context.auth?.basic) {
    const { username, password } = context.auth.basic;
    auth.push([
      'basic',
      {
        kind: 'map',
        entries: [
          ['username', str(username)],
          ['password', str(password)],
        ],
      },
    ]);
  }
  if (context.auth?.siderov1) {
    auth.push(['siderov1', { kind: 'map', entries: [['identity', str(context.auth.siderov1.identity)]] }]);
  }
  if (auth.length > 0) fields.push(['auth', { kind: 'map', entries: auth }]);
  if (context.cluster !== undefined && context.cluster !== '') fields.push(['cluster', str(context.cluster)]);
  if (context.proxyUrl !== undefined && context.proxyUrl !== '')
    fields.push(['proxy-url', str(context.proxyUrl)]);
  return { kind: 'map', entries: placeUnknown(fields, context.extra, contextFieldOrder) };
}

/**
 * Puts each unknown field right after the known field named by its `after` ("" = first), keeping their
 * relative order. `after` may name a field that is not written (empty): the unknown field then goes where
 * that field would have been.
 */
function placeUnknown(
  known: readonly Entry[],
  extra: readonly UnknownField[],
  order: readonly string[],
): Entry[] {
  const knownOrder = new Map(order.map((name, index) => [name, index]));
  const rank = (after: string): number => (after === '' ? -1 : (knownOrder.get(after) ?? Infinity));
  const pending = [...extra].map((field, index) => ({ field, index }));
  pending.sort((a, b) => rank(a.field.after) - rank(b.field.after) || a.index - b.index);
  const result: Entry[] = [];
  const flushUpTo = (limit: number): void => {
    while (pending.length > 0 && rank(pending[0]?.field.after ?? '') <= limit) {
      const next = pending.shift();
      if (next) result.push([next.field.key, jsonNode(next.field.value)]);
    }
  };
  flushUpTo(-1);
  for (const entry of known) {
    const position = knownOrder.get(entry[0]) ?? Infinity;
    flushUpTo(position - 1);
    result.push(entry);
    flushUpTo(position);
  }
  flushUpTo(Infinity);
  return result;
}

/** Canonical positions: top level (context, contexts) or a context's struct fields, target first. */
const contextFieldOrder = [
  'target',
  'endpoints',
  'nodes',
  'ca',
  'crt',
  'key',
  'auth',
  'cluster',
  'proxy-url',
];
const topLevelOrder = ['context', 'contexts'];

function jsonNode(value: JsonValue): EmitNode {
  if (value === null) return { kind: 'plain', text: 'null' };
  if (typeof value === 'string') return str(value);
  if (typeof value === 'boolean') return { kind: 'plain', text: String(value) };
  if (typeof value === 'number')
    return { kind: 'plain', text: Object.is(value, -0) ? '-0.0' : String(value) };
  if (Array.isArray(value)) return { kind: 'seq', items: value.map(jsonNode) };
  return { kind: 'map', entries: Object.entries(value).map(([key, item]) => [key, jsonNode(item)] as const) };
}
