import type { ContextItem, Status } from '../../../shared/contract/vault-contract.js';
import { expiryWords } from '../lib/expiry-words.js';

const modeWords = { active: 'only the current context', all: 'every context' } as const;

/**
 * What talosctl sees right now: its current context and how long that one's certificate lasts, the file
 * it reads, and what a switch writes there.
 */
export function StatusBar({
  status,
  current,
  now,
}: {
  status: Status;
  current?: ContextItem | undefined;
  now: Date;
}) {
  const expiry = current === undefined ? null : expiryWords(current, now);
  return (
    <footer className="status-bar">
      <dl>
        <div>
          <dt>Current context</dt>
          <dd>
            {status.current === '' ? 'none' : status.current}
            {expiry !== null && <span className={`status-expiry tone-${expiry.tone}`}>{expiry.text}</span>}
          </dd>
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
