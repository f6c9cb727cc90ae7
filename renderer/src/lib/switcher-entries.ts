import type { ContextItem } from '../../../shared/contract/vault-contract.js';
import { bestScore } from './fuzzy-match.js';

/**
 * What the quick switcher lists for a query: with none, the recently used first (then by name); with one,
 * the best fuzzy matches over name, cluster, labels and endpoints, a recent use breaking ties.
 */
export function switcherEntries(items: readonly ContextItem[], query: string, limit = 50): ContextItem[] {
  const byRecent = (a: ContextItem, b: ContextItem) =>
    (b.lastUsed ?? '').localeCompare(a.lastUsed ?? '') || a.name.localeCompare(b.name);
  if (query.trim() === '') return [...items].sort(byRecent).slice(0, limit);
  const scored: { item: ContextItem; score: number }[] = [];
  for (const item of items) {
    const fields = [
      item.name,
      item.cluster ?? '',
      ...Object.entries(item.labels).map(([key, value]) => `${key}=${value}`),
      ...item.endpoints,
    ];
    const score = bestScore(fields, query);
    if (score !== null) scored.push({ item, score });
  }
  return scored
    .sort((a, b) => b.score - a.score || byRecent(a.item, b.item))
    .slice(0, limit)
    .map((entry) => entry.item);
}
