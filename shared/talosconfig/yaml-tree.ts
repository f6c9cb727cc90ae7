import {
  Lexer,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  type Document,
  type Scalar,
  type Node as YamlNode,
} from 'yaml';
import { maxAliasCount, maxAliasExpandedNodes, maxExpandedText, maxNestingDepth } from './limits.js';
import { TalosconfigError } from './talosconfig-error.js';
import { asGoYamlReadsIt } from './yaml-line-separators.js';

/** A YAML document reduced to what a talosconfig can hold: string-keyed maps, lists and scalars. */
export type YamlTree =
  | { kind: 'map'; entries: Array<{ key: string; value: YamlTree }> }
  | { kind: 'seq'; items: YamlTree[] }
  | YamlScalar;

export interface YamlScalar {
  kind: 'scalar';
  /** The text as go-yaml hands it to a Go string: plain scalars as written (`0x1F`, `1.50`). */
  text: string;
  /** The YAML 1.2 core-schema value (`~` -> null, `0x1F` -> 31), for unknown fields. */
  value: unknown;
  /** Plain `~`, `null` or nothing: talosctl reads it as the empty value. */
  isNull: boolean;
}

const syntaxProblems: Record<string, string> = {
  BAD_INDENT: 'bad indentation',
  TAB_AS_INDENT: 'a tab is used for indentation',
  MISSING_CHAR: 'a closing quote or bracket is missing',
  UNEXPECTED_TOKEN: 'unexpected text',
  BAD_DQ_ESCAPE: 'a bad escape in a double-quoted string',
  BAD_SCALAR_START: 'a value starts with a reserved character',
  MULTILINE_IMPLICIT_KEY: 'a key runs over several lines',
  BLOCK_AS_IMPLICIT_KEY: 'a mapping nested on one line ("a: b: c")',
  KEY_OVER_1024_CHARS: 'a key is longer than 1024 characters',
  BAD_ALIAS: 'a bad alias',
  BAD_DIRECTIVE: 'a bad directive',
  MULTIPLE_ANCHORS: 'several anchors on one node',
  MULTIPLE_TAGS: 'several tags on one node',
  BAD_PROP_ORDER: 'anchor and tag in the wrong order',
  BLOCK_IN_FLOW: 'a block inside brackets or braces',
};

/**
 * Reads YAML text into a YamlTree, enforcing the limits of limits.ts and refusing duplicate keys with
 * their line (talosctl refuses them too). Errors never quote the file's text: it may hold key material.
 */
export function readYamlTree(text: string, source: string): YamlTree | null {
  const lines = new LineCounter();
  const lineOf = (offset: number | undefined): string => `line ${lines.linePos(offset ?? 0).line}`;
  // Brackets nested thousands deep exhaust the parser's stack (or, at 100,000, the process's memory) before
  // the tree below can count them: count flow nesting on the tokens first, which is flat and cheap.
  const deepAt = tooDeepFlowAt(text);
  if (deepAt !== null) throw tooDeep(source, `line ${text.slice(0, deepAt).split('\n').length}`);
  let documents: Document.Parsed[];
  try {
    documents = parseAllDocuments(text, {
      lineCounter: lines,
      uniqueKeys: false,
      prettyErrors: false,
      // The source tokens say where a U+2028 stood in the file (yaml-line-separators.ts).
      keepSourceTokens: true,
    }) as Document.Parsed[] | [];
  } catch (error) {
    // The parser recurses per nesting level: a huge nesting exhausts the stack before our own check runs.
    if (error instanceof RangeError) throw tooDeep(source, '');
    throw new TalosconfigError('yaml-syntax', source, '', 'not readable as YAML');
  }
  const [document, ...rest] = documents;
  if (!document) return null;
  // yaml reports a stack overflow while composing as RESOURCE_EXHAUSTION: a block nesting too deep.
  if (document.errors.some((problem) => problem.code === 'RESOURCE_EXHAUSTION')) throw tooDeep(source, '');
  const error = document.errors[0];
  if (error) {
    const problem = syntaxProblems[error.code] ?? 'not valid YAML';
    throw new TalosconfigError('yaml-syntax', source, lineOf(error.pos[0]), `invalid YAML: ${problem}`);
  }
  if (
    rest.some(
      (extra) => extra.errors.length > 0 || (extra.contents !== null && !isNullScalar(extra.contents)),
    )
  ) {
    throw new TalosconfigError(
      'multiple-documents',
      source,
      '',
      'holds several YAML documents (separated by "---"); a talosconfig is one document',
    );
  }
  if (document.contents === null || isNullScalar(document.contents)) return null;

  let aliases = 0;
  let expandedNodes = 0;
  let yieldedText = 0;
  const yielded = (length: number): void => {
    yieldedText += length;
    if (yieldedText > maxExpandedText) throw tooLargeExpanded(source);
  };
  const toTree = (node: unknown, depth: number, insideAlias: boolean): YamlTree => {
    if (insideAlias && ++expandedNodes > maxAliasExpandedNodes) throw tooManyAliases(source);
    if (isAlias(node)) {
      if (++aliases > maxAliasCount) throw tooManyAliases(source);
      const target = node.resolve(document);
      if (!target) {
        throw new TalosconfigError(
          'yaml-syntax',
          source,
          lineOf(node.range?.[0]),
          'invalid YAML: an unknown alias',
        );
      }
      return toTree(target, depth, true);
    }
    if (isMap(node) || isSeq(node)) {
      if (depth >= maxNestingDepth) throw tooDeep(source, lineOf(node.range?.[0]));
    }
    if (isMap(node)) {
      const seen = new Set<string>();
      const entries: Array<{ key: string; value: YamlTree }> = [];
      for (const pair of node.items) {
        const key = keyText(pair.key, source, lineOf);
        const keyOffset = (pair.key as YamlNode | null)?.range?.[0] ?? node.range?.[0];
        if (seen.has(key)) {
          throw new TalosconfigError(
            'duplicate-key',
            source,
            lineOf(keyOffset),
            `duplicate key ${quoteKey(key)}`,
          );
        }
        seen.add(key);
        yielded(key.length);
        entries.push({ key, value: toTree(pair.value, depth + 1, insideAlias) });
      }
      return { kind: 'map', entries };
    }
    if (isSeq(node))
      return { kind: 'seq', items: node.items.map((item) => toTree(item, depth + 1, insideAlias)) };
    if (isScalar(node)) {
      const scalar = scalarTree(node);
      yielded(scalar.text.length);
      return scalar;
    }
    // A pair with no value (`key:` in a flow or `? key`) arrives as null.
    return { kind: 'scalar', text: '', value: null, isNull: true };
  };
  return toTree(document.contents, 0, false);
}

