import { Label, TextArea, TextField } from 'react-aria-components';
import { CheckOne, RadioChoices } from './Choices.js';
import { PassphraseField } from './PassphraseField.js';

export interface Destination {
  store: boolean;
  file: 'none' | 'plain' | 'recipients' | 'passphrase';
  recipients: string;
  passphrase: string;
}

export const initialDestination: Destination = { store: true, file: 'none', recipients: '', passphrase: '' };

/** age recipients as pasted: one or more `age1…`, separated by spaces, commas or lines. */
export function recipientList(text: string): string[] {
  return text.split(/[\s,]+/).filter((part) => part !== '');
}

/** Why this destination cannot be used yet, or null. */
export function destinationProblem(destination: Destination): string | null {
  if (!destination.store && destination.file === 'none') return 'Choose where the config goes.';
  if (destination.file === 'recipients' && recipientList(destination.recipients).length === 0)
    return 'Paste the teammate’s age recipient (age1…).';
  if (destination.file === 'passphrase' && destination.passphrase === '') return 'Choose a passphrase.';
  return null;
}

/** Where the new config goes: the vault, a file (plaintext, warned), or an age file for a teammate. */
export function DestinationFields(props: {
  destination: Destination;
  onChange: (destination: Destination) => void;
}) {
  const { destination, onChange } = props;
  return (
    <fieldset className="form-section">
      <legend>Where it goes</legend>
      <CheckOne
        isSelected={destination.store}
        onChange={(store) => {
          onChange({ ...destination, store });
        }}
      >
        Store in the vault
      </CheckOne>
      <RadioChoices
        label="Also save a file"
        value={destination.file}
        onChange={(file) => {
          onChange({ ...destination, file: file as Destination['file'] });
        }}
        options={[
          { value: 'none', label: 'No file' },
          {
            value: 'plain',
            label: 'Save as a talosconfig file',
            description: 'Plaintext: the key is readable by anyone who gets the file.',
          },
          { value: 'recipients', label: 'Encrypt to a teammate’s age recipient' },
          { value: 'passphrase', label: 'Encrypt with an age passphrase' },
        ]}
      />
      {destination.file === 'plain' && (
        <p className="warning-text" role="note">
          The file will hold the private key in plaintext. Prefer age encryption to hand it to someone.
        </p>
      )}
      {destination.file === 'recipients' && (
        <TextField
          className="field"
          value={destination.recipients}
          onChange={(recipients) => {
            onChange({ ...destination, recipients });
          }}
        >
          <Label>age recipients</Label>
          <TextArea className="text-input mono" rows={2} placeholder="age1…" spellCheck={false} />
          <span className="field-hint">The teammate’s public key from age-keygen; one or more.</span>
        </TextField>
      )}
      {destination.file === 'passphrase' && (
        <PassphraseField
          label="age passphrase"
          value={destination.passphrase}
          onChange={(passphrase) => {
            onChange({ ...destination, passphrase });
          }}
          autoComplete="new-password"
        />
      )}
    </fieldset>
  );
}
