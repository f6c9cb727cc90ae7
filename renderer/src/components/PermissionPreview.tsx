import { useMemo } from 'react';
import { isAdminEquivalent, allowedMethods } from '../../../shared/roles/permissions.js';
import { permissionTable } from '../../../shared/roles/permissions-table.js';
import { taskDecisions } from '../../../shared/roles/tasks.js';
import { RoleBadges } from './RoleBadges.js';

/**
 * "What this config can do", from the permission table itself (shared/roles): each task allowed or not as
 * Talos would decide its calls, and the API methods the roles may call. Recomputed as roles change.
 */
export function PermissionPreview({ roles }: { roles: readonly string[] }) {
  const decisions = useMemo(() => taskDecisions(roles), [roles]);
  const methods = useMemo(() => allowedMethods(roles), [roles]);
  const admin = isAdminEquivalent(roles);
  return (
    <section className="preview" aria-labelledby="preview-heading" aria-live="polite">
      <h2 id="preview-heading">What this config can do</h2>
      <RoleBadges roles={roles} />
      {roles.length === 0 ? (
        <p className="preview-empty">
          No roles yet: Talos refuses every call from a certificate without roles.
        </p>
      ) : (
        <>
          <ul className="preview-tasks" aria-label="Tasks">
            {decisions.map(({ task, allowed, reason }) => (
              <li key={task.id} className={allowed ? 'task-allowed' : 'task-denied'} title={reason}>
                <span className="task-mark" aria-hidden="true">
                  {allowed ? '✓' : '✕'}
                </span>
                <span>
                  {task.label}
                  <span className="visually-hidden">{allowed ? ': allowed' : ': not allowed'}</span>
                </span>
              </li>
            ))}
          </ul>
          <p className="preview-count">
            {methods.length} of {permissionTable.length} API methods
            {admin && ', and every method without a rule'}
          </p>
          <details className="preview-methods">
            <summary>API methods these roles may call</summary>
            <ul aria-label="Allowed API methods">
              {methods.map((method) => (
                <li key={method}>
                  <code>{method}</code>
                </li>
              ))}
            </ul>
          </details>
        </>
      )}
    </section>
  );
}
