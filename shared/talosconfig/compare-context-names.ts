/**
 * Orders map keys the way gopkg.in/yaml.v3 does when it writes a Go map (sorter.go, keyList.Less), which
 * is the order of contexts in a file talosctl saved. It is not bytewise: letters sort before other
 * characters and runs of digits compare as numbers, so "prod-2" comes before "prod-10".
 * Ported from gopkg.in/yaml.v3 v3.0.1, checked against its output (tests/shared/talosconfig).
 */
export function compareContextNames(a: string, b: string): number {
  if (a === b) return 0;
  return yamlV3KeyLess(a, b) ? -1 : 1;
}

const letter = /^\p{L}$/u;
const digit = /^\p{Nd}$/u;

function isLetter(rune: number): boolean {
  return letter.test(String.fromCodePoint(rune));
}

function isDigit(rune: number): boolean {
  return digit.test(String.fromCodePoint(rune));
}

function runes(text: string): number[] {
  return Array.from(text, (char) => char.codePointAt(0) ?? 0);
}

/** A digit run's value as Go computes it: `n*10 + (rune - '0')` in int64, wrapping on overflow. */
function digitRun(text: number[], from: number, start: bigint): { value: bigint; end: number } {
  let value = start;
  let end = from;
  while (end < text.length && isDigit(text[end] ?? 0)) {
    value = BigInt.asIntN(64, value * 10n + BigInt((text[end] ?? 0) - 48));
    end++;
  }
  return { value, end };
}

function yamlV3KeyLess(a: string, b: string): boolean {
  const ar = runes(a);
  const br = runes(b);
  // Whether the last equal rune was a digit: then a letter sorts BEFORE a non-letter ("1e4" < "10.5").
  let digits = false;
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const ai = ar[i] ?? 0;
    const bi = br[i] ?? 0;
    if (ai === bi) {
      digits = isDigit(ai);
      continue;
    }
    const al = isLetter(ai);
    const bl = isLetter(bi);
    if (al && bl) return ai < bi;
    if (al || bl) return digits ? al : bl;
    // A zero after a non-zero digit of the same run is significant ("10" vs "1a"): Go seeds both with 1.
    let seed = 0n;
    if (ai === 48 || bi === 48) {
      for (let j = i - 1; j >= 0 && isDigit(ar[j] ?? 0); j--) {
        if (ar[j] !== 48) {
          seed = 1n;
          break;
        }
      }
    }
    const an = digitRun(ar, i, seed);
    const bn = digitRun(br, i, seed);
    if (an.value !== bn.value) return an.value < bn.value;
    if (an.end !== bn.end) return an.end < bn.end;
    return ai < bi;
  }
  return ar.length < br.length;
}