/** The lexer's markers that stand for no source text (yaml's CST.DOCUMENT, FLOW_END and SCALAR). */
const markers = new Set(['\u0002', '\u0018', '\u001f']);

/**
 * Where `[` and `{` first nest deeper than the limit, or null. The lexer yields quoted scalars and comments
 * as whole tokens, so brackets inside them do not count.
 */
function tooDeepFlowAt(text: string): number | null {
  let depth = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if ((token === '[' || token === '{') && ++depth > maxNestingDepth) return offset;
    if (token === ']' || token === '}') depth = Math.max(0, depth - 1);
    if (!markers.has(token)) offset += token.length;
  }
  return null;
}

function isNullScalar(node: unknown): boolean {
  return isScalar(node) && node.value === null;
}

function scalarTree(scalar: Scalar): YamlScalar {
  const { value, source, type } = scalar;
  const plain = type === 'PLAIN';
  if (value === null) return { kind: 'scalar', text: '', value: null, isNull: plain || type === undefined };
  const text = asGoYamlReadsIt(scalar, typeof value === 'string' ? value : (source ?? ''));
  return { kind: 'scalar', text, value: typeof value === 'string' ? text : value, isNull: false };
}

function keyText(key: unknown, source: string, lineOf: (offset: number | undefined) => string): string {
  if (key === null || key === undefined) return '';
  if (isAlias(key)) {
    throw new TalosconfigError('wrong-shape', source, lineOf(key.range?.[0]), 'an alias used as a key');
  }
  if (!isScalar(key)) {
    const offset = (key as YamlNode).range?.[0];
    throw new TalosconfigError(
      'wrong-shape',
      source,
      lineOf(offset),
      'a key is a list or mapping; keys must be text',
    );
  }
  const tree = scalarTree(key);
  return tree.isNull ? '' : tree.text;
}

function quoteKey(key: string): string {
  const shown = key.length > 80 ? `${key.slice(0, 77)}...` : key;
  return JSON.stringify(shown);
}

function tooManyAliases(source: string): TalosconfigError {
  return new TalosconfigError(
    'too-many-aliases',
    source,
    '',
    `uses YAML aliases more than ${maxAliasCount} times (or expands them too far); refused as a possible "billion laughs" file`,
  );
}

function tooLargeExpanded(source: string): TalosconfigError {
  return new TalosconfigError(
    'too-large-expanded',
    source,
    '',
    `expands to more than ${maxExpandedText / 1024 / 1024} MiB of text (YAML aliases repeat a large value); refused, as no talosconfig needs this`,
  );
}

function tooDeep(source: string, location: string): TalosconfigError {
  return new TalosconfigError(
    'too-deep',
    source,
    location,
    `nested more than ${maxNestingDepth} levels deep`,
  );
}
