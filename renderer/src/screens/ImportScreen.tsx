import { useState } from 'react';
import { Button, Label, TextArea, TextField } from 'react-aria-components';
import type { ImportPreview } from '../../../shared/contract/import-preview.js';
import type { ImportResult } from '../../../shared/contract/vault-contract.js';
import type { TalosError } from '../api/bridge-types.js';
import { AgePrompt } from '../components/AgePrompt.js';
import { ErrorBanner } from '../components/ErrorBanner.js';
import { MergePreview } from '../components/MergePreview.js';
import type { RowChoice } from '../lib/import-choices.js';
import { sourceName } from '../lib/source-name.js';

export type ImportStep =
  | { step: 'choose' }
  | { step: 'reading' }
  | { step: 'age'; needs: 'passphrase' | 'identity'; wrong: boolean }
  | { step: 'preview'; preview: ImportPreview }
  | { step: 'done'; result: ImportResult };

export interface ImportScreenProps {
  state: ImportStep;
  sourceNames: readonly string[];
  error: TalosError | null;
  choices: ReadonlyMap<string, RowChoice>;
  problems: ReadonlyMap<string, string>;
  applying: boolean;
  onChooseFiles: () => void;
  onPaste: (text: string) => void;
  onChoose: (key: string, choice: RowChoice) => void;
  onApply: () => void;
  onStartOver: () => void;
  onShowContexts: () => void;
  onPassphrase: (passphrase: string) => void;
  onChooseIdentity: () => void;
}

export function ImportScreen(props: ImportScreenProps) {
  const { state } = props;
  return (
    <div className="screen import-screen">
      <header className="app-header">
        <h1 className="app-title">Import</h1>
        {state.step !== 'choose' && (
          <div className="header-end">
            <Button className="button button-quiet" onPress={props.onStartOver}>
              Start over
            </Button>
          </div>
        )}
      </header>
      {props.error && <ErrorBanner error={props.error} />}
      <div className="import-body">
        {state.step === 'choose' && <ChooseSources {...props} />}
        {state.step === 'reading' && (
          <p className="loading" aria-busy="true">
            Reading {props.sourceNames.join(', ')}…
          </p>
        )}
        {state.step === 'age' && (
          <AgePrompt
            needs={state.needs}
            wrong={state.wrong}
            busy={false}
            onPassphrase={props.onPassphrase}
            onChooseIdentity={props.onChooseIdentity}
            onCancel={props.onStartOver}
          />
        )}
        {state.step === 'preview' && <Preview {...props} preview={state.preview} />}
        {state.step === 'done' && (
          <Done result={state.result} onShowContexts={props.onShowContexts} onAgain={props.onStartOver} />
        )}
      </div>
    </div>
  );
}

function ChooseSources(props: ImportScreenProps) {
  const [text, setText] = useState('');
  return (
    <div className="import-choose">
      <section className="drop-zone" aria-labelledby="files-heading">
        <h2 id="files-heading">Files</h2>
        <p>Drop talosconfig files here (several at once, .age files too), or choose them.</p>
        <Button className="button button-primary" onPress={props.onChooseFiles}>
          Choose files…
        </Button>
      </section>
      <form
        className="paste-form stack-tight"
        onSubmit={(event) => {
          event.preventDefault();
          if (text.trim() !== '') props.onPaste(text);
        }}
      >
        <TextField className="field" value={text} onChange={setText}>
          <Label>Or paste a talosconfig</Label>
          <TextArea
            className="text-input mono"
            rows={8}
            placeholder={'context: prod\ncontexts:\n    prod:\n        endpoints: …'}
          />
        </TextField>
        <div className="button-row">
          <Button type="submit" className="button" isDisabled={text.trim() === ''}>
            Preview pasted text
          </Button>
        </div>
      </form>
    </div>
  );
}

function Preview(props: ImportScreenProps & { preview: ImportPreview }) {
  const { preview, problems } = props;
  const counts = { add: 0, replace: 0, skip: 0 };
  for (const item of preview.items)
    counts[
      (props.choices.get(item.key) ?? { action: item.suggestion.action === 'skip' ? 'skip' : 'add' }).action
    ]++;
  const withErrors = preview.items.filter((item) =>
    item.report.findings.some((f) => f.severity === 'error'),
  ).length;
  return (
    <div className="preview-step">
      <div className="preview-summary">
        <h2>Merge preview</h2>
        <p>
          {preview.items.length} incoming {preview.items.length === 1 ? 'context' : 'contexts'} from{' '}
          {preview.sources.map((source) => sourceName(source.label)).join(', ')}: {counts.add} to store,{' '}
          {counts.replace} to replace, {counts.skip} to skip.
          {withErrors > 0 && ` ${withErrors} with errors (see each row).`} Nothing is written until you
          import.
        </p>
        <div className="button-row">
          <Button
            className="button button-primary"
            isDisabled={problems.size > 0 || props.applying || counts.add + counts.replace === 0}
            onPress={props.onApply}
          >
            {props.applying ? 'Importing…' : `Import ${counts.add + counts.replace}`}
          </Button>
          {problems.size > 0 && (
            <span className="field-error">
              {problems.size} {problems.size === 1 ? 'choice needs' : 'choices need'} another name, a replace
              or a skip.
            </span>
          )}
        </div>
      </div>
      {preview.items.length === 0 ? (
        <p className="empty-state">These files hold no contexts.</p>
      ) : (
        <MergePreview
          preview={preview}
          choices={props.choices}
          problems={problems}
          onChoose={props.onChoose}
        />
      )}
    </div>
  );
}

function Done({
  result,
  onShowContexts,
  onAgain,
}: {
  result: ImportResult;
  onShowContexts: () => void;
  onAgain: () => void;
}) {
  const stored = result.added.length + result.renamed.length;
  return (
    <section className="panel" aria-labelledby="done-heading">
      <h2 id="done-heading">Imported</h2>
      <p role="status">
        {stored} stored
        {result.renamed.length > 0 &&
          ` (${result.renamed.map((r) => `${r.from} as ${r.to}`).join(', ')})`}, {result.replaced.length}{' '}
        replaced, {result.skipped.length} skipped.
      </p>
      <div className="button-row">
        <Button className="button button-primary" onPress={onShowContexts}>
          Show contexts
        </Button>
        <Button className="button" onPress={onAgain}>
          Import more
        </Button>
      </div>
    </section>
  );
}
