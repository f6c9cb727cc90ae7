/**
 * A quick switcher's match: the query's characters appear in order in the text (case-insensitively).
 * The score favours matches that start words and run together, so "prd adm" finds "prod-admin" first.
 * Null when the text does not match.
 */
export function fuzzyScore(text: string, query: string): number | null {
  const haystack = text.toLowerCase();
  const needle = query.toLowerCase().replace(/\s+/g, '');
  if (needle === '') return 0;
  let score = 0;
  let at = 0;
  let previous = -2;
  for (const char of needle) {
    const found = haystack.indexOf(char, at);
    if (found === -1) return null;
    const startsWord = found === 0 || /[^a-z0-9]/.test(haystack[found - 1] ?? '');
    score += (found === previous + 1 ? 3 : 0) + (startsWord ? 2 : 0) + 1;
    previous = found;
    at = found + 1;
  }
  // A match found in a shorter text is the better one.
  return score - haystack.length / 100;
}

/** The best score over several fields of one thing (name, cluster, labels, endpoints). */
export function bestScore(fields: readonly string[], query: string): number | null {
  let best: number | null = null;
  for (const field of fields) {
    const score = fuzzyScore(field, query);
    if (score !== null && (best === null || score > best)) best = score;
  }
  return best;
}
