/** How talosctl's writer writes a one-line Go string when the emitter does not overrule it. */
export type Quoting = 'plain' | 'single' | 'double';

/**
 * How go.yaml.in/yaml/v4 v4.0.0-rc.6 (talosctl 1.12+; TALOS.md "talosconfig file") asks for a one-line Go
 * string to be written. Its representer asks for single quotes where the plain text reads back as a string
 * in YAML 1.2 but not in YAML 1.1 (`yes`, `off`, `12:30`) or would be taken for a merge key (`<<`), so
 * that YAML 1.1 readers keep it a string; its serializer then double-quotes text that a YAML 1.2 reader
 * would resolve to another type (null, bool, int, float, timestamp). yaml.v3 (talosctl 1.11) double-quoted
 * both kinds. The resolver (v4's resolve.go) is ported rule for rule: a byte of difference is a file
 * talosctl would not have written.
 */
export function quotingFor(text: string): Quoting {
  if (isBase60Float(text) || oldBooleans.has(text) || text === '<<') return 'single';
  return resolvesToString(text) ? 'plain' : 'double';
}

const oldBooleans = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON']);
for (const word of ['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF']) oldBooleans.add(word);

const resolveMap = new Set([
  'true',
  'True',
  'TRUE',
  'false',
  'False',
  'FALSE',
  '',
  '~',
  'null',
  'Null',
  'NULL',
  '.nan',
  '.NaN',
  '.NAN',
  '.inf',
  '.Inf',
  '.INF',
  '+.inf',
  '+.Inf',
  '+.INF',
  '-.inf',
  '-.Inf',
  '-.INF',
  '<<',
]);

const base60Float = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const yamlStyleFloat = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/** Go's strconv.ParseFloat on text starting with '.': digits, optional exponent, `_` only between digits. */
const goDotFloat = /^\.[0-9](?:_?[0-9])*(?:[eE][-+]?[0-9](?:_?[0-9])*)?$/;
/** Go's strconv.ParseInt(s, 0, 64) syntax (underscores already removed). */
const goIntLiteral = /^[-+]?(?:0[xX]([0-9a-fA-F]+)|0[bB]([01]+)|0[oO]([0-7]+)|0([0-7]*)|([1-9][0-9]*))$/;

const int64Min = -(2n ** 63n);
const int64Max = 2n ** 63n - 1n;
const uint64Max = 2n ** 64n - 1n;

function isBase60Float(text: string): boolean {
  const first = text.charAt(0);
  if (!(first === '+' || first === '-' || (first >= '0' && first <= '9')) || !text.includes(':'))
    return false;
  return base60Float.test(text);
}

function hint(text: string): string {
  if (text === '') return 'N';
  const first = text.charAt(0);
  if (first === '+' || first === '-') return 'S';
  if (first >= '0' && first <= '9') return 'D';
  if ('yYnNtTfFoO~'.includes(first)) return 'M';
  if (first === '.') return '.';
  return '';
}

function resolvesToString(text: string): boolean {
  const kind = hint(text);
  if (kind === '') return true;
  if (resolveMap.has(text)) return false;
  if (kind === 'M') return true;
  if (kind === '.') return !(goDotFloat.test(text) && Number.isFinite(Number(text.replaceAll('_', ''))));
  if (isGoYamlTimestamp(text)) return false;
  const plain = text.replaceAll('_', '');
  // v4 dropped yaml.v3's second pass over `0b`/`0o` digits (which let `0b-1` read as an int): Go's
  // ParseInt with base 0 is the whole integer rule now.
  if (parsesAsGoInt(plain)) return false;
  // A float whose value overflows makes strconv.ParseFloat fail with ErrRange: the text stays a string.
  return !(yamlStyleFloat.test(plain) && Number.isFinite(Number(plain)));
}

function inGoIntRange(value: bigint, signed: boolean): boolean {
  return (value >= int64Min && value <= int64Max) || (!signed && value >= 0n && value <= uint64Max);
}

/** strconv.ParseInt(text, 0, 64), falling back to ParseUint as resolve.go does. */
function parsesAsGoInt(text: string): boolean {
  const match = goIntLiteral.exec(text);
  if (!match) return false;
  const negative = text.startsWith('-');
  const signed = negative || text.startsWith('+');
  const [, hex, bin, oct, legacyOct, dec] = match;
  let magnitude: bigint;
  if (hex !== undefined) magnitude = BigInt(`0x${hex}`);
  else if (bin !== undefined) magnitude = BigInt(`0b${bin}`);
  else if (oct !== undefined) magnitude = BigInt(`0o${oct}`);
  else if (legacyOct !== undefined) magnitude = legacyOct === '' ? 0n : BigInt(`0o${legacyOct}`);
  else magnitude = BigInt(dec ?? '0');
  return inGoIntRange(negative ? -magnitude : magnitude, signed);
}

const timestampLayouts = [
  /^(\d{4})-(\d\d?)-(\d\d?)[Tt](\d\d?):(\d\d?):(\d\d?)(?:[.,]\d+)?(?:Z|[-+](\d\d):(\d\d))$/,
  /^(\d{4})-(\d\d?)-(\d\d?) (\d\d?):(\d\d?):(\d\d?)(?:[.,]\d+)?$/,
  /^(\d{4})-(\d\d?)-(\d\d?)$/,
];

/** resolve.go parseTimestamp: Go's time.Parse with go-yaml's four layouts, including its range checks. */
function isGoYamlTimestamp(text: string): boolean {
  if (!/^\d{4}-/.test(text)) return false;
  for (const layout of timestampLayouts) {
    const match = layout.exec(text);
    if (!match) continue;
    const [year, month, day, hour, minute, second, zoneHour, zoneMinute] = match
      .slice(1)
      .map((part) => (part ? Number(part) : 0));
    if (month === undefined || month < 1 || month > 12) continue;
    if (day === undefined || day < 1 || day > daysInMonth(year ?? 0, month)) continue;
    if ((hour ?? 0) > 23 || (minute ?? 0) > 59 || (second ?? 0) > 59) continue;
    if ((zoneHour ?? 0) > 24 || (zoneMinute ?? 0) > 60) continue;
    return true;
  }
  return false;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
