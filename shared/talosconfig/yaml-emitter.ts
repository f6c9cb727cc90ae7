import { quotingFor } from './yaml-resolve.js';

/**
 * A YAML writer that produces what talosctl 1.12+ writes: go.yaml.in/yaml/v4 v4.0.0-rc.6 `yaml.Marshal`
 * (TALOS.md "talosconfig file"), byte for byte, so a file talosctl wrote is written back unchanged and a
 * diff of a talosconfig shows only what changed in it. 4-space indentation, block sequences indented under
 * their key, no line wrapping, `[]`/`{}` for empty collections, and v4's choice of plain, single-quoted,
 * double-quoted or literal style per string. It is a port of the parts of v4's emitter (the libyaml
 * emitter that yaml.v3 also had, with v4's changes noted where they are) that this shape reaches: block
 * mappings and sequences, long or multi-line keys (`? key`), and the four scalar styles.
 */
export type EmitNode =
  | { kind: 'map'; entries: ReadonlyArray<readonly [string, EmitNode]> }
  | { kind: 'seq'; items: readonly EmitNode[] }
  /** A Go string: the writer picks its style. */
  | { kind: 'str'; value: string }
  /** A number, boolean or null, written as is. */
  | { kind: 'plain'; text: string };

type Style = 'plain' | 'single' | 'double' | 'literal';

interface Analysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

const bestIndent = 4;

/** libyaml's is_printable, per code point: 4-byte UTF-8 characters are NOT printable there (v3 and v4). */
function isPrintable(cp: number): boolean {
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
  );
}

function isBreak(cp: number | undefined): boolean {
  return cp === 0x0d || cp === 0x0a || cp === 0x85 || cp === 0x2028 || cp === 0x2029;
}

function isBlank(cp: number | undefined): boolean {
  return cp === 0x20 || cp === 0x09;
}

/** Go's unicode.IsSpace (Latin-1 spaces, NEL and NBSP, then Unicode White_Space); not JavaScript's \s. */
const goSpaces = new Set([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005,
  0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
]);

/**
 * v4's representer (shouldUseLiteralStyle) asks for a literal block only when a multi-line string holds
 * something besides white space; `"\n"` or `" \n "` are double-quoted, where yaml.v3 tried a literal.
 */
function hasNonSpace(text: string): boolean {
  return codePoints(text).some((cp) => !goSpaces.has(cp));
}

/**
 * Whether a literal block needs an indentation indicator (`|4`) to read back. v4 writes one only when the
 * text starts with a space (go-yaml issue #65 dropped yaml.v3's indicator for a leading line break, so
 * `"\nbody"` is `|-`, an empty line, then `body`). Deviation from v4: text whose first non-empty line
 * starts with a space after leading line breaks (`"\n indented"`) also gets one; v4 writes it without,
 * and every reader then takes that space for indentation and loses it.
 */
function needsIndentIndicator(text: string): boolean {
  return /^\n* /.test(text);
}

function codePoints(text: string): number[] {
  return Array.from(text, (char) => char.codePointAt(0) ?? 0);
}

const base64Text = /^[A-Za-z0-9+/=]+$/;
const leadingIndicators = new Set('#,[]{}&*!|>\'"%@`');

/** emitterc.go yaml_emitter_analyze_scalar, block context only (this writer never emits a non-empty flow). */
function analyze(text: string): Analysis {
  if (text === '') {
    return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  }
  // Fast path for the bulk of a talosconfig: base64 has no indicator, space, break or special character.
  if (base64Text.test(text)) {
    return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: true };
  }
  const cps = codePoints(text);
  let blockIndicators = text.startsWith('---') || text.startsWith('...');
  let lineBreaks = false;
  let special = false;
  let tabs = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWhitespace = true;
  let previousSpace = false;
  let previousBreak = false;
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i] ?? 0;
    const first = i === 0;
    const last = i === cps.length - 1;
    const followedByWhitespace = last || isBlank(cps[i + 1]);
    const char = String.fromCodePoint(cp);
    if (first) {
      if (leadingIndicators.has(char)) blockIndicators = true;
      if ((char === '?' || char === ':' || char === '-') && followedByWhitespace) blockIndicators = true;
    } else {
      if (char === ':' && followedByWhitespace) blockIndicators = true;
      if (char === '#' && precededByWhitespace) blockIndicators = true;
    }
    if (cp === 0x09) tabs = true;
    else if (!isPrintable(cp)) special = true;
    if (cp === 0x20) {
      if (first) leadingSpace = true;
      if (last) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(cp)) {
      lineBreaks = true;
      if (first) leadingBreak = true;
      if (last) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlank(cp) || isBreak(cp) || cp === 0;
  }
  const analysis: Analysis = {
    multiline: lineBreaks,
    blockPlainAllowed: true,
    singleQuotedAllowed: true,
    blockAllowed: true,
  };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak || lineBreaks || blockIndicators) {
    analysis.blockPlainAllowed = false;
  }
  if (trailingSpace) analysis.blockAllowed = false;
  if (breakSpace || spaceBreak || tabs || special) {
    analysis.blockPlainAllowed = false;
    analysis.singleQuotedAllowed = false;
  }
  if (spaceBreak || special) analysis.blockAllowed = false;
  return analysis;
}

