import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import type { KeySource, TalosError } from '../api/bridge-types.js';
import { ErrorBanner } from '../components/ErrorBanner.js';
import { PassphraseField } from '../components/PassphraseField.js';

export interface UnlockScreenProps {
  /** null when the vault's key source could not be read: the passphrase form is offered. */
  keySource: KeySource | null;
  vaultPath: string | null;
  busy: boolean;
  error: TalosError | null;
  onUnlock: (passphrase: string | undefined) => void;
}

export function UnlockScreen({ keySource, vaultPath, busy, error, onUnlock }: UnlockScreenProps) {
  const [passphrase, setPassphrase] = useState('');
  const usesKeychain = keySource === 'keychain';
  const submit = (event: { preventDefault(): void }) => {
    event.preventDefault();
    onUnlock(usesKeychain ? undefined : passphrase);
  };
  return (
    <main className="screen centered-screen">
      <div className="panel">
        <h1>Unlock the vault</h1>
        <p className="panel-lead">
          {usesKeychain
            ? 'The vault key is in your system keychain.'
            : 'This vault is protected by a passphrase.'}
          {vaultPath !== null && <span className="path-line">{vaultPath}</span>}
        </p>
        {error && <ErrorBanner error={error} />}
        <Form onSubmit={submit} className="stack">
          {!usesKeychain && (
            <PassphraseField
              label="Passphrase"
              value={passphrase}
              onChange={setPassphrase}
              autoComplete="current-password"
              autoFocus
            />
          )}
          <Button type="submit" className="button button-primary" isDisabled={busy}>
            {busy ? 'Unlocking…' : 'Unlock'}
          </Button>
        </Form>
      </div>
    </main>
  );
}
