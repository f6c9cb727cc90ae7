import { useDeferredValue, useMemo, useState } from 'react';
import { Button, Input, Label, SearchField } from 'react-aria-components';
import type { LogResult } from '../../../shared/contract/issuing-contract.js';
import { matchesLogSearch } from '../../../shared/issuance-log-search.js';
import type { TalosError } from '../api/bridge-types.js';
import { ErrorBanner } from '../components/ErrorBanner.js';
import { RoleBadges } from '../components/RoleBadges.js';
import { instantText } from '../lib/instant-words.js';

export interface LogScreenProps {
  log: LogResult;
  exporting: boolean;
  exported: { path: string; entries: number } | null;
  error: TalosError | null;
  /** Saves the rows this search shows as CSV (main-side, through a save dialog). */
  onExport: (search: string) => void;
}

/** Every certificate issued from this vault, newest first, searchable; Talos cannot revoke any of them. */
export function LogScreen({ log, exporting, exported, error, onExport }: LogScreenProps) {
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const rows = useMemo(
    () => log.entries.filter((entry) => matchesLogSearch(entry, deferred)).reverse(),
    [log.entries, deferred],
  );
  return (
    <div className="screen page-screen">
      <header className="app-header">
        <h1 className="app-title">Issuance log</h1>
        <SearchField className="search-box" value={query} onChange={setQuery}>
          <Label className="visually-hidden">Search the log</Label>
          <Input className="search-input" placeholder="Search serial, role, identity, context, CA…" />
        </SearchField>
        <Button
          className="button header-end"
          onPress={() => {
            onExport(query);
          }}
          isDisabled={exporting}
        >
          Export CSV…
        </Button>
      </header>
      <div className="page-body">
        {error && <ErrorBanner error={error} />}
        {exported && (
          <p className="success-box" role="status">
            Saved {exported.entries} {exported.entries === 1 ? 'row' : 'rows'} to {exported.path}.
          </p>
        )}
        <p className="list-summary" aria-live="polite">
          {deferred.trim() === ''
            ? `${log.entries.length} certificates issued`
            : `${rows.length} of ${log.entries.length} match`}
        </p>
        {rows.length === 0 ? (
          <div className="empty-state">
            <p>
              {log.entries.length === 0
                ? 'Nothing has been issued from this vault yet.'
                : `Nothing matches “${deferred}”.`}
            </p>
          </div>
        ) : (
          <table className="log-table" aria-label="Issued certificates">
            <thead>
              <tr>
                <th scope="col">Issued</th>
                <th scope="col">Context</th>
                <th scope="col">Roles</th>
                <th scope="col">Identity</th>
                <th scope="col">CA</th>
                <th scope="col">Valid until</th>
                <th scope="col">Went to</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((entry) => (
                <tr key={entry.fingerprintSha256}>
                  <td className="nowrap">{instantText(entry.issuedAt)}</td>
                  <td>{entry.context ?? '—'}</td>
                  <td>
                    <RoleBadges roles={entry.roles} />
                  </td>
                  <td>{entry.identity ?? '—'}</td>
                  <td>{entry.caName}</td>
                  <td className="nowrap">{instantText(entry.notAfter)}</td>
                  <td className={entry.exportedTo.length === 0 ? undefined : 'mono'}>
                    {entry.exportedTo.length === 0 ? 'the vault only' : entry.exportedTo.join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