function utf8Length(text: string): number {
  let length = 0;
  for (const cp of codePoints(text)) length += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  return length;
}

const doubleQuoteEscapes = new Map<number, string>([
  [0x00, '0'],
  [0x07, 'a'],
  [0x08, 'b'],
  [0x09, 't'],
  [0x0a, 'n'],
  [0x0b, 'v'],
  [0x0c, 'f'],
  [0x0d, 'r'],
  [0x1b, 'e'],
  [0x22, '"'],
  [0x5c, '\\'],
  [0x85, 'N'],
  [0xa0, '_'],
  [0x2028, 'L'],
  [0x2029, 'P'],
]);

function escapeCodePoint(cp: number): string {
  const named = doubleQuoteEscapes.get(cp);
  if (named !== undefined) return `\\${named}`;
  const [prefix, width] = cp <= 0xff ? ['x', 2] : cp <= 0xffff ? ['u', 4] : ['U', 8];
  return `\\${prefix}${cp.toString(16).toUpperCase().padStart(width, '0')}`;
}

/** Serializes one document whose root is a mapping, exactly as v4's Marshal lays it out. */
export function emitYaml(root: EmitNode): string {
  const out: string[] = [];
  let column = 0;
  let whitespace = true;
  let indention = true;
  let indent = -1;
  const indents: number[] = [];

  function put(text: string): void {
    out.push(text);
    // Only compared with small indentation widths, so UTF-16 length is as good as a character count.
    column += text.length;
  }

  function putBreak(): void {
    out.push('\n');
    column = 0;
    indention = true;
  }

  function writeIndent(): void {
    const target = Math.max(indent, 0);
    if (!indention || column > target || (column === target && !whitespace)) putBreak();
    if (column < target) put(' '.repeat(target - column));
    whitespace = true;
  }

  function writeIndicator(
    indicator: string,
    needWhitespace: boolean,
    isWhitespace: boolean,
    isIndention: boolean,
  ) {
    if (needWhitespace && !whitespace) put(' ');
    put(indicator);
    whitespace = isWhitespace;
    indention = indention && isIndention;
  }

  /** `inSequenceItem`: the node is an item of a block sequence, where go-yaml indents by 2 (past "- "). */
  function increaseIndent(flow: boolean, inSequenceItem: boolean): void {
    indents.push(indent);
    if (indent < 0) indent = flow ? bestIndent : 0;
    else if (inSequenceItem) indent += 2;
    else indent = bestIndent * Math.floor((indent + bestIndent) / bestIndent);
  }

  function popIndent(): void {
    indent = indents.pop() ?? -1;
  }

  function requestedStyle(
    node: { kind: 'str' | 'plain'; value?: string; text?: string },
    text: string,
  ): Style {
    if (node.kind === 'plain') return 'plain';
    if (text.includes('\n')) return hasNonSpace(text) ? 'literal' : 'double';
    return quotingFor(text);
  }

  function selectStyle(requested: Style, text: string, analysis: Analysis, simpleKey: boolean): Style {
    let style = requested;
    if (simpleKey && analysis.multiline) style = 'double';
    if (style === 'plain' && (!analysis.blockPlainAllowed || (text === '' && simpleKey))) style = 'single';
    if (style === 'single' && !analysis.singleQuotedAllowed) style = 'double';
    if (style === 'literal' && (!analysis.blockAllowed || simpleKey)) style = 'double';
    return style;
  }

  function writePlain(text: string): void {
    if (text !== '' && !whitespace) put(' ');
    put(text);
    if (text !== '') whitespace = false;
    indention = false;
  }

  /**
   * go-yaml writes U+2028/U+2029 raw and, taking them for line breaks, indents the text after them; it
   * reads them back the same way (yaml-line-separators.ts does so for this product's reader).
   */
  function putSeparator(char: string): void {
    out.push(char);
    column = 0;
    indention = true;
  }

  function writeSingleQuoted(text: string): void {
    writeIndicator("'", true, false, false);
    // Single quotes are chosen only for text without "\n" and without blanks next to a break (analyze).
    let breaks = false;
    for (const char of text) {
      if (char === '\u2028' || char === '\u2029') {
        putSeparator(char);
        breaks = true;
      } else {
        if (breaks) writeIndent();
        put(char === "'" ? "''" : char);
        breaks = false;
      }
    }
    writeIndicator("'", false, false, false);
    whitespace = false;
    indention = false;
  }

  function writeDoubleQuoted(text: string): void {
    writeIndicator('"', true, false, false);
    // libyaml's is_bom looks at the start of the value, not at the character: a leading BOM escapes all.
    const escapeAll = text.startsWith('\ufeff');
    let body = '';
    for (const cp of codePoints(text)) {
      const escape = escapeAll || !isPrintable(cp) || isBreak(cp) || cp === 0x22 || cp === 0x5c;
      body += escape ? escapeCodePoint(cp) : String.fromCodePoint(cp);
    }
    put(body);
    writeIndicator('"', false, false, false);
    whitespace = false;
    indention = false;
  }

  function writeLiteral(text: string): void {
    writeIndicator('|', true, false, false);
    const cps = codePoints(text);
    if (needsIndentIndicator(text)) writeIndicator(String(bestIndent), false, false, false);
    const last = cps.length - 1;
    let chomp = '';
    if (!isBreak(cps[last])) chomp = '-';
    else if (last === 0 || isBreak(cps[last - 1])) chomp = '+';
    if (chomp !== '') writeIndicator(chomp, false, false, false);
    putBreak();
    whitespace = true;
    let breaks = true;
    for (const cp of cps) {
      if (cp === 0x0a) {
        putBreak();
        breaks = true;
      } else if (cp === 0x2028 || cp === 0x2029) {
        putSeparator(String.fromCodePoint(cp));
        breaks = true;
      } else {
        if (breaks) writeIndent();
        put(String.fromCodePoint(cp));
        indention = false;
        breaks = false;
      }
    }
  }

  function emitScalar(
    node: EmitNode & { kind: 'str' | 'plain' },
    simpleKey: boolean,
    inSequenceItem: boolean,
  ) {
    const text = node.kind === 'str' ? node.value : node.text;
    const analysis = analyze(text);
    let style = selectStyle(requestedStyle(node, text), text, analysis, simpleKey);
    const parentIndent = Math.max(indent, 0);
    increaseIndent(true, inSequenceItem);
    // Deviation from v4 (and yaml.v3): a literal that needs an indentation indicator inside a sequence item
    // gets one that does not match where its lines are written (2 past the dash, not 4), which every
    // reader, go-yaml's own included, mis-reads.
    // Deviation from v4: a separator that starts a line of a literal block is written at column 0, and
    // one that ends the block leaves the next key on its line; only go-yaml reads those back.
    if (style === 'literal' && /(?:^|[\n\u2028\u2029])[\u2028\u2029]|[\u2028\u2029]$/.test(text)) {
      style = 'double';
    }
    if (style === 'literal' && needsIndentIndicator(text) && indent - parentIndent !== bestIndent) {
      style = 'double';
    }
    if (style === 'plain') writePlain(text);
    else if (style === 'single') writeSingleQuoted(text);
    else if (style === 'double') writeDoubleQuoted(text);
    else writeLiteral(text);
    popIndent();
  }

  function emitEmptyFlow(open: string, close: string): void {
    writeIndicator(open, true, true, false);
    writeIndicator(close, false, false, false);
  }

  function emitNode(node: EmitNode, inSequenceItem: boolean): void {
    if (node.kind === 'map') {
      if (node.entries.length === 0) emitEmptyFlow('{', '}');
      else emitBlockMapping(node.entries, inSequenceItem);
    } else if (node.kind === 'seq') {
      if (node.items.length === 0) emitEmptyFlow('[', ']');
      else emitBlockSequence(node.items, inSequenceItem);
    } else {
      emitScalar(node, false, inSequenceItem);
    }
  }

  function emitBlockSequence(items: readonly EmitNode[], inSequenceItem: boolean): void {
    increaseIndent(false, inSequenceItem);
    for (const item of items) {
      writeIndent();
      writeIndicator('-', true, false, true);
      emitNode(item, true);
    }
    popIndent();
  }

  function emitBlockMapping(entries: ReadonlyArray<readonly [string, EmitNode]>, inSequenceItem: boolean) {
    increaseIndent(false, inSequenceItem);
    for (const [key, value] of entries) {
      writeIndent();
      const keyNode = { kind: 'str', value: key } as const;
      // yaml_emitter_check_simple_key: a key on one line of at most 128 bytes is written `key: value`.
      if (!analyze(key).multiline && utf8Length(key) <= 128) {
        emitScalar(keyNode, true, false);
        writeIndicator(':', false, false, false);
      } else {
        writeIndicator('?', true, false, true);
        emitScalar(keyNode, false, false);
        writeIndent();
        writeIndicator(':', true, false, true);
      }
      emitNode(value, false);
    }
    popIndent();
  }

  emitNode(root, false);
  // Document end: go-yaml finishes the last line.
  indent = -1;
  writeIndent();
  return out.join('');
}
