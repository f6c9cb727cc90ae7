import { useState } from 'react';
import { Button, FieldError, Form, Input, Label, TextField } from 'react-aria-components';
import type { Status } from '../../../shared/contract/vault-contract.js';
import type { VaultSettings } from '../../../shared/vault/vault-document.js';
import type { TalosError } from '../api/bridge-types.js';
import { CheckOne, RadioChoices } from '../components/Choices.js';
import { ErrorBanner } from '../components/ErrorBanner.js';
import { changeOf, draftOf, type SettingsDraft } from '../lib/settings-form.js';
import { KeySourcePanel, type KeySourcePanelProps } from './KeySourcePanel.js';

export interface SettingsScreenProps extends KeySourcePanelProps {
  status: Status;
  settings: VaultSettings;
  saving: boolean;
  saved: boolean;
  error: TalosError | null;
  onSave: (change: Partial<VaultSettings>) => void;
}

function DraftField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  problem: string | undefined;
  hint: string;
}) {
  return (
    <TextField
      className="field field-narrow"
      value={props.value}
      onChange={props.onChange}
      isInvalid={props.problem !== undefined}
    >
      <Label>{props.label}</Label>
      <Input className="text-input" />
      <span className="field-hint">{props.hint}</span>
      <FieldError className="field-error">{props.problem}</FieldError>
    </TextField>
  );
}

/** Every vault setting on one page; saved together, checked here and again by the service. */
export function SettingsScreen(props: SettingsScreenProps) {
  const { status, settings, saving, saved, error, onSave } = props;
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(settings));
  const checked = changeOf(draft);
  const problems = 'problems' in checked ? checked.problems : {};
  const edit = (change: Partial<SettingsDraft>) => {
    setDraft((before) => ({ ...before, ...change }));
  };
  return (
    <div className="screen page-screen">
      <header className="app-header">
        <h1 className="app-title">Settings</h1>
      </header>
      <div className="page-body">
        <KeySourcePanel {...props} />
        <Form
          className="page-form"
          aria-label="Settings"
          onSubmit={(event) => {
            event.preventDefault();
            if ('change' in checked) onSave(checked.change);
          }}
        >
          {error && <ErrorBanner error={error} />}
          <fieldset className="form-section">
            <legend>talosctl’s file</legend>
            <p className="path-line">
              {status.talosconfig.path} <span className="field-hint">({status.talosconfig.source})</span>
            </p>
            <RadioChoices
              label="What it holds"
              value={draft.targetMode}
              onChange={(value) => {
                edit({ targetMode: value === 'all' ? 'all' : 'active' });
              }}
              options={[
                {
                  value: 'active',
                  label: 'Only the current context',
                  description: 'At most one credential in plaintext.',
                },
                {
                  value: 'all',
                  label: 'Every context in the vault',
                  description: 'talosctl can switch by itself.',
                },
              ]}
            />
            <RadioChoices
              label="Contexts in it that the vault does not know"
              value={draft.foreignContexts}
              onChange={(value) => {
                edit({ foreignContexts: value === 'backup' ? 'backup' : 'import' });
              }}
              options={[
                { value: 'import', label: 'Import them into the vault' },
                { value: 'backup', label: 'Keep a backup of the file, then overwrite it' },
              ]}
            />
          </fieldset>
          <fieldset className="form-section">
            <legend>Certificates</legend>
            <DraftField
              label="Warn before expiry (days)"
              value={draft.expiryWarningDays}
              onChange={(expiryWarningDays) => {
                edit({ expiryWarningDays });
              }}
              problem={problems.expiryWarningDays}
              hint="A fresh short-lived certificate is not warned about before a third of its life."
            />
            <DraftField
              label="Default lifetime"
              value={draft.defaultTtl}
              onChange={(defaultTtl) => {
                edit({ defaultTtl });
              }}
              problem={problems.defaultTtl}
              hint="For issued configs and signed requests."
            />
            <DraftField
              label="Maximum lifetime"
              value={draft.maxTtl}
              onChange={(maxTtl) => {
                edit({ maxTtl });
              }}
              problem={problems.maxTtl}
              hint="Nothing longer is issued or signed."
            />
            <DraftField
              label="Longest elevation"
              value={draft.elevateMax}
              onChange={(elevateMax) => {
                edit({ elevateMax });
              }}
              problem={problems.elevateMax}
              hint="Elevations default to 15 minutes; never above 24h."
            />
            <CheckOne
              isSelected={draft.autoRenew}
              onChange={(autoRenew) => {
                edit({ autoRenew });
              }}
            >
              Renew due credentials automatically (at start and hourly, with the CA stored here; never
              os:admin or os:impersonator)
            </CheckOne>
          </fieldset>
          <fieldset className="form-section">
            <legend>Locking</legend>
            <DraftField
              label="Lock after idle"
              value={draft.autoLock}
              onChange={(autoLock) => {
                edit({ autoLock });
              }}
              problem={problems.autoLock}
              hint="e.g. 15m, or off. Screen lock and sleep always lock."
            />
            <CheckOne
              isSelected={draft.clearTalosconfigOnLock}
              onChange={(clearTalosconfigOnLock) => {
                edit({ clearTalosconfigOnLock });
              }}
            >
              Empty talosctl’s file when the vault locks
            </CheckOne>
          </fieldset>
          <fieldset className="form-section">
            <legend>Appearance</legend>
            <RadioChoices
              label="Theme"
              orientation="horizontal"
              value={draft.theme}
              onChange={(value) => {
                edit({ theme: value === 'light' || value === 'dark' ? value : 'system' });
              }}
              options={[
                { value: 'system', label: 'As the system' },
                { value: 'light', label: 'Light' },
                { value: 'dark', label: 'Dark' },
              ]}
            />
          </fieldset>
          <div className="form-actions">
            <Button
              type="submit"
              className="button button-primary"
              isDisabled={'problems' in checked || saving}
            >
              {saving ? 'Saving…' : 'Save settings'}
            </Button>
            {saved && (
              <span className="field-hint" role="status">
                Saved.
              </span>
            )}
          </div>
        </Form>
      </div>
    </div>
  );
}
