import { useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import type { ScanResult } from '../../../shared/contract/sweep-contract.js';
import type { TalosError } from '../api/bridge-types.js';
import { ErrorBanner } from '../components/ErrorBanner.js';
import { FoundFileCard } from '../components/FoundFileCard.js';
import { RemoveFoundDialog } from '../components/RemoveFoundDialog.js';
import { SweepOutcome, type SweepOutcomeValue } from '../components/SweepOutcome.js';
import type { ScanState, ScanTarget } from '../hooks/use-sweep.js';
import { importTargets, needsImport, plural, whyKept } from '../lib/sweep-words.js';

export interface SweepScreenProps {
  scan: ScanState;
  now: Date;
  outcome: SweepOutcomeValue | null;
  /** A failed import or removal (the scan's own failure is in `scan`). */
  actionError: TalosError | null;
  importing: boolean;
  removing: boolean;
  onScanHome: () => void;
  onChooseFolders: () => void;
  onCancel: () => void;
  onNewScan: () => void;
  onImport: (ids: string[]) => void;
  /** Resolves once the removal has an answer, so the dialog closes on it. */
  onRemove: (ids: string[]) => Promise<void>;
}

/** "Find plaintext credentials": where to look, the walk while it runs, then what it found. */
export function SweepScreen(props: SweepScreenProps) {
  const { scan } = props;
  return (
    <div className="screen page-screen sweep-screen">
      <header className="app-header">
        <h1 className="app-title">Find plaintext credentials</h1>
        {scan.state === 'done' && (
          <Button className="button button-quiet header-end" onPress={props.onNewScan}>
            New scan
          </Button>
        )}
      </header>
      <div className="page-body stack">
        {scan.state === 'failed' && <ErrorBanner error={scan.error} />}
        {scan.state !== 'done' && props.actionError && <ErrorBanner error={props.actionError} />}
        {(scan.state === 'idle' || scan.state === 'cancelled' || scan.state === 'failed') && (
          <StartPanel {...props} cancelled={scan.state === 'cancelled'} />
        )}
        {scan.state === 'scanning' && <ScanningPanel {...props} scan={scan} />}
        {scan.state === 'done' && <Results {...props} result={scan.result} target={scan.target} />}
      </div>
    </div>
  );
}

function StartPanel(props: SweepScreenProps & { cancelled: boolean }) {
  return (
    <section className="panel sweep-start" aria-labelledby="sweep-start-heading">
      <h2 id="sweep-start-heading">Where to look</h2>
      <p>
        Talosconfigs with client keys, secrets bundles and control-plane configs (which hold the cluster’s CA
        key) left in plaintext can be read by anything that runs as you — and by everyone, once committed. The
        scan only reads; nothing changes until you import or remove.
      </p>
      {props.cancelled && <p className="sweep-note">The scan was cancelled. Nothing was changed.</p>}
      <div className="sweep-choices">
        <div className="stack-tight">
          <Button className="button button-primary" onPress={props.onScanHome}>
            Scan my home folder
          </Button>
          <p className="field-hint">
            Six levels deep, and every place talosctl reads its config from. Skips node_modules, .git, caches
            and the vault; never follows links.
          </p>
        </div>
        <div className="stack-tight">
          <Button className="button" onPress={props.onChooseFolders}>
            Choose folders…
          </Button>
          <p className="field-hint">One or several; each is searched all the way down.</p>
        </div>
      </div>
    </section>
  );
}

function targetWords(target: ScanTarget): string {
  return target.kind === 'home' ? 'your home folder' : target.folders.map((folder) => folder.name).join(', ');
}

function ScanningPanel(props: SweepScreenProps & { scan: Extract<ScanState, { state: 'scanning' }> }) {
  const { progress, target } = props.scan;
  return (
    <section className="panel sweep-progress" aria-labelledby="sweep-progress-heading" aria-busy="true">
      <h2 id="sweep-progress-heading">Scanning {targetWords(target)}…</h2>
      <progress className="sweep-bar" aria-labelledby="sweep-progress-heading" />
      <p>
        {progress === null
          ? 'Starting…'
          : `${plural(progress.files, 'file')} in ${plural(progress.folders, 'folder')} looked at, ${plural(progress.found, 'credential file')} found so far.`}
      </p>
      {progress !== null && progress.folder !== '' && (
        <p className="path-line">
          In <span className="mono breakable">{progress.folder}</span>
        </p>
      )}
      <div className="button-row">
        <Button className="button" onPress={props.onCancel}>
          Cancel
        </Button>
      </div>
    </section>
  );
}

function Results(props: SweepScreenProps & { result: ScanResult; target: ScanTarget }) {
  const { result } = props;
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // The answer replaces the progress the user was watching: focus moves to it, and a reader hears it.
  useEffect(() => {
    heading.current?.focus();
  }, []);

  const seen = `${plural(result.counts.files, 'file')} in ${plural(result.counts.folders, 'folder')}`;
  const toImport = importTargets(result.files, selected);
  const selectedCount = result.files.filter((file) => selected.has(file.id) && needsImport(file)).length;
  const removable = result.files.filter((file) => whyKept(file) === null);
  const talosconfigs = result.files.filter(needsImport).length;

  return (
    <>
      <section className="sweep-summary" aria-labelledby="sweep-summary-heading">
        <h2 id="sweep-summary-heading" ref={heading} tabIndex={-1}>
          {result.files.length === 0
            ? `No plaintext credentials found in ${seen}`
            : `${plural(result.files.length, 'plaintext credential file')} found`}
        </h2>
        {result.files.length > 0 && <p className="sweep-tally">{tally(result, seen)}</p>}
        <Notes result={result} />
        {props.actionError && <ErrorBanner error={props.actionError} />}
        {props.outcome && <SweepOutcome outcome={props.outcome} />}
        {result.files.length > 0 && (
          <div className="button-row">
            {talosconfigs > 0 && (
              <Button
                className="button button-primary"
                isDisabled={props.importing}
                onPress={() => {
                  props.onImport(toImport.map((file) => file.id));
                }}
              >
                {props.importing
                  ? 'Importing…'
                  : selectedCount > 0
                    ? `Import ${selectedCount} selected into the vault`
                    : `Import ${talosconfigs === 1 ? 'the talosconfig' : `${talosconfigs} talosconfigs`} into the vault`}
              </Button>
            )}
            {removable.length > 0 && (
              <Button
                className="button button-danger"
                onPress={() => {
                  setConfirming(true);
                }}
              >
                {`Remove ${plural(removable.length, 'plaintext copy', 'plaintext copies')}…`}
              </Button>
            )}
            {removable.length === 0 && talosconfigs > 0 && (
              <span className="field-hint">
                Removing a plaintext copy is offered once the vault holds every context of it.
              </span>
            )}
          </div>
        )}
      </section>
      {result.files.length > 0 && (
        <ul className="card-list found-list" aria-label="Files found">
          {result.files.map((file) => (
            <FoundFileCard
              key={file.id}
              file={file}
              now={props.now}
              selected={selected.has(file.id)}
              onSelect={(isSelected) => {
                setSelected((current) => {
                  const next = new Set(current);
                  if (isSelected) next.add(file.id);
                  else next.delete(file.id);
                  return next;
                });
              }}
            />
          ))}
        </ul>
      )}
      <Skipped result={result} />
      <RemoveFoundDialog
        files={removable}
        isOpen={confirming}
        removing={props.removing}
        onClose={() => {
          setConfirming(false);
        }}
        onRemove={() => {
          void props.onRemove(removable.map((file) => file.id)).finally(() => {
            setConfirming(false);
          });
        }}
      />
    </>
  );
}

/** The dangers first, so they are read before the list: "1 committed to git · 1 readable by others". */
function tally(result: ScanResult, seen: string): string {
  const count = (test: (file: ScanResult['files'][number]) => boolean) => result.files.filter(test).length;
  const parts = [
    [count((file) => file.git === 'committed' || file.git === 'staged'), 'tracked by git'],
    [count((file) => file.readableByOthers), 'readable by other users'],
    [count((file) => file.contexts.some((context) => context.inVault !== true)), 'not in the vault yet'],
  ] as const;
  const flagged = parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  return [...flagged, `${seen} looked at`].join(' · ');
}

/** What limits the answer: a vault that could not be compared, no git to ask. */
function Notes({ result }: { result: ScanResult }) {
  return (
    <>
      {result.vault.state === 'unavailable' && (
        <p className="sweep-note">
          The vault could not be compared ({result.vault.message}), so no file can be removed yet.
        </p>
      )}
      {result.git === 'missing' && (
        <p className="sweep-note">
          git is not installed, so the app cannot tell whether a file is tracked and removes none.
        </p>
      )}
    </>
  );
}

function Skipped({ result }: { result: ScanResult }) {
  if (result.skipped.length === 0) return null;
  return (
    <details className="sweep-skipped">
      <summary>
        {result.skipped.length === 1
          ? '1 place could not be read and was passed over'
          : `${plural(result.skipped.length, 'place')} could not be read and were passed over`}
      </summary>
      <ul>
        {result.skipped.map((skipped) => (
          <li key={`${skipped.reason}:${skipped.path}`} className="breakable">
            {skipped.message}
          </li>
        ))}
      </ul>
    </details>
  );
}
