import { roleCatalog } from '../../../shared/roles/catalog.js';
import { CheckOne } from './Choices.js';

/** Why each admin-equivalent role is dangerous, in the words a confirmation must carry (TALOS.md "Roles"). */
const why: Readonly<Record<string, string>> = {
  'os:admin':
    'os:admin can do anything on the cluster: read every secret and the machine configuration, reset and wipe nodes, and issue more credentials.',
  'os:impersonator':
    'os:impersonator may claim any role on each request, os:admin included: treat it as admin.',
};

/**
 * The explicit confirmation os:admin and os:impersonator need (the service refuses them without it). Since
 * Talos cannot revoke, it also says the credential works until it expires.
 */
export function DangerConfirm(props: {
  roles: readonly string[];
  confirmed: boolean;
  onChange: (confirmed: boolean) => void;
}) {
  const powerful = roleCatalog.filter((info) => info.adminEquivalent && props.roles.includes(info.role));
  if (powerful.length === 0) return null;
  return (
    <div className="danger-box" role="group" aria-label="Dangerous roles">
      {powerful.map((info) => (
        <p key={info.role}>{why[info.role] ?? info.description}</p>
      ))}
      <p>Talos cannot revoke a certificate: it works until it expires, so keep the lifetime short.</p>
      <CheckOne isSelected={props.confirmed} onChange={props.onChange}>
        I understand: issue {powerful.map((info) => info.role).join(' and ')}
      </CheckOne>
    </div>
  );
}
