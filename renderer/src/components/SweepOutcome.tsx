import type { KeptReason } from '../../../shared/contract/sweep-contract.js';
import type { ImportResult } from '../../../shared/contract/vault-contract.js';
import { keptReasonWords } from '../lib/sweep-words.js';

export type SweepOutcomeValue =
  | { action: 'imported'; result: ImportResult & { files: { id: string; path: string }[] } }
  | {
      action: 'removed';
      removed: { id: string; path: string }[];
      kept: { id: string; path: string; reason: KeptReason }[];
    };

/** What the last import or removal did, file by file and name by name. */
export function SweepOutcome({ outcome }: { outcome: SweepOutcomeValue }) {
  if (outcome.action === 'imported') {
    const { result } = outcome;
    const stored = [
      ...result.added,
      ...result.renamed.map((r) => `${r.from} as ${r.to} (the name was taken)`),
    ];
    return (
      <section className="success-box sweep-outcome" role="status" aria-label="Import outcome">
        <p>
          <strong>
            Imported {outcome.result.files.length} {result.files.length === 1 ? 'file' : 'files'}.
          </strong>{' '}
          {stored.length === 0 ? 'No new context: ' : `Stored ${stored.join(', ')}. `}
          {result.skipped.length > 0 && `Already in the vault: ${result.skipped.join(', ')}. `}
          Files whose every context the vault now holds can have their plaintext copy removed.
        </p>
      </section>
    );
  }
  return (
    <section className="success-box sweep-outcome" role="status" aria-label="Removal outcome">
      {outcome.removed.length > 0 && (
        <>
          <p>
            <strong>
              Removed {outcome.removed.length === 1 ? '1 file' : `${outcome.removed.length} files`}:
            </strong>
          </p>
          <ul className="outcome-list">
            {outcome.removed.map((file) => (
              <li key={file.id} className="mono breakable">
                {file.path}
              </li>
            ))}
          </ul>
        </>
      )}
      {outcome.kept.length > 0 && (
        <>
          <p>
            <strong>Kept {outcome.kept.length === 1 ? '1 file' : `${outcome.kept.length} files`}:</strong>
          </p>
          <ul className="outcome-list">
            {outcome.kept.map((file) => (
              <li key={file.id}>
                <span className="mono breakable">{file.path}</span>: {keptReasonWords[file.reason]}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
