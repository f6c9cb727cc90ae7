import type { ContextItem } from '../../../shared/contract/vault-contract.js';

/**
 * The contexts a search matches: every word of the query must appear (case-insensitively) in the name,
 * cluster, an endpoint, a label (`key=value`) or a role, so "prod admin" narrows to prod's admin contexts.
 */
export function filterContexts(items: readonly ContextItem[], query: string): ContextItem[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...items];
  return items.filter((item) => {
    let haystack = searchable.get(item);
    if (haystack === undefined) {
      haystack = searchableText(item);
      searchable.set(item, haystack);
    }
    return words.every((word) => haystack.includes(word));
  });
}

// Items are immutable query results: each one's text is built once, not on every keystroke.
const searchable = new WeakMap<ContextItem, string>();

function searchableText(item: ContextItem): string {
  return [
    item.name,
    item.cluster ?? '',
    ...item.endpoints,
    ...Object.entries(item.labels).map(([key, value]) => `${key}=${value}`),
    ...(item.cert?.roles ?? []),
  ]
    .join('\n')
    .toLowerCase();
}
