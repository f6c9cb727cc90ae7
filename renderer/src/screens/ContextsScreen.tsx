import { useDeferredValue, useMemo, useState, type ReactNode } from 'react';
import { Button } from 'react-aria-components';
import type { ContextItem, Status } from '../../../shared/contract/vault-contract.js';
import type { TalosError } from '../api/bridge-types.js';
import { ContextList } from '../components/ContextList.js';
import { ErrorBanner } from '../components/ErrorBanner.js';
import { FilterBar } from '../components/FilterBar.js';
import { SearchBox } from '../components/SearchBox.js';
import { StatusBar } from '../components/StatusBar.js';
import {
  applyFilter,
  filterChoices,
  isFiltered,
  noFilter,
  type ContextFilter,
} from '../lib/context-filters.js';

export interface ContextsScreenProps {
  status: Status;
  items: readonly ContextItem[];
  now: Date;
  switching: string | null;
  switchError: TalosError | null;
  onSwitch: (name: string) => void;
  onDismissError: () => void;
  onOpen?: (name: string) => void;
  onImport?: () => void;
  /** A notice under the header (a removal that can still be undone). */
  notice?: ReactNode;
}

export function ContextsScreen(props: ContextsScreenProps) {
  const { status, items, now, switching, switchError, onSwitch, onDismissError } = props;
  const [filter, setFilter] = useState<ContextFilter>(noFilter);
  // Typing stays responsive with thousands of contexts: the list catches up a frame later if it must.
  const deferred = useDeferredValue(filter);
  const shown = useMemo(() => applyFilter(items, deferred), [items, deferred]);
  const choices = useMemo(() => filterChoices(items), [items]);
  const current = items.find((item) => item.current);

  return (
    <div className="screen contexts-screen">
      <header className="app-header">
        <h1 className="app-title">Contexts</h1>
        <SearchBox
          value={filter.query}
          onChange={(query) => {
            setFilter({ ...filter, query });
          }}
        />
        <div className="header-end button-row">
          {props.onImport && (
            <Button className="button" onPress={props.onImport}>
              Import…
            </Button>
          )}
        </div>
      </header>
      {switchError && <ErrorBanner error={switchError} onDismiss={onDismissError} />}
      {props.notice}
      {items.length > 0 && (
        <div className="list-toolbar">
          <FilterBar
            filter={filter}
            choices={choices}
            filtered={isFiltered(filter)}
            onChange={setFilter}
            onClear={() => {
              setFilter({ ...noFilter, sort: filter.sort });
            }}
          />
          <p className="list-summary" aria-live="polite">
            {summary(items.length, shown.length, isFiltered(deferred))}
          </p>
        </div>
      )}
      {shown.length > 0 ? (
        <ContextList
          items={shown}
          now={now}
          switching={switching}
          onSwitch={onSwitch}
          onOpen={props.onOpen ?? ignoreOpen}
        />
      ) : (
        <div className="empty-state">
          {items.length === 0 ? (
            <EmptyVault onImport={props.onImport} />
          ) : (
            <div className="stack empty-vault">
              <p>
                No context matches {filter.query.trim() === '' ? 'these filters' : `“${deferred.query}”`}.
              </p>
              <Button
                className="button button-link"
                onPress={() => {
                  setFilter({ ...noFilter, sort: filter.sort });
                }}
              >
                Show every context
              </Button>
            </div>
          )}
        </div>
      )}
      <StatusBar status={status} current={current} now={now} />
    </div>
  );
}

function EmptyVault({ onImport }: { onImport: (() => void) | undefined }) {
  return (
    <div className="stack empty-vault">
      <p>The vault holds no contexts yet.</p>
      {onImport ? (
        <Button className="button button-primary" onPress={onImport}>
          Import a talosconfig…
        </Button>
      ) : (
        <p>
          Import a talosconfig with <code>talcred import FILE</code>.
        </p>
      )}
    </div>
  );
}

/** A stable no-op, so the memoized list is not re-rendered for a new function on every keystroke. */
const ignoreOpen = (): void => undefined;

function summary(total: number, shown: number, filtered: boolean): string {
  const noun = (count: number) => `${count} ${count === 1 ? 'context' : 'contexts'}`;
  return filtered ? `${noun(shown)} of ${total} match` : noun(total);
}
