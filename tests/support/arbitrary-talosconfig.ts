import fc from 'fast-check';
import { compareContextNames } from '../../shared/talosconfig/compare-context-names.js';
import type { TalosConfig, TalosContext, UnknownField } from '../../shared/talosconfig/model.js';

/**
 * fast-check arbitraries for normalized talosconfig models: what parseTalosconfig can return, so that
 * parse(serialize(model)) must give the model back. Strings mix realistic values with ones that force
 * every quoting style of talosctl's writer (go-yaml v4, and v3 before it), and arbitrary Unicode.
 */

/** Strings go-yaml writes in each of its styles: plain, single- and double-quoted, literal. */
const trickyStrings = [
  'true',
  'False',
  'yes',
  'off',
  'null',
  '~',
  '1.5',
  '0x1F',
  '1_000',
  '1e400',
  '.inf',
  '12:30',
  '2021-07-05',
  '2021-02-30',
  'a: b',
  'a:b',
  '- x',
  '-x',
  '#x',
  'a #b',
  'a#b',
  ' lead',
  'trail ',
  "it's",
  '"quoted"',
  '*.example.com',
  '&anchor',
  '!tag',
  '%percent',
  '@at',
  '`tick',
  '---',
  '...x',
  '?x',
  ':x',
  '[x]',
  '{x}',
  'tab\there',
  'multi\nline',
  'multi\nline\n',
  'multi\nline\n\n',
  '\nleading break',
  ' lead\nspace',
  'trailing \nspace',
  'line\n indented',
  'cr\rhere',
  'nel\u0085here',
  'nbsp\u00a0here',
  'bom\ufeffinside',
  '\ufeffbom first',
  'emoji 😀',
  'é',
  'x'.repeat(130),
  'y'.repeat(129) + '\nz',
  // Where v4 differs from yaml.v3, or this writer from v4 (yaml-emitter.ts, yaml-line-separators.ts).
  '<<',
  '0b-1',
  '\n',
  ' \n ',
  '\n\nbody',
  '\n indented',
  '\n\n  indented',
  '\u2028sep',
  'a\u2029b',
  'a\u2028 b',
  'line\u2028sep\nnext',
  '\u2028\u2028x',
  '\u2028x\ny',
  'y\n\u2028',
  'a\n\u2029b',
  '\t\u2029 -\n',
];

const realisticStrings = [
  'https://omni.example.com',
  '10.5.0.2',
  '172.20.1.2',
  'prod',
  'admin@prod',
  'user@example.com',
  'http://proxy:3128',
  'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJQekNC',
];

/** Any string talosctl's writer can hold, including ones Go could not (lone surrogates) when `unicode`. */
export function arbitraryText(options: { lone?: boolean } = {}): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...realisticStrings), weight: 3 },
    { arbitrary: fc.constantFrom(...trickyStrings), weight: 3 },
    { arbitrary: fc.string({ maxLength: 12 }), weight: 2 },
    {
      arbitrary: fc.string({ unit: options.lone === false ? 'grapheme' : 'binary', maxLength: 8 }),
      weight: 1,
    },
  );
}

export function arbitraryContextName(options: { lone?: boolean } = {}): fc.Arbitrary<string> {
  return fc
    .oneof(
      fc.constantFrom(
        'prod',
        'prod-1',
        'prod-2',
        'prod-10',
        'prod-01',
        'a1',
        'a01',
        'B',
        'b',
        '_x',
        'reader@prod',
      ),
      arbitraryText(options),
    )
    .filter((name) => name !== '');
}

const contextKnownKeys = ['target', 'endpoints', 'nodes', 'ca', 'crt', 'key', 'auth', 'cluster', 'proxy-url'];

