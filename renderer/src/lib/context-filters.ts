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

// One collator, not String#localeCompare per pair: that builds a collator on every call, which made a
// keystroke over 2,000 contexts miss its frame.
const collator = new Intl.Collator();
const byText = (a: string, b: string) => collator.compare(a, b);

/** A context without a certificate sorts last by expiry; one never used sorts last by use. */
const comparators: Readonly<Record<SortOrder, (a: ContextItem, b: ContextItem) => number>> = {
  name: (a, b) => byText(a.name, b.name),
  // ISO 8601 instants order as plain strings.
  expiry: (a, b) => compareCodeUnits(a.cert?.notAfter ?? '\uffff', b.cert?.notAfter ?? '\uffff'),
  'last-used': (a, b) => compareCodeUnits(b.lastUsed ?? '', a.lastUsed ?? ''),
};

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// The list in each order, made once per listing: a keystroke only filters what is already sorted.
const sortedLists = new WeakMap<readonly ContextItem[], Map<SortOrder, ContextItem[]>>();

function sortedBy(items: readonly ContextItem[], sort: SortOrder): ContextItem[] {
  let byOrder = sortedLists.get(items);
  if (byOrder === undefined) {
    byOrder = new Map();
    sortedLists.set(items, byOrder);
  }
  let sorted = byOrder.get(sort);
  if (sorted === undefined) {
    const compare = comparators[sort];
    sorted = items.toSorted((a, b) => compare(a, b) || byText(a.name, b.name));
    byOrder.set(sort, sorted);
  }
  return sorted;
}

/** The contexts the filter bar lets through, in its order (grouping by cluster keeps that order inside each group). */
export function applyFilter(items: readonly ContextItem[], filter: ContextFilter): ContextItem[] {
  // filterContexts keeps the order it is given.
  return filterContexts(sortedBy(items, filter.sort), filter.query).filter((item) => matches(item, filter));
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
  const sorted = (set: Set<string>) => [...set].sort(byText);
  return { roles: sorted(roles), labels: sorted(labels), sources: sorted(sources) };
}
