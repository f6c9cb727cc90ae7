import { knownRoles, roleCatalog } from '../../../shared/roles/catalog.js';
import { rolesForTasks, tasks } from '../../../shared/roles/tasks.js';
import { CheckChoices, RadioChoices } from './Choices.js';

export interface Access {
  by: 'tasks' | 'roles';
  tasks: string[];
  roles: string[];
}

export const initialAccess: Access = { by: 'tasks', tasks: ['observe'], roles: ['os:reader'] };

/** The roles an access choice stands for: the least-privilege set for the tasks, or the roles ticked. */
export function accessRoles(access: Access): string[] {
  return access.by === 'tasks' ? rolesForTasks(access.tasks) : access.roles;
}

const taskOptions = tasks.map((task) => ({ value: task.id, label: task.label }));
const roleOptions = knownRoles.map((role) => ({
  value: role,
  label: <code>{role}</code>,
  description: roleCatalog.find((info) => info.role === role)?.description,
}));

/** Access by tasks (proposing the smallest role set) or by roles, as the user prefers. */
export function AccessPicker({ access, onChange }: { access: Access; onChange: (access: Access) => void }) {
  return (
    <fieldset className="form-section">
      <legend>Access</legend>
      <RadioChoices
        label="Choose access by"
        orientation="horizontal"
        value={access.by}
        onChange={(by) => {
          // Switching to roles starts from what the tasks proposed, so nothing silently widens.
          onChange(
            by === 'roles' ? { ...access, by, roles: accessRoles(access) } : { ...access, by: 'tasks' },
          );
        }}
        options={[
          { value: 'tasks', label: 'Tasks' },
          { value: 'roles', label: 'Roles' },
        ]}
      />
      {access.by === 'tasks' ? (
        <CheckChoices
          label="What will this config be used for?"
          hint="The smallest set of roles that allows every ticked task is proposed."
          options={taskOptions}
          value={access.tasks}
          onChange={(chosen) => {
            onChange({ ...access, tasks: chosen });
          }}
        />
      ) : (
        <CheckChoices
          label="Roles"
          options={roleOptions}
          value={access.roles}
          onChange={(roles) => {
            onChange({ ...access, roles });
          }}
        />
      )}
    </fieldset>
  );
}
