import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { AccessPicker, accessRoles, initialAccess, type Access } from '../components/AccessPicker.js';
import { ErrorBanner } from '../components/ErrorBanner.js';
import { LineField } from '../components/LineField.js';
import { PermissionPreview } from '../components/PermissionPreview.js';
import { useCreateRequest } from '../hooks/use-issuing.js';
import { pickSaveFile } from '../hooks/use-pick-file.js';

/**
 * "Request access": a key made and kept in the vault, and a certificate request for the roles wanted,
 * saved for whoever holds the cluster's CA. The key never travels.
 */
export function RequestAccessPanel() {
  const [name, setName] = useState('');
  const [access, setAccess] = useState<Access>(initialAccess);
  const create = useCreateRequest();
  const roles = accessRoles(access);

  const submit = async () => {
    const picked = await pickSaveFile('Save the certificate request', `${name.trim()}.csr`, 'csr');
    if (picked === null) return;
    create.mutate({ name: name.trim(), roles, output: { kind: 'picked', token: picked.token } });
  };

  if (create.data) {
    return (
      <div className="success-box" role="status">
        <p>
          The key for {create.data.name} stays in the vault. The request ({create.data.roles.join(', ')}) is
          saved to {create.data.path}: send it to whoever holds the cluster’s CA, then complete the request
          with the certificate they return.
        </p>
      </div>
    );
  }
  return (
    <div className="issue-layout embedded">
      <Form
        className="issue-form"
        aria-label="Request access"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {create.error && <ErrorBanner error={create.error} />}
        <LineField
          label="Context name"
          value={name}
          onChange={setName}
          placeholder="reader@prod"
          hint="The name the context will have once the certificate comes back."
        />
        <AccessPicker access={access} onChange={setAccess} />
        <div className="form-actions">
          <Button
            type="submit"
            className="button button-primary"
            isDisabled={name.trim() === '' || roles.length === 0 || create.isPending}
          >
            Create request and save…
          </Button>
        </div>
      </Form>
      <PermissionPreview roles={roles} />
    </div>
  );
}
