import { useState } from 'react';
import { Button, CheckboxButton, CheckboxField, Form } from 'react-aria-components';
import type { InitArgs, KeySource, TalosError } from '../api/bridge-types.js';
import { ErrorBanner } from '../components/ErrorBanner.js';
import { PassphraseField } from '../components/PassphraseField.js';

export interface FirstRunScreenProps {
  /** The file talosctl uses, offered for import; null when there is none. */
  talosconfigPath: string | null;
  busy: boolean;
  error: TalosError | null;
  onCreate: (args: InitArgs) => void;
}

/**
 * Creates the vault. The keychain is the default; a passphrase is offered beside it and becomes the only
 * way once the keychain has failed to answer (`keychain-unavailable`) — never a silent fallback.
 */
export function FirstRunScreen({ talosconfigPath, busy, error, onCreate }: FirstRunScreenProps) {
  const keychainFailed = error?.code === 'keychain-unavailable';
  const [chosen, setChosen] = useState<KeySource>('keychain');
  const keySource: KeySource = keychainFailed ? 'passphrase' : chosen;
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [importTalosconfig, setImportTalosconfig] = useState(talosconfigPath !== null);
  const mismatch = confirmation !== '' && confirmation !== passphrase;

  const submit = (event: { preventDefault(): void }) => {
    event.preventDefault();
    if (keySource === 'passphrase') {
      if (passphrase === '' || passphrase !== confirmation) return;
      onCreate({ keySource, passphrase, importTalosconfig });
    } else {
      onCreate({ keySource, importTalosconfig });
    }
  };

  return (
    <main className="screen centered-screen">
      <div className="panel">
        <h1>Set up Talos Credential Manager</h1>
        <p className="panel-lead">
          Your talosconfig contexts will be kept in one encrypted vault.{' '}
          {keySource === 'keychain'
            ? 'Its key goes into your system keychain, so unlocking takes one click.'
            : 'Its key is derived from a passphrase you type each time you unlock.'}
        </p>
        {error && <ErrorBanner error={error} />}
        <Form onSubmit={submit} className="stack">
          {keySource === 'passphrase' && (
            <>
              <PassphraseField
                label="Passphrase"
                value={passphrase}
                onChange={setPassphrase}
                autoComplete="new-password"
                autoFocus
              />
              <PassphraseField
                label="Passphrase again"
                value={confirmation}
                onChange={setConfirmation}
                autoComplete="new-password"
                invalidMessage={mismatch ? 'The two passphrases differ.' : undefined}
              />
            </>
          )}
          {talosconfigPath !== null && (
            <CheckboxField isSelected={importTalosconfig} onChange={setImportTalosconfig}>
              <CheckboxButton className="checkbox">
                <span className="checkbox-box" aria-hidden="true" />
                <span>
                  Import the contexts talosctl uses now
                  <span className="path-line">{talosconfigPath}</span>
                </span>
              </CheckboxButton>
            </CheckboxField>
          )}
          <div className="button-row">
            <Button type="submit" className="button button-primary" isDisabled={busy}>
              {busy ? 'Creating…' : keySource === 'keychain' ? 'Create vault with keychain' : 'Create vault'}
            </Button>
            {!keychainFailed && (
              <Button
                className="button button-link"
                onPress={() => {
                  setChosen(keySource === 'keychain' ? 'passphrase' : 'keychain');
                }}
              >
                {keySource === 'keychain' ? 'Use a passphrase instead' : 'Use the keychain instead'}
              </Button>
            )}
          </div>
        </Form>
      </div>
    </main>
  );
}
