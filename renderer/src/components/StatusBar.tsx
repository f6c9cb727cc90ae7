import type { Status } from '../../../shared/contract/vault-contract.js';

const modeWords = { active: 'only the current context', all: 'every context' } as const;

/** What talosctl sees right now: its current context, the file it reads, and what a switch writes there. */
export function StatusBar({ status }: { status: Status }) {
  return (
    <footer className="status-bar">
      <dl>
        <div>
          <dt>Current context</dt>
          <dd>{status.current === '' ? 'none' : status.current}</dd>
        </div>
        <div className="status-path">
          <dt>talosctl reads</dt>
          <dd title={status.talosconfig.path}>
            {status.talosconfig.path}
            {status.talosconfig.readOnly && <span className="badge badge-problem">read-only</span>}
          </dd>
        </div>
        <div>
          <dt>Writes</dt>
          <dd>{status.targetMode === null ? 'not set' : modeWords[status.targetMode]}</dd>
        </div>
      </dl>
    </footer>
  );
}
