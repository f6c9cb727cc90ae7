import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import type { CaItem } from '../../../shared/contract/issuing-contract.js';
import { isAdminEquivalent } from '../../../shared/roles/permissions.js';
import type { VaultSettings } from '../../../shared/vault/vault-document.js';
import { CheckChoices, RadioChoices } from '../components/Choices.js';
import { DangerConfirm } from '../components/DangerConfirm.js';
import { ErrorBanner } from '../components/ErrorBanner.js';
import { PermissionPreview } from '../components/PermissionPreview.js';
import { TtlPicker, ttlSeconds, type TtlChoice } from '../components/TtlPicker.js';
import { useReadRequest, useSignRequest } from '../hooks/use-issuing.js';
import { pickOpenFile, pickSaveFile } from '../hooks/use-pick-file.js';
import { instantWithRelative } from '../lib/instant-words.js';
import { initialTtlChoice } from '../lib/ttl-presets.js';

/**
 * "Sign a request": shows who asks for which roles, lets the signer narrow them and the lifetime, and saves
 * the certificate (no key: the requester kept theirs). It signs exactly the request it showed.
 */
export function SignRequestPanel({ cas, settings }: { cas: readonly CaItem[]; settings: VaultSettings }) {
  const read = useReadRequest();
  const sign = useSignRequest();
  const [fileName, setFileName] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [chosenCa, setCa] = useState('');
  const ca = cas.some((entry) => entry.name === chosenCa) ? chosenCa : (cas[0]?.name ?? '');
  const [ttl, setTtl] = useState<TtlChoice>(() =>
    initialTtlChoice(settings.defaultTtlSeconds, settings.maxTtlSeconds),
  );
  const [confirmed, setConfirmed] = useState(false);
  const lifetime = ttlSeconds(ttl, settings.maxTtlSeconds);
  const request = read.data;

  const open = async () => {
    const picked = await pickOpenFile('Open a certificate request', 'csr');
    if (picked === null) return;
    sign.reset();
    setFileName(picked.name);
    read.mutate(
      { csr: { kind: 'picked', token: picked.token } },
      {
        onSuccess: (info) => {
          setRoles(info.roles);
        },
      },
    );
  };
  const submit = async () => {
    if (request === undefined || 'problem' in lifetime) return;
    const base = fileName.replace(/\.(csr|pem)$/i, '');
    const picked = await pickSaveFile('Save the signed certificate', `${base}.crt`, 'crt');
    if (picked === null) return;
    sign.mutate({
      ca,
      csr: { kind: 'pem', pem: request.csrPem, source: fileName },
      roles,
      ttlSeconds: lifetime.seconds,
      allowAdmin: isAdminEquivalent(roles) && confirmed,
      output: { kind: 'picked', token: picked.token },
    });
  };

  const error = sign.error ?? read.error;
  return (
    <div className="stack">
      {error && <ErrorBanner error={error} />}
      <div className="file-row">
        <Button className="button" onPress={() => void open()}>
          Open a request…
        </Button>
        <span className="file-name">{fileName === '' ? 'No request opened' : fileName}</span>
      </div>
      {sign.data && (
        <div className="success-box" role="status">
          <p>
            Signed {sign.data.roles.join(', ')} until {instantWithRelative(sign.data.notAfter, new Date())};
            the certificate is saved to {sign.data.path}. Send it back to the requester.
          </p>
        </div>
      )}
      {request && !sign.data && (
        <div className="issue-layout embedded">
          <Form
            className="issue-form"
            aria-label="Sign the request"
            onSubmit={(event) => {
              event.preventDefault();
              void submit();
            }}
          >
            <fieldset className="form-section">
              <legend>The request</legend>
              <dl className="facts">
                <div>
                  <dt>Asked by</dt>
                  <dd>{request.commonName ?? 'no name given'}</dd>
                </div>
                <div>
                  <dt>Roles asked for</dt>
                  <dd>{request.roles.join(', ')}</dd>
                </div>
                <div>
                  <dt>Key</dt>
                  <dd>{request.keyType}</dd>
                </div>
              </dl>
              <CheckChoices
                label="Roles to grant"
                hint="Only roles the request asked for; untick to narrow."
                options={request.roles.map((role) => ({ value: role, label: <code>{role}</code> }))}
                value={roles}
                onChange={setRoles}
              />
            </fieldset>
            <fieldset className="form-section">
              <legend>Signed by</legend>
              <RadioChoices
                label="CA"
                value={ca}
                onChange={setCa}
                options={cas.map((entry) => ({ value: entry.name, label: entry.name }))}
              />
            </fieldset>
            <DangerConfirm roles={roles} confirmed={confirmed} onChange={setConfirmed} />
            <TtlPicker ttl={ttl} maxTtlSeconds={settings.maxTtlSeconds} onChange={setTtl} />
            <div className="form-actions">
              <Button
                type="submit"
                className="button button-primary"
                isDisabled={
                  ca === '' ||
                  roles.length === 0 ||
                  'problem' in lifetime ||
                  (isAdminEquivalent(roles) && !confirmed) ||
                  sign.isPending
                }
              >
                Sign and save certificate…
              </Button>
            </div>
          </Form>
          <PermissionPreview roles={roles} />
        </div>
      )}
    </div>
  );
}
