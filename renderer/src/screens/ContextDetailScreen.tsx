import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { ContextItem, Status } from '../../../shared/contract/vault-contract.js';
import type { TalosError } from '../api/bridge-types.js';
import { AddressEditor } from '../components/AddressEditor.js';
import { Capabilities } from '../components/Capabilities.js';
import { CertificateFacts } from '../components/CertificateFacts.js';
import { ErrorBanner } from '../components/ErrorBanner.js';
import { ElevateDialog } from '../components/ElevateDialog.js';
import { ExportDialog } from '../components/ExportDialog.js';
import { FindingsList, type FindingFixHandlers } from '../components/FindingsList.js';
import { LabelsEditor } from '../components/LabelsEditor.js';
import { LifetimeBar } from '../components/LifetimeBar.js';
import { NoteEditor } from '../components/NoteEditor.js';
import { RenameDialog } from '../components/RenameDialog.js';
import { RoleBadges } from '../components/RoleBadges.js';
import { StatusBar } from '../components/StatusBar.js';
import type { ExportRequest } from '../hooks/use-context-edits.js';
import type { ElevateArgs } from '../hooks/use-lifecycle-actions.js';
import { expiryWords } from '../lib/expiry-words.js';

/** One call's state as a screen shows it. */
export interface CallState {
  pending: boolean;
  error: TalosError | null;
}

export interface ContextDetailActions {
  back: () => void;
  switchTo: CallState & { run: () => void };
  endpoints: CallState & { save: (values: string[]) => void };
  nodes: CallState & { save: (values: string[]) => void };
  labels: CallState & { set: (key: string, value: string) => void; remove: (key: string) => void };
  note: CallState & { save: (note: string) => void };
  rename: CallState & { run: (to: string) => void; reset: () => void };
  exportTo: CallState & {
    run: (request: ExportRequest) => void;
    done: { path: string; encrypted: boolean } | null;
    reset: () => void;
  };
  remove: () => void;
  fixes: Omit<FindingFixHandlers, 'editEndpoints'>;
  /** Null where it cannot be offered: no stored CA for the cluster, or the context is an elevation. */
  elevate:
    | (CallState & {
        maxSeconds: number;
        done: { context: string; notAfter: string } | null;
        run: (args: ElevateArgs) => void;
        reset: () => void;
      })
    | null;
  /** Errors of the finding fixes (a replacement that could not be issued), with what happened. */
  fixError: TalosError | null;
  fixNotice: string | null;
}

export interface ContextDetailScreenProps {
  item: ContextItem;
  status: Status;
  names: ReadonlySet<string>;
  now: Date;
  actions: ContextDetailActions;
}

