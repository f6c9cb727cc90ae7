import { useState } from 'react';
import { Button, FieldError, Label, TextArea, TextField } from 'react-aria-components';
import { addressMessage, type AddressKind } from '../../../shared/talosconfig/field-messages.js';
import type { TalosError } from '../api/bridge-types.js';
import { ErrorBanner } from './ErrorBanner.js';

export interface AddressEditorProps {
  title: string;
  kind: AddressKind;
  values: readonly string[];
  /** Shown when there are none ("talosctl has nowhere to connect"). */
  emptyText: string;
  saving: boolean;
  error: TalosError | null;
  onSave: (values: string[]) => void;
  /** Opens the editor from outside (a finding's "Edit endpoints"). */
  editing?: boolean;
  onEditingChange?: (editing: boolean) => void;
}

/** One address per line or comma; each checked as the main side checks it before anything is sent. */
function parseAddresses(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((value) => value.trim())
    .filter(Boolean);
}

export function AddressEditor(props: AddressEditorProps) {
  const { title, kind, values, emptyText, saving, error, onSave } = props;
  const [ownEditing, setOwnEditing] = useState(false);
  const editing = props.editing ?? ownEditing;
  const setEditing = props.onEditingChange ?? setOwnEditing;
  const [text, setText] = useState(values.join('\n'));
  const parsed = parseAddresses(text);
  const problem =
    parsed.map((value) => addressMessage(kind, value)).find((message) => message !== null) ?? null;

  if (!editing) {
    return (
      <div className="address-block">
        <div className="address-head">
          <h3>{title}</h3>
          <Button
            className="button button-link"
            aria-label={`Edit ${title.toLowerCase()}`}
            onPress={() => {
              setText(values.join('\n'));
              setEditing(true);
            }}
          >
            Edit
          </Button>
        </div>
        {values.length === 0 ? (
          <p className="muted">{emptyText}</p>
        ) : (
          <ul className="address-list" aria-label={title}>
            {values.map((value) => (
              <li key={value}>{value}</li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  return (
    <form
      className="address-block stack-tight"
      onSubmit={(event) => {
        event.preventDefault();
        if (problem === null) onSave(parsed);
      }}
    >
      <TextField className="field" value={text} onChange={setText} isInvalid={problem !== null} autoFocus>
        <Label>{title}</Label>
        <TextArea className="text-input mono" rows={Math.max(3, parsed.length + 1)} />
        <span className="field-hint">
          One address per line: host, host:port, IPv4, IPv6 or an https:// URL.
        </span>
        {problem !== null && <FieldError className="field-error">{problem}</FieldError>}
      </TextField>
      {error && <ErrorBanner error={error} />}
      <div className="button-row">
        <Button type="submit" className="button button-primary" isDisabled={problem !== null || saving}>
          {saving ? 'Saving…' : `Save ${title.toLowerCase()}`}
        </Button>
        <Button
          className="button button-quiet"
          onPress={() => {
            setEditing(false);
          }}
        >
          Cancel
        </Button>
      </div>
    </form>
  );
}
