import { useState } from 'react';
import {
  Button,
  FieldError,
  Input,
  Label,
  RadioButton,
  RadioField,
  RadioGroup,
  TextField,
} from 'react-aria-components';
import type { TalosError } from '../api/bridge-types.js';
import type { ExportRequest } from '../hooks/use-context-edits.js';
import { ActionDialog } from './ActionDialog.js';
import { ErrorBanner } from './ErrorBanner.js';

const AGE_RECIPIENT = /^age1[02-9ac-hj-np-z]{58}$/;

/** Export one context: a plain talosconfig (0600, for the user's own use) or an age file for a teammate. */
export function ExportDialog(props: {
  name: string;
  isOpen: boolean;
  exporting: boolean;
  error: TalosError | null;
  done: { path: string; encrypted: boolean } | null;
  onClose: () => void;
  onExport: (request: ExportRequest) => void;
}) {
  const [encryption, setEncryption] = useState<'plain' | 'age'>('age');
  const [recipient, setRecipient] = useState('');
  const problem =
    encryption === 'age' && recipient !== '' && !AGE_RECIPIENT.test(recipient.trim())
      ? 'An age recipient is a public key starting with age1 (age-keygen prints it).'
      : null;
  const ready = encryption === 'plain' || (recipient.trim() !== '' && problem === null);
  return (
    <ActionDialog title={`Export ${props.name}`} isOpen={props.isOpen} onClose={props.onClose}>
      {props.done ? (
        <div className="stack">
          <p role="status">
            Exported to <code className="breakable">{props.done.path}</code>
            {props.done.encrypted
              ? ', encrypted with age.'
              : '. It is plaintext: keep it safe, and delete it once used.'}
          </p>
          <Button className="button button-primary" onPress={props.onClose}>
            Done
          </Button>
        </div>
      ) : (
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            if (!ready) return;
            props.onExport(
              encryption === 'plain'
                ? { name: props.name, encryption }
                : { name: props.name, encryption, recipient: recipient.trim() },
            );
          }}
        >
          <RadioGroup
            className="radio-group"
            value={encryption}
            onChange={(value) => {
              setEncryption(value === 'plain' ? 'plain' : 'age');
            }}
          >
            <Label>Format</Label>
            <RadioField value="age">
              <RadioButton className="radio">Encrypted with age, for one recipient</RadioButton>
            </RadioField>
            <RadioField value="plain">
              <RadioButton className="radio">Plain talosconfig (the credential in plaintext)</RadioButton>
            </RadioField>
          </RadioGroup>
          {encryption === 'age' && (
            <TextField
              className="field"
              value={recipient}
              onChange={setRecipient}
              isInvalid={problem !== null}
            >
              <Label>Recipient</Label>
              <Input className="text-input mono" placeholder="age1…" />
              {problem !== null && <FieldError className="field-error">{problem}</FieldError>}
            </TextField>
          )}
          {props.error && <ErrorBanner error={props.error} />}
          <div className="button-row">
            <Button type="submit" className="button button-primary" isDisabled={!ready || props.exporting}>
              {props.exporting ? 'Exporting…' : 'Choose where to save…'}
            </Button>
            <Button className="button button-quiet" onPress={props.onClose}>
              Cancel
            </Button>
          </div>
        </form>
      )}
    </ActionDialog>
  );
}
