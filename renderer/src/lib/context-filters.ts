import type { ContextItem } from '../../../shared/contract/vault-contract.js';
import { filterContexts } from './filter-contexts.js';

export type ExpiryFilter = 'any' | 'expiring' | 'expired';
export type SortOrder = 'name' | 'expiry' | 'last-used';

/** What the list's filter bar holds; `null` is "any". */
export interface ContextFilter {
  query: string;
  role: string | null;
  expiry: ExpiryFilter;
  /** `key=value`. */
  label: string | null;
  source: string | null;
  sort: SortOrder;
}

export const noFilter: ContextFilter = {
  query: '',
  role: null,
  expiry: 'any',
  label: null,
  source: null,
  sort: 'name',
};

export function isFiltered(filter: ContextFilter): boolean {
  return (
    filter.query.trim() !== '' ||
    filter.role !== null ||
    filter.expiry !== 'any' ||
    filter.label !== null ||
    filter.source !== null
  );
}

const hasFinding = (item: ContextItem, code: string) =>
  item.findings.some((finding) => finding.code === code);

function matches(item: ContextItem, filter: ContextFilter): boolean {
  if (filter.role !== null && !(item.cert?.roles ?? []).includes(filter.role)) return false;
  if (filter.expiry === 'expiring' && !hasFinding(item, 'cert-expiring-soon')) return false;
  if (filter.expiry === 'expired' && !hasFinding(item, 'cert-expired')) return false;
  if (filter.source !== null && item.source !== filter.source) return false;
  if (filter.label !== null) {
    const cut = filter.label.indexOf('=');
    const key = filter.label.slice(0, cut);
    if (item.labels[key] !== filter.label.slice(cut + 1)) return false;
  }
  return true;
}

/** A context without a certificate sorts last by expiry; one never used sorts last by use. */
const comparators: Readonly<Record<SortOrder, (a: ContextItem, b: ContextItem) => number>> = {
  name: (a, b) => a.name.localeCompare(b.name),
  expiry: (a, b) => (a.cert?.notAfter ?? '\uffff').localeCompare(b.cert?.notAfter ?? '\uffff'),
  'last-used': (a, b) => (b.lastUsed ?? '').localeCompare(a.lastUsed ?? ''),
};

/** The contexts the filter bar lets through, in its order (grouping by cluster keeps that order inside each group). */
export function applyFilter(items: readonly ContextItem[], filter: ContextFilter): ContextItem[] {
  const searched = filterContexts(items, filter.query);
  const kept = searched.filter((item) => matches(item, filter));
  const compare = comparators[filter.sort];
  return kept.sort((a, b) => compare(a, b) || a.name.localeCompare(b.name));
}

/** The choices the filter bar offers, from what the vault holds. */
export function filterChoices(items: readonly ContextItem[]) {
  const roles = new Set<string>();
  const labels = new Set<string>();
  const sources = new Set<string>();
  for (const item of items) {
    for (const role of item.cert?.roles ?? []) roles.add(role);
    for (const [key, value] of Object.entries(item.labels)) labels.add(`${key}=${value}`);
    sources.add(item.source);
  }
  const sorted = (set: Set<string>) => [...set].sort((a, b) => a.localeCompare(b));
  return { roles: sorted(roles), labels: sorted(labels), sources: sorted(sources) };
}
