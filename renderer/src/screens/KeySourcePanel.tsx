import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import type { KeySource, TalosError } from '../api/bridge-types.js';
import { ErrorBanner } from '../components/ErrorBanner.js';
import { PassphraseField } from '../components/PassphraseField.js';

export interface KeySourcePanelProps {
  keySource: KeySource | null;
  rekeying: boolean;
  rekeyError: TalosError | null;
  onRekey: (args: { keySource: KeySource; passphrase?: string }) => void;
}

/** Where the vault key lives, and the move to the other source (a rekey of the vault and its backups). */
export function KeySourcePanel({ keySource, rekeying, rekeyError, onRekey }: KeySourcePanelProps) {
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const target: KeySource = keySource === 'keychain' ? 'passphrase' : 'keychain';
  const mismatch = again !== '' && again !== passphrase;
  return (
    <Form
      className="form-section page-form"
      aria-label="Vault key"
      onSubmit={(event) => {
        event.preventDefault();
        onRekey(target === 'passphrase' ? { keySource: target, passphrase } : { keySource: target });
      }}
    >
      <h2>Vault key</h2>
      <p className="panel-lead">
        {keySource === 'keychain'
          ? 'The vault key is kept in the system keychain: the vault opens with one click.'
          : 'The vault key is derived from a passphrase, asked at every unlock.'}
      </p>
      {rekeyError && <ErrorBanner error={rekeyError} />}
      {target === 'passphrase' && (
        <>
          <PassphraseField
            label="New passphrase"
            value={passphrase}
            onChange={setPassphrase}
            autoComplete="new-password"
          />
          <PassphraseField
            label="New passphrase again"
            value={again}
            onChange={setAgain}
            autoComplete="new-password"
            invalidMessage={mismatch ? 'The two passphrases differ.' : undefined}
          />
        </>
      )}
      <Button
        type="submit"
        className="button align-start"
        isDisabled={rekeying || (target === 'passphrase' && (passphrase === '' || passphrase !== again))}
      >
        {target === 'passphrase'
          ? 'Protect with a passphrase instead'
          : 'Keep the key in the keychain instead'}
      </Button>
    </Form>
  );
}