function writtenFields(context: Omit<TalosContext, 'extra'>): string[] {
  const fields = ['endpoints'];
  if (context.nodes.length > 0) fields.push('nodes');
  for (const key of ['ca', 'crt', 'key'] as const) if (context[key] !== '') fields.push(key);
  if (context.auth) fields.push('auth');
  if (context.cluster !== undefined) fields.push('cluster');
  if (context.proxyUrl !== undefined) fields.push('proxy-url');
  return fields;
}

function jsonValue(): fc.Arbitrary<UnknownField['value']> {
  return fc.oneof(
    { arbitrary: arbitraryText(), weight: 2 },
    { arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<UnknownField['value']>, weight: 2 },
  );
}

/** Unknown fields placed after fields that are written, in file order: a normalized model's shape. */
function arbitraryExtra(known: readonly string[], written: readonly string[]): fc.Arbitrary<UnknownField[]> {
  const key = arbitraryText().filter((text) => !known.includes(text));
  return fc
    .uniqueArray(fc.record({ key, after: fc.constantFrom('', ...written), value: jsonValue() }), {
      selector: (field) => field.key,
      maxLength: 3,
    })
    .map((fields) => {
      const rank = (after: string) => (after === '' ? -1 : written.indexOf(after));
      return fields
        .map((field, index) => ({ field, index }))
        .sort((a, b) => rank(a.field.after) - rank(b.field.after) || a.index - b.index)
        .map(({ field }) => field);
    });
}

export function arbitraryTalosContext(
  name: fc.Arbitrary<string> = arbitraryContextName(),
): fc.Arbitrary<TalosContext> {
  const optionalText = fc.option(
    arbitraryText().filter((text) => text !== ''),
    { nil: undefined },
  );
  const base = fc.record({
    name,
    endpoints: fc.array(arbitraryText(), { maxLength: 3 }),
    nodes: fc.array(arbitraryText(), { maxLength: 3 }),
    ca: fc.oneof(fc.constant(''), arbitraryText()),
    crt: fc.oneof(fc.constant(''), arbitraryText()),
    key: fc.oneof(fc.constant(''), arbitraryText()),
    auth: fc.option(
      fc.oneof(
        fc.record({ basic: fc.record({ username: arbitraryText(), password: arbitraryText() }) }),
        fc.record({ siderov1: fc.record({ identity: arbitraryText() }) }),
        fc.record({
          basic: fc.record({ username: arbitraryText(), password: arbitraryText() }),
          siderov1: fc.record({ identity: arbitraryText() }),
        }),
      ),
      { nil: undefined },
    ),
    cluster: optionalText,
    proxyUrl: optionalText,
  });
  return base.chain((context) => {
    const clean = Object.fromEntries(
      Object.entries(context).filter(([, value]) => value !== undefined),
    ) as Omit<TalosContext, 'extra'>;
    return arbitraryExtra(contextKnownKeys, writtenFields(clean)).map((extra) => ({ ...clean, extra }));
  });
}

/** A normalized model: unique names sorted as talosctl sorts them, unknown fields where the writer puts them. */
export function arbitraryTalosconfig(
  options: { maxContexts?: number; name?: fc.Arbitrary<string> } = {},
): fc.Arbitrary<TalosConfig> {
  const contexts = fc.uniqueArray(arbitraryTalosContext(options.name), {
    selector: (context) => context.name,
    maxLength: options.maxContexts ?? 4,
  });
  return fc
    .record({
      contexts,
      pickCurrent: fc.nat(),
      extra: arbitraryExtra(['context', 'contexts'], ['context', 'contexts']),
      currentKind: fc.constantFrom('existing', 'none', 'dangling'),
    })
    .map(({ contexts: list, pickCurrent, extra, currentKind }) => {
      const sorted = [...list].sort((a, b) => compareContextNames(a.name, b.name));
      const existing = sorted[pickCurrent % Math.max(sorted.length, 1)]?.name ?? '';
      const context = currentKind === 'existing' ? existing : currentKind === 'dangling' ? 'gone' : '';
      return { context, contexts: sorted, extra };
    });
}
