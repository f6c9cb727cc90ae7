import { compareContextNames } from './compare-context-names.js';
import { contextPath } from './context-path.js';
import { maxTalosconfigBytes } from './limits.js';
import type { ContextAuth, TalosConfig, TalosContext, UnknownField } from './model.js';
import { TalosconfigError } from './talosconfig-error.js';
import { readYamlTree, type YamlTree } from './yaml-tree.js';

type JsonValue = UnknownField['value'];
type MapEntries = Extract<YamlTree, { kind: 'map' }>['entries'];

/**
 * Reads a talosconfig as talosctl does (TALOS.md "talosconfig file"): `target` is appended to `endpoints`,
 * empty values (`nodes:`) read as empty, wrong types are refused with the field's path. Unlike talosctl
 * it keeps unknown fields, and it refuses hostile input (limits.ts). base64 is not checked here: a context
 * with broken base64 is still listed, and diagnosis reports it. Throws only TalosconfigError.
 */
export function parseTalosconfig(input: string | Uint8Array, source: string): TalosConfig {
  const text = decodeInput(input, source);
  let tree: YamlTree | null;
  try {
    tree = readYamlTree(text, source);
  } catch (error) {
    if (error instanceof TalosconfigError) throw error;
    if (error instanceof RangeError) {
      throw new TalosconfigError('too-deep', source, '', 'nested too deeply to read');
    }
    throw new TalosconfigError('yaml-syntax', source, '', 'not readable as YAML');
  }
  if (tree === null) {
    throw new TalosconfigError('empty', source, '', 'the file is empty (talosctl reports "EOF")');
  }
  if (tree.kind !== 'map') {
    throw new TalosconfigError('wrong-shape', source, '', 'expected a mapping with "context" and "contexts"');
  }
  return readConfig(tree.entries, source);
}

interface TextDecoderLike {
  decode(input: Uint8Array): string;
}
type TextDecoderConstructor = new (label: string, options: { fatal: boolean }) => TextDecoderLike;

function decodeInput(input: string | Uint8Array, source: string): string {
  const tooLarge = () =>
    new TalosconfigError('too-large', source, '', `larger than ${maxTalosconfigBytes / 1024 / 1024} MiB`);
  if (typeof input === 'string') {
    // Each UTF-16 unit is at least one UTF-8 byte and at most three.
    if (input.length > maxTalosconfigBytes) throw tooLarge();
    if (input.length * 3 > maxTalosconfigBytes && utf8Length(input) > maxTalosconfigBytes) throw tooLarge();
    return input;
  }
  if (input.byteLength > maxTalosconfigBytes) throw tooLarge();
  // TextDecoder exists in every runtime shared/ runs in (Node, Electron, browsers) but not in its ES-only types.
  const Decoder = (globalThis as unknown as { TextDecoder: TextDecoderConstructor }).TextDecoder;
  try {
    return new Decoder('utf-8', { fatal: true }).decode(input);
  } catch {
    throw new TalosconfigError('not-utf8', source, '', 'is not UTF-8 text');
  }
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes += unit < 0x80 ? 1 : unit < 0x800 ? 2 : unit >= 0xd800 && unit <= 0xdbff ? 2 : 3;
  }
  return bytes;
}

function wrongShape(source: string, path: string, expected: string): TalosconfigError {
  return new TalosconfigError('wrong-shape', source, path, `expected ${expected}`);
}

function readString(value: YamlTree, source: string, path: string): string {
  if (value.kind !== 'scalar') throw wrongShape(source, path, 'a string');
  return value.isNull ? '' : value.text;
}

function readStringList(value: YamlTree, source: string, path: string): string[] {
  if (value.kind === 'scalar' && value.isNull) return [];
  if (value.kind !== 'seq') throw wrongShape(source, path, 'a list of strings');
  return value.items.map((item) => {
    if (item.kind !== 'scalar') throw wrongShape(source, path, 'a list of strings');
    return item.isNull ? '' : item.text;
  });
}

/** A mapping, or null read as an empty one (yaml.v3 leaves the Go value empty). */
function readMap(value: YamlTree, source: string, path: string, expected = 'a mapping'): MapEntries {
  if (value.kind === 'scalar' && value.isNull) return [];
  if (value.kind !== 'map') throw wrongShape(source, path, expected);
  return value.entries;
}

/**
 * Unknown fields remember the last known field before them that the writer will write (`after`), so a
 * written file reads back to the same model; talosctl has no such fields, so their placement is ours.
 */
class UnknownFields {
  readonly fields: UnknownField[] = [];
  private after = '';

  known(key: string, written: boolean): void {
    if (written) this.after = key;
  }

  unknown(key: string, value: YamlTree): void {
    this.fields.push({ key, after: this.after, value: toJson(value) });
  }
}

