import { Button } from 'react-aria-components';
import type { Finding } from '../../../shared/findings.js';
import { fixesFor, type FindingFix } from '../lib/finding-fixes.js';

/**
 * What a finding's buttons do; a null handler is not offered. `renew` (lifecycle.renew) where a stored CA
 * signed the certificate, `requestRenewal` (a CSR for whoever holds the CA) where none did.
 * `issueReplacement` is null where the vault holds no CA for the context's cluster; the finding then says
 * how to get one.
 */
export interface FindingFixHandlers {
  renew: (() => void) | null;
  requestRenewal: (() => void) | null;
  issueReplacement: (() => void) | null;
  editEndpoints: () => void;
}

const fixWords: Readonly<Record<FindingFix, string>> = {
  renew: 'Renew',
  'request-renewal': 'Request renewal…',
  'issue-replacement': 'Issue a replacement',
  'edit-endpoints': 'Edit endpoints',
};

const severityWords = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

export function FindingsList({
  findings,
  fixes,
}: {
  findings: readonly Finding[];
  fixes: FindingFixHandlers;
}) {
  if (findings.length === 0) return <p className="muted">Nothing wrong was found.</p>;
  const handlers: Readonly<Record<FindingFix, (() => void) | null>> = {
    renew: fixes.renew,
    'request-renewal': fixes.requestRenewal,
    'issue-replacement': fixes.issueReplacement,
    'edit-endpoints': fixes.editEndpoints,
  };
  const handlerOf = (fix: FindingFix) => handlers[fix];
  return (
    <ul className="findings" aria-label="Findings">
      {findings.map((finding, index) => {
        const offered = fixesFor(finding.code).flatMap((fix) => {
          const handler = handlerOf(fix);
          return handler === null ? [] : [{ fix, handler }];
        });
        const needsCa =
          fixesFor(finding.code).includes('issue-replacement') && fixes.issueReplacement === null;
        return (
          <li key={`${finding.code}-${index}`} className={`finding finding-${finding.severity}`}>
            <span className={`severity severity-${finding.severity}`}>{severityWords[finding.severity]}</span>
            <div className="finding-body">
              <p className="finding-code">{finding.code}</p>
              <p>{finding.message}</p>
              {needsCa && (
                <p className="muted">
                  To issue a replacement here, import this cluster’s OS CA first (Certificate authorities).
                </p>
              )}
              {offered.length > 0 && (
                <div className="button-row">
                  {offered.map(({ fix, handler }) => (
                    <Button key={fix} className="button" onPress={handler}>
                      {fixWords[fix]}
                    </Button>
                  ))}
                </div>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
