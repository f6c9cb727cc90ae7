import type { ContextItem } from '../../../shared/contract/vault-contract.js';
import type { ContextGroup } from './group-contexts.js';

/** One line of the virtual list: a cluster heading or a context. */
export type ListRow =
  | { kind: 'heading'; key: string; title: string; count: number }
  | { kind: 'context'; key: string; item: ContextItem };

export function listRows(groups: readonly ContextGroup[]): ListRow[] {
  return groups.flatMap((group): ListRow[] => [
    { kind: 'heading', key: `group:${group.title}`, title: group.title, count: group.items.length },
    ...group.items.map((item): ListRow => ({ kind: 'context', key: `context:${item.name}`, item })),
  ]);
}
