/** Roles that can read secrets or act as anyone: shown so they cannot be missed (TALOS.md roles). */
const powerfulRoles = new Set(['os:admin', 'os:impersonator']);

export function RoleBadges({ roles }: { roles: readonly string[] }) {
  if (roles.length === 0) return <span className="badge badge-none">no roles</span>;
  return (
    <ul className="role-badges" aria-label="Roles">
      {roles.map((role) => (
        <li key={role} className={powerfulRoles.has(role) ? 'badge badge-powerful' : 'badge'}>
          {role}
        </li>
      ))}
    </ul>
  );
}
