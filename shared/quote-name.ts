/**
 * A name (or any text from a file or the command line) as a message echoes it: cut, so a 100,000-character
 * name cannot flood a one-line error, and quoted with line breaks and other controls as JSON escapes.
 */
const maxShownLength = 64;

export function shortName(name: string): string {
  if (name.length <= maxShownLength) return name;
  // Never cut between the two halves of a surrogate pair (an emoji, a rare CJK character).
  const cut = name.slice(0, maxShownLength - 4).replace(/[\ud800-\udbff]$/, '');
  return `${cut}…`;
}

export function quoteName(name: string): string {
  return JSON.stringify(shortName(name));
}

/** Names a message lists ("contexts: a, b, …"): the first few, each cut. */
export function nameList(names: readonly string[], shown = 10): string {
  const listed = names.slice(0, shown).map(shortName).join(', ');
  return names.length > shown ? `${listed}, … (${names.length} in all)` : listed;
}
