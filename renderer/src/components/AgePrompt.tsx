import { useState } from 'react';
import { Button } from 'react-aria-components';
import { PassphraseField } from './PassphraseField.js';

/**
 * An age-encrypted source needs its key: the passphrase it was encrypted with (age -p), or an identity
 * file holding the private key of a recipient (age -r). `wrong` marks a retry after a wrong one.
 */
export function AgePrompt(props: {
  needs: 'passphrase' | 'identity';
  wrong: boolean;
  busy: boolean;
  onPassphrase: (passphrase: string) => void;
  onChooseIdentity: () => void;
  onCancel: () => void;
}) {
  const [passphrase, setPassphrase] = useState('');
  // The "wrong" mark goes once the user types again (an invalid field would also block the form's submit).
  const [edited, setEdited] = useState(false);
  const [mode, setMode] = useState(props.needs);
  return (
    <section className="panel age-prompt" aria-labelledby="age-heading">
      <h2 id="age-heading">This file is encrypted with age</h2>
      {mode === 'passphrase' ? (
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            if (passphrase !== '') props.onPassphrase(passphrase);
          }}
        >
          <PassphraseField
            label="age passphrase"
            value={passphrase}
            onChange={(value) => {
              setPassphrase(value);
              setEdited(true);
            }}
            autoComplete="current-password"
            autoFocus
            invalidMessage={
              props.wrong && !edited ? 'That passphrase does not open the file. Try again.' : undefined
            }
          />
          <div className="button-row">
            <Button
              type="submit"
              className="button button-primary"
              isDisabled={passphrase === '' || props.busy}
            >
              {props.busy ? 'Opening…' : 'Open'}
            </Button>
            <Button
              className="button button-link"
              onPress={() => {
                setMode('identity');
              }}
            >
              Use an identity file instead
            </Button>
            <Button className="button button-quiet" onPress={props.onCancel}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <div className="stack">
          <p>
            {props.wrong
              ? 'None of the chosen identities can open it. Choose the identity file of one of its recipients.'
              : 'Choose the identity file (age-keygen’s output) of one of its recipients.'}
          </p>
          <div className="button-row">
            <Button
              className="button button-primary"
              isDisabled={props.busy}
              onPress={props.onChooseIdentity}
            >
              Choose identity file…
            </Button>
            <Button
              className="button button-link"
              onPress={() => {
                setMode('passphrase');
              }}
            >
              It has a passphrase
            </Button>
            <Button className="button button-quiet" onPress={props.onCancel}>
              Cancel
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}