export function ContextDetailScreen({ item, status, names, now, actions }: ContextDetailScreenProps) {
  const [editingEndpoints, setEditingEndpoints] = useState(false);
  const [dialog, setDialog] = useState<'rename' | 'export' | 'elevate' | null>(null);
  const expiry = expiryWords(item, now);
  const close = () => {
    setDialog(null);
    actions.rename.reset();
    actions.exportTo.reset();
    actions.elevate?.reset();
  };
  return (
    <div className="screen detail-screen">
      <header className="app-header">
        <Button className="button button-quiet" onPress={actions.back}>
          ← Contexts
        </Button>
        <h1 className="app-title detail-title">{item.name}</h1>
        {item.current && <span className="badge badge-current">Current</span>}
        <div className="header-end button-row">
          {!item.current && (
            <Button
              className="button button-primary"
              isDisabled={actions.switchTo.pending}
              onPress={actions.switchTo.run}
            >
              {actions.switchTo.pending ? 'Switching…' : 'Switch to this context'}
            </Button>
          )}
          {actions.elevate && (
            <Button
              className="button"
              onPress={() => {
                actions.elevate?.reset();
                setDialog('elevate');
              }}
            >
              Elevate…
            </Button>
          )}
          <Button
            className="button"
            onPress={() => {
              setDialog('rename');
            }}
          >
            Rename…
          </Button>
          <Button
            className="button"
            onPress={() => {
              setDialog('export');
            }}
          >
            Export…
          </Button>
          <Button
            className="button button-danger"
            isDisabled={item.current}
            {...(item.current ? { 'aria-describedby': 'remove-current-why' } : {})}
            onPress={actions.remove}
          >
            Remove
          </Button>
        </div>
      </header>
      {actions.switchTo.error && <ErrorBanner error={actions.switchTo.error} />}
      {actions.fixError && <ErrorBanner error={actions.fixError} />}
      {actions.fixNotice !== null && (
        <p className="notice" role="status">
          {actions.fixNotice}
        </p>
      )}
      <div className="detail-body">
        {item.current && (
          <p id="remove-current-why" className="muted">
            This is the context talosctl uses: switch to another one before removing it.
          </p>
        )}
        <section className="detail-section" aria-labelledby="summary-heading">
          <h2 id="summary-heading" className="visually-hidden">
            Summary
          </h2>
          <div className="detail-summary">
            <RoleBadges roles={item.cert?.roles ?? []} />
            <span className={`context-expiry tone-${expiry.tone}`}>
              {item.cert !== null && <LifetimeBar cert={item.cert} now={now} tone={expiry.tone} />}
              {expiry.text}
            </span>
            <span className="muted">cluster: {item.cluster ?? 'CA not stored'}</span>
            <span className="muted">from {item.source}</span>
          </div>
        </section>
        <section className="detail-section" aria-labelledby="findings-heading">
          <h2 id="findings-heading">Findings</h2>
          <FindingsList
            findings={item.findings}
            fixes={{
              ...actions.fixes,
              editEndpoints: () => {
                setEditingEndpoints(true);
              },
            }}
          />
        </section>
        <section className="detail-section two-columns" aria-labelledby="addresses-heading">
          <h2 id="addresses-heading" className="visually-hidden">
            Endpoints and nodes
          </h2>
          <AddressEditor
            title="Endpoints"
            kind="endpoint"
            values={item.endpoints}
            emptyText="No endpoints: talosctl has nowhere to connect."
            saving={actions.endpoints.pending}
            error={actions.endpoints.error}
            editing={editingEndpoints}
            onEditingChange={setEditingEndpoints}
            onSave={(values) => {
              actions.endpoints.save(values);
              setEditingEndpoints(false);
            }}
          />
          <AddressEditor
            title="Nodes"
            kind="node"
            values={item.nodes}
            emptyText="No default nodes: talosctl talks to the endpoint itself unless given --nodes."
            saving={actions.nodes.pending}
            error={actions.nodes.error}
            onSave={actions.nodes.save}
          />
        </section>
        <section className="detail-section two-columns" aria-labelledby="labels-heading">
          <div>
            <h2 id="labels-heading">Labels and note</h2>
            <LabelsEditor
              labels={item.labels}
              saving={actions.labels.pending}
              onSet={actions.labels.set}
              onRemove={actions.labels.remove}
            />
            {actions.labels.error && <ErrorBanner error={actions.labels.error} />}
          </div>
          <div>
            <NoteEditor
              key={item.note}
              note={item.note}
              saving={actions.note.pending}
              onSave={actions.note.save}
            />
            {actions.note.error && <ErrorBanner error={actions.note.error} />}
          </div>
        </section>
        <section className="detail-section" aria-labelledby="cert-heading">
          <h2 id="cert-heading">Certificate</h2>
          <CertificateFacts item={item} />
        </section>
        <section className="detail-section" aria-labelledby="can-heading">
          <h2 id="can-heading">What can this do?</h2>
          <Capabilities roles={item.cert?.roles ?? []} />
        </section>
      </div>
      <StatusBar status={status} current={item.current ? item : undefined} now={now} />
      <RenameDialog
        key={`rename-${item.name}-${String(dialog === 'rename')}`}
        name={item.name}
        taken={names}
        isOpen={dialog === 'rename'}
        saving={actions.rename.pending}
        error={actions.rename.error}
        onClose={close}
        onRename={actions.rename.run}
      />
      <ExportDialog
        key={`export-${String(dialog === 'export')}`}
        name={item.name}
        isOpen={dialog === 'export'}
        exporting={actions.exportTo.pending}
        error={actions.exportTo.error}
        done={actions.exportTo.done}
        onClose={close}
        onExport={actions.exportTo.run}
      />
      {dialog === 'elevate' && actions.elevate && actions.elevate.done === null && (
        <ElevateDialog
          context={item.name}
          maxSeconds={actions.elevate.maxSeconds}
          pending={actions.elevate.pending}
          error={actions.elevate.error}
          onElevate={actions.elevate.run}
          onClose={close}
        />
      )}
    </div>
  );
}
