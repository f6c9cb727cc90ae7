import type { ContextItem } from '../../../shared/contract/vault-contract.js';

export interface ContextGroup {
  /** The cluster (stored CA) name, or null for contexts whose CA the vault does not hold. */
  cluster: string | null;
  title: string;
  items: ContextItem[];
}

export const OTHER_CONTEXTS = 'Other contexts';

/** Contexts by cluster, clusters in name order, then the ones without a known cluster last. */
export function groupByCluster(items: readonly ContextItem[]): ContextGroup[] {
  const byCluster = new Map<string | null, ContextItem[]>();
  for (const item of items) {
    const group = byCluster.get(item.cluster);
    if (group) group.push(item);
    else byCluster.set(item.cluster, [item]);
  }
  return [...byCluster.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
    .map(([cluster, groupItems]) => ({ cluster, title: cluster ?? OTHER_CONTEXTS, items: groupItems }));
}
