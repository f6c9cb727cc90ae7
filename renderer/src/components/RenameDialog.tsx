import { useState } from 'react';
import { Button, FieldError, Input, Label, TextField } from 'react-aria-components';
import { newContextNameMessage } from '../../../shared/talosconfig/field-messages.js';
import type { TalosError } from '../api/bridge-types.js';
import { ActionDialog } from './ActionDialog.js';
import { ErrorBanner } from './ErrorBanner.js';

export function RenameDialog(props: {
  name: string;
  taken: ReadonlySet<string>;
  isOpen: boolean;
  saving: boolean;
  error: TalosError | null;
  onClose: () => void;
  onRename: (to: string) => void;
}) {
  const [to, setTo] = useState(props.name);
  const problem =
    to === props.name
      ? null
      : props.taken.has(to)
        ? `A context named “${to}” already exists; choose another name.`
        : newContextNameMessage(to);
  return (
    <ActionDialog title={`Rename ${props.name}`} isOpen={props.isOpen} onClose={props.onClose}>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          if (problem === null && to !== props.name) props.onRename(to);
        }}
      >
        <TextField className="field" value={to} onChange={setTo} isInvalid={problem !== null} autoFocus>
          <Label>New name</Label>
          <Input className="text-input" />
          {problem !== null && <FieldError className="field-error">{problem}</FieldError>}
        </TextField>
        {props.error && <ErrorBanner error={props.error} />}
        <div className="button-row">
          <Button
            type="submit"
            className="button button-primary"
            isDisabled={problem !== null || to === props.name || props.saving}
          >
            {props.saving ? 'Renaming…' : 'Rename'}
          </Button>
          <Button className="button button-quiet" onPress={props.onClose}>
            Cancel
          </Button>
        </div>
      </form>
    </ActionDialog>
  );
}
