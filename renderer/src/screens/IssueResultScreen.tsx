import { Button } from 'react-aria-components';
import type { IssueResult } from '../../../shared/contract/issuing-contract.js';
import { RoleBadges } from '../components/RoleBadges.js';
import { instantWithRelative } from '../lib/instant-words.js';

/** Where an issued config went, in one sentence each: the vault, a plaintext file, an age file. */
function destinations(result: IssueResult): string[] {
  const where: string[] = [];
  if (result.storedAs !== null) where.push(`Stored in the vault as ${result.storedAs}.`);
  if (result.path !== null) {
    where.push(
      result.encrypted
        ? `Saved age-encrypted to ${result.path}.`
        : `Saved to ${result.path} in plaintext: it holds the private key.`,
    );
  }
  return where;
}

/** Exactly what was issued, until when, and where it went. */
export function IssueResultScreen(props: { result: IssueResult; now: Date; onAnother: () => void }) {
  const { result, now, onAnother } = props;
  return (
    <div className="screen page-screen">
      <header className="app-header">
        <h1 className="app-title">Config issued</h1>
      </header>
      <div className="page-body">
        <section className="panel result-panel" aria-label="What was issued">
          <h2>{result.storedAs ?? result.context}</h2>
          <RoleBadges roles={result.roles} />
          <dl className="facts">
            <div>
              <dt>Valid until</dt>
              <dd>{instantWithRelative(result.notAfter, now)}</dd>
            </div>
            <div>
              <dt>Signed by</dt>
              <dd>{result.ca}</dd>
            </div>
            <div>
              <dt>Serial</dt>
              <dd className="mono">{result.serial}</dd>
            </div>
            <div>
              <dt>Key</dt>
              <dd>{result.keyType}</dd>
            </div>
            <div>
              <dt>Endpoints</dt>
              <dd>{result.endpoints.join(', ') || 'none'}</dd>
            </div>
            {result.nodes.length > 0 && (
              <div>
                <dt>Nodes</dt>
                <dd>{result.nodes.join(', ')}</dd>
              </div>
            )}
          </dl>
          <ul className="result-where" aria-label="Where it went">
            {destinations(result).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {result.notes.map((note) => (
            <p key={note} className="warning-text" role="note">
              {note}
            </p>
          ))}
          <p className="field-hint">
            Talos cannot revoke it: it works until {result.notAfter.slice(0, 10)}. The issuance log keeps it.
          </p>
          <Button className="button" onPress={onAnother}>
            Issue another
          </Button>
        </section>
      </div>
    </div>
  );
}
