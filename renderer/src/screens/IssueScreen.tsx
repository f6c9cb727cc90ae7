import { useMemo, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import type { CaItem } from '../../../shared/contract/issuing-contract.js';
import type { ContextItem } from '../../../shared/contract/vault-contract.js';
import { isAdminEquivalent } from '../../../shared/roles/permissions.js';
import type { VaultSettings } from '../../../shared/vault/vault-document.js';
import type { TalosError } from '../api/bridge-types.js';
import { AccessPicker, accessRoles, initialAccess, type Access } from '../components/AccessPicker.js';
import { RadioChoices } from '../components/Choices.js';
import { DangerConfirm } from '../components/DangerConfirm.js';
import {
  DestinationFields,
  destinationProblem,
  initialDestination,
  type Destination,
} from '../components/DestinationFields.js';
import { ErrorBanner } from '../components/ErrorBanner.js';
import { LineField } from '../components/LineField.js';
import { PermissionPreview } from '../components/PermissionPreview.js';
import { TtlPicker, ttlSeconds, type TtlChoice } from '../components/TtlPicker.js';
import { parseAddressList } from '../lib/address-list.js';
import { initialTtlChoice } from '../lib/ttl-presets.js';

/** What the form asks the page to issue; the page picks the file (if any) and calls the service. */
export interface IssueRequest {
  ca: string;
  roles: string[];
  ttlSeconds: number;
  name: string | undefined;
  identity: string | undefined;
  endpoints: string[];
  nodes: string[];
  allowAdmin: boolean;
  destination: Destination;
}

export interface IssueScreenProps {
  cas: readonly CaItem[];
  items: readonly ContextItem[];
  settings: VaultSettings;
  busy: boolean;
  error: TalosError | null;
  onIssue: (request: IssueRequest) => void;
  onImportCa: () => void;
}

/** As talosctl names a new config: `reader@prod` for one role, else the cluster (TALOS.md). */
export function defaultContextName(roles: readonly string[], ca: string): string {
  const [only] = roles;
  return roles.length === 1 && only !== undefined ? `${only.replace(/^os:/, '')}@${ca}` : ca;
}

/** The endpoints and nodes of the cluster's first context: where a new config of that cluster points. */
function clusterAddresses(items: readonly ContextItem[], ca: string) {
  const member = items.find((item) => item.cluster === ca);
  return { endpoints: (member?.endpoints ?? []).join(', '), nodes: (member?.nodes ?? []).join(', ') };
}

function caOption(ca: CaItem) {
  return {
    value: ca.name,
    label: ca.name,
    description: `${ca.keyType} · SHA-256 ${ca.fingerprintSha256.slice(0, 16)}… · ${ca.contexts.length} contexts`,
  };
}

/** The issue wizard's form, beside a live preview of what the chosen roles can do. */
export function IssueScreen(props: IssueScreenProps) {
  const { cas, items, settings, busy, error, onIssue, onImportCa } = props;
  const [chosenCa, setCa] = useState('');
  // The first CA until one is chosen (a CA imported from here may be the first one).
  const ca = cas.some((entry) => entry.name === chosenCa) ? chosenCa : (cas[0]?.name ?? '');
  const [access, setAccess] = useState<Access>(initialAccess);
  const [ttl, setTtl] = useState<TtlChoice>(() =>
    initialTtlChoice(settings.defaultTtlSeconds, settings.maxTtlSeconds),
  );
  const [identity, setIdentity] = useState('');
  const [name, setName] = useState('');
  // Typed addresses per CA: choosing another cluster shows its own until the user edits them.
  const [typed, setTyped] = useState<Record<string, { endpoints: string; nodes: string }>>({});
  const [destination, setDestination] = useState<Destination>(initialDestination);
  const [confirmed, setConfirmed] = useState(false);

  const roles = useMemo(() => accessRoles(access), [access]);
  const addresses = typed[ca] ?? clusterAddresses(items, ca);
  const lifetime = ttlSeconds(ttl, settings.maxTtlSeconds);
  const dangerous = isAdminEquivalent(roles);
  const problem =
    ca === ''
      ? 'Choose a CA.'
      : roles.length === 0
        ? 'Choose at least one task or role.'
        : 'problem' in lifetime
          ? lifetime.problem
          : dangerous && !confirmed
            ? 'Confirm the dangerous roles.'
            : destinationProblem(destination);

  const setAddress = (field: 'endpoints' | 'nodes', value: string) => {
    setTyped((before) => ({ ...before, [ca]: { ...addresses, [field]: value } }));
  };
  const submit = (event: { preventDefault(): void }) => {
    event.preventDefault();
    if (problem !== null || 'problem' in lifetime) return;
    onIssue({
      ca,
      roles,
      ttlSeconds: lifetime.seconds,
      name: name.trim() === '' ? undefined : name.trim(),
      identity: identity.trim() === '' ? undefined : identity.trim(),
      endpoints: parseAddressList(addresses.endpoints),
      nodes: parseAddressList(addresses.nodes),
      allowAdmin: dangerous && confirmed,
      destination,
    });
  };

  return (
    <div className="screen page-screen">
      <header className="app-header">
        <h1 className="app-title">Issue a config</h1>
      </header>
      <div className="issue-layout">
        <Form className="issue-form" onSubmit={submit} aria-label="Issue a config">
          {error && <ErrorBanner error={error} />}
          <fieldset className="form-section">
            <legend>Signed by</legend>
            {cas.length === 0 ? (
              <p className="field-hint">No CA is stored yet: import the cluster’s OS CA to issue configs.</p>
            ) : (
              <RadioChoices label="CA" value={ca} onChange={setCa} options={cas.map(caOption)} />
            )}
            <Button className="button button-link align-start" onPress={onImportCa}>
              Import a CA…
            </Button>
          </fieldset>
          <AccessPicker access={access} onChange={setAccess} />
          <DangerConfirm roles={roles} confirmed={confirmed} onChange={setConfirmed} />
          <TtlPicker ttl={ttl} maxTtlSeconds={settings.maxTtlSeconds} onChange={setTtl} />
          <fieldset className="form-section">
            <legend>Names and addresses</legend>
            <LineField
              label="Context name"
              value={name}
              onChange={setName}
              placeholder={ca === '' ? '' : defaultContextName(roles, ca)}
              hint="Left empty, named as talosctl would."
            />
            <LineField
              label="Identity"
              value={identity}
              onChange={setIdentity}
              placeholder="optional, e.g. ada@example.com"
              hint="Kept in the certificate and the issuance log: who this config is for."
            />
            <LineField
              label="Endpoints"
              value={addresses.endpoints}
              onChange={(value) => {
                setAddress('endpoints', value);
              }}
              hint="Comma-separated; the cluster’s by default."
            />
            <LineField
              label="Nodes"
              value={addresses.nodes}
              onChange={(value) => {
                setAddress('nodes', value);
              }}
            />
          </fieldset>
          <DestinationFields destination={destination} onChange={setDestination} />
          <div className="form-actions">
            <Button type="submit" className="button button-primary" isDisabled={problem !== null || busy}>
              {busy ? 'Issuing…' : 'Issue config'}
            </Button>
            {problem !== null && <span className="field-hint">{problem}</span>}
          </div>
        </Form>
        <PermissionPreview roles={roles} />
      </div>
    </div>
  );
}
