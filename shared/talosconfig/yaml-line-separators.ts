import type { Scalar } from 'yaml';

/**
 * go-yaml (talosctl's reader and writer, v3 and v4 alike) takes U+2028 and U+2029 for line breaks, as
 * YAML 1.1 did; YAML 1.2 readers, `yaml` included, take them for text. talosctl writes `"\u2028sep"` as
 * `'<U+2028>` + the indentation + `sep'` and reads that back as `"\u2028sep"`: the break is kept and the
 * white space around it is not. This gives a scalar read by `yaml` the text go-yaml reads from the same
 * source, so a file talosctl wrote reads to what talosctl holds.
 */
export function asGoYamlReadsIt(scalar: Scalar, text: string): string {
  if (!separators.test(text)) return text;
  const token = scalar.srcToken;
  if (!token || !('source' in token) || !separators.test(token.source)) return text;
  if (scalar.type === 'BLOCK_LITERAL' || scalar.type === 'BLOCK_FOLDED') {
    // In a block, a separator ends a line like a line break: the next line's indentation is not text.
    const indent = blockIndent(token);
    return text.replace(new RegExp(`([\\u2028\\u2029]) {0,${indent}}`, 'g'), '$1');
  }
  // In a flow scalar (plain or quoted) a line break drops the blanks around it (line folding), but a
  // separator, unlike "\n", is kept rather than folded into a space (libyaml scanner, flow scalars).
  return text.replace(/[ \t]*([\u2028\u2029])[ \t]*/g, '$1');
}

const separators = /[\u2028\u2029]/;

/** The block's content indentation: its indicator past the parent's, or its first non-blank line's. */
function blockIndent(token: NonNullable<Scalar['srcToken']>): number {
  const header =
    'props' in token ? token.props.find((prop) => prop.type === 'block-scalar-header') : undefined;
  const indicator = /[1-9]/.exec(header && 'source' in header ? header.source : '');
  if (indicator && 'indent' in token) return token.indent + Number(indicator[0]);
  const source = 'source' in token ? token.source : '';
  // Only spaces indent (a tab or a separator is text), and a line of spaces alone is an empty line.
  const firstLine = source.split('\n').find((line) => /[^ ]/.test(line)) ?? '';
  return /^ */.exec(firstLine)?.[0].length ?? 0;
}