function readConfig(entries: MapEntries, source: string): TalosConfig {
  let context = '';
  let contexts: TalosContext[] = [];
  const extra = new UnknownFields();
  // talosctl reads any mapping as a config (yaml.v3 ignores unknown keys), so a secrets bundle or a machine
  // config would silently "merge" as nothing. A file with neither field is not a talosconfig.
  if (!entries.some(({ key }) => key === 'context' || key === 'contexts')) {
    throw new TalosconfigError(
      'wrong-shape',
      source,
      '',
      'has no "context" or "contexts" field, so it is not a talosconfig (a secrets bundle or machine config?); give the talosconfig file',
    );
  }
  for (const { key, value } of entries) {
    if (key === 'context') {
      context = readString(value, source, 'context');
      extra.known(key, true);
    } else if (key === 'contexts') {
      contexts = readMap(value, source, 'contexts', 'a mapping of context names to contexts').map((entry) => {
        if (entry.key === '') {
          throw new TalosconfigError('wrong-shape', source, 'contexts', 'a context has an empty name');
        }
        return readContext(entry.key, entry.value, source);
      });
      extra.known(key, true);
    } else {
      extra.unknown(key, value);
    }
  }
  contexts.sort((a, b) => compareContextNames(a.name, b.name));
  return { context, contexts, extra: extra.fields };
}

function readContext(name: string, value: YamlTree, source: string): TalosContext {
  const path = contextPath(name);
  const context: TalosContext = { name, endpoints: [], nodes: [], ca: '', crt: '', key: '', extra: [] };
  let target = '';
  const extra = new UnknownFields();
  for (const { key, value: field } of readMap(value, source, path)) {
    const fieldPath = `${path}.${key}`;
    switch (key) {
      case 'target':
        target = readString(field, source, fieldPath);
        extra.known(key, false);
        break;
      case 'endpoints':
        context.endpoints = readStringList(field, source, fieldPath);
        extra.known(key, true);
        break;
      case 'nodes':
        context.nodes = readStringList(field, source, fieldPath);
        extra.known(key, context.nodes.length > 0);
        break;
      case 'ca':
      case 'crt':
      case 'key':
        context[key] = readString(field, source, fieldPath);
        extra.known(key, context[key] !== '');
        break;
      case 'auth': {
        const auth = readAuth(field, source, fieldPath);
        if (auth) context.auth = auth;
        extra.known(key, auth !== undefined);
        break;
      }
      case 'cluster': {
        const cluster = readString(field, source, fieldPath);
        if (cluster !== '') context.cluster = cluster;
        extra.known(key, cluster !== '');
        break;
      }
      case 'proxy-url': {
        const proxyUrl = readString(field, source, fieldPath);
        if (proxyUrl !== '') context.proxyUrl = proxyUrl;
        extra.known(key, proxyUrl !== '');
        break;
      }
      default:
        extra.unknown(key, field);
    }
  }
  // talosctl's Context.upgrade(): the deprecated `target` joins the endpoints and is never written again.
  if (target !== '') context.endpoints.push(target);
  context.extra = extra.fields;
  return context;
}

/** `auth` as talosctl reads it; keys it does not know inside `auth` are dropped, as talosctl drops them. */
function readAuth(value: YamlTree, source: string, path: string): ContextAuth | undefined {
  const auth: ContextAuth = {};
  for (const { key, value: method } of readMap(value, source, path)) {
    if (key === 'basic' && !(method.kind === 'scalar' && method.isNull)) {
      const basic = { username: '', password: '' };
      for (const { key: field, value: text } of readMap(method, source, `${path}.basic`)) {
        if (field === 'username' || field === 'password')
          basic[field] = readString(text, source, `${path}.basic.${field}`);
      }
      auth.basic = basic;
    } else if (key === 'siderov1' && !(method.kind === 'scalar' && method.isNull)) {
      const siderov1 = { identity: '' };
      for (const { key: field, value: text } of readMap(method, source, `${path}.siderov1`)) {
        if (field === 'identity') siderov1.identity = readString(text, source, `${path}.siderov1.identity`);
      }
      auth.siderov1 = siderov1;
    }
  }
  return auth.basic || auth.siderov1 ? auth : undefined;
}

const decimalInteger = /^([-+]?)0*([0-9]+)$/;
const radixInteger = /^(-?)(0x[0-9a-fA-F]+|0o[0-7]+)$/;

/** Whether an integer's text survives as a JS number (12345678901234567890 does not). */
function integerIsExact(text: string, value: number): boolean {
  const decimal = decimalInteger.exec(text);
  if (decimal)
    return Object.is(value, -0) || `${decimal[1] === '-' ? '-' : ''}${decimal[2] ?? ''}` === String(value);
  const radix = radixInteger.exec(text);
  if (!radix) return true;
  const magnitude = BigInt(radix[2] ?? '0');
  return (radix[1] === '-' ? -magnitude : magnitude) === BigInt(value);
}

/** An unknown field's value as JSON. Numbers JSON cannot hold exactly (1e400, huge integers) stay text. */
function toJson(tree: YamlTree): JsonValue {
  if (tree.kind === 'seq') return tree.items.map(toJson);
  if (tree.kind === 'map') {
    const object: Record<string, JsonValue> = {};
    for (const { key, value } of tree.entries) {
      // defineProperty: a key named "__proto__" must stay a plain key.
      Object.defineProperty(object, key, {
        value: toJson(value),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return object;
  }
  const { value, text } = tree;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return text;
    return integerIsExact(text, value) ? value : text;
  }
  return text;
}
