import { Button } from 'react-aria-components';
import type { CaItem } from '../../../shared/contract/issuing-contract.js';
import { instantText, instantWithRelative } from '../lib/instant-words.js';

/** Talos cannot revoke (TALOS.md): the only promise is the latest expiry among what a CA has issued. */
export function horizonWords(ca: CaItem, now: Date): string {
  if (ca.revocationHorizon === null) return 'Nothing this CA issued is still valid.';
  return `Everything this CA issued is dead after ${instantWithRelative(ca.revocationHorizon, now)}.`;
}

export interface CasScreenProps {
  cas: readonly CaItem[];
  now: Date;
  onImport: () => void;
}

/** The stored CAs: what each is, who trusts it, what it issued and when that is all dead. */
export function CasScreen({ cas, now, onImport }: CasScreenProps) {
  return (
    <div className="screen page-screen">
      <header className="app-header">
        <h1 className="app-title">CAs</h1>
        <Button className="button header-end" onPress={onImport}>
          Import a CA…
        </Button>
      </header>
      <div className="page-body">
        {cas.length === 0 ? (
          <div className="empty-state">
            <p>
              No CA is stored. Import a cluster’s OS CA from its secrets.yaml or controlplane.yaml to issue
              configs and sign requests.
            </p>
          </div>
        ) : (
          <ul className="card-list" aria-label="Stored CAs">
            {cas.map((ca) => (
              <li key={ca.fingerprintSha256} className="card" aria-labelledby={`ca-${ca.name}`}>
                <h2 id={`ca-${ca.name}`}>{ca.name}</h2>
                <p className="horizon">{horizonWords(ca, now)}</p>
                <dl className="facts">
                  <div>
                    <dt>SHA-256</dt>
                    <dd className="mono">{ca.fingerprintSha256}</dd>
                  </div>
                  <div>
                    <dt>Subject</dt>
                    <dd>
                      {ca.subject} · {ca.keyType}
                    </dd>
                  </div>
                  <div>
                    <dt>Valid until</dt>
                    <dd>{instantWithRelative(ca.notAfter, now)}</dd>
                  </div>
                  <div>
                    <dt>Trusted by</dt>
                    <dd>{ca.contexts.length === 0 ? 'no vault context' : ca.contexts.join(', ')}</dd>
                  </div>
                  <div>
                    <dt>Issued</dt>
                    <dd>
                      {ca.issued} {ca.issued === 1 ? 'certificate' : 'certificates'}
                    </dd>
                  </div>
                  <div>
                    <dt>Imported</dt>
                    <dd>
                      {instantText(ca.importedAt)} from <span className="mono">{ca.source}</span>
                    </dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
