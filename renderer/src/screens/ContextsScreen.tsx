import { useDeferredValue, useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import type { ContextItem, Status } from '../../../shared/contract/vault-contract.js';
import type { TalosError } from '../api/bridge-types.js';
import { ContextList } from '../components/ContextList.js';
import { ErrorBanner } from '../components/ErrorBanner.js';
import { SearchBox } from '../components/SearchBox.js';
import { StatusBar } from '../components/StatusBar.js';
import { filterContexts } from '../lib/filter-contexts.js';

export interface ContextsScreenProps {
  status: Status;
  items: readonly ContextItem[];
  now: Date;
  switching: string | null;
  switchError: TalosError | null;
  onSwitch: (name: string) => void;
  onDismissError: () => void;
  onLock: () => void;
}

export function ContextsScreen(props: ContextsScreenProps) {
  const { status, items, now, switching, switchError, onSwitch, onDismissError, onLock } = props;
  const [query, setQuery] = useState('');
  // Typing stays responsive with thousands of contexts: the list catches up a frame later if it must.
  const deferredQuery = useDeferredValue(query);
  const shown = useMemo(() => filterContexts(items, deferredQuery), [items, deferredQuery]);

  return (
    <div className="screen contexts-screen">
      <header className="app-header">
        <h1 className="app-title">Contexts</h1>
        <SearchBox value={query} onChange={setQuery} />
        <Button className="button button-quiet header-end" onPress={onLock}>
          Lock
        </Button>
      </header>
      {switchError && <ErrorBanner error={switchError} onDismiss={onDismissError} />}
      {items.length > 0 && (
        <p className="list-summary" aria-live="polite">
          {summary(items.length, shown.length, deferredQuery)}
        </p>
      )}
      {shown.length > 0 ? (
        <ContextList items={shown} now={now} switching={switching} onSwitch={onSwitch} />
      ) : (
        <div className="empty-state">
          {items.length === 0 ? (
            <p>
              The vault holds no contexts yet. Import a talosconfig with <code>talcred import FILE</code>.
            </p>
          ) : (
            <p>No context matches “{deferredQuery}”.</p>
          )}
        </div>
      )}
      <StatusBar status={status} />
    </div>
  );
}

function summary(total: number, shown: number, query: string): string {
  const noun = (count: number) => `${count} ${count === 1 ? 'context' : 'contexts'}`;
  return query.trim() === '' ? noun(total) : `${noun(shown)} of ${total} match`;
}
