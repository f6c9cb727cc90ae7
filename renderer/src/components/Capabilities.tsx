import { useMemo } from 'react';
import { capabilities } from '../lib/capabilities.js';

/**
 * "What can this do?": the Talos API methods the roles allow, by service, and the common talosctl commands
 * that will and will not work — each refused one with the role it would need (Talos 1.14's table).
 */
export function Capabilities({ roles }: { roles: readonly string[] }) {
  const { services, works, refused, everything } = useMemo(() => capabilities(roles), [roles]);
  const methodCount = services.reduce((sum, service) => sum + service.methods.length, 0);
  return (
    <div className="capabilities">
      <p>
        {roles.length === 0
          ? 'No roles: Talos refuses every call from this certificate.'
          : everything
            ? `${roles.join(', ')}: every Talos API method, including secrets and the machine configuration.`
            : `${roles.join(', ')}: ${methodCount} of the Talos API’s methods.`}
      </p>
      <div className="capability-columns">
        <section aria-labelledby="commands-work">
          <h3 id="commands-work">talosctl commands that will work</h3>
          {works.length === 0 ? (
            <p className="muted">None.</p>
          ) : (
            <ul className="command-list" aria-labelledby="commands-work">
              {works.map((verdict) => (
                <li key={verdict.command}>
                  <code>talosctl {verdict.command}</code>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="commands-refused">
          <h3 id="commands-refused">Will not work</h3>
          {refused.length === 0 ? (
            <p className="muted">None.</p>
          ) : (
            <ul className="command-list" aria-labelledby="commands-refused">
              {refused.map((verdict) => (
                <li key={verdict.command} title={verdict.reason}>
                  <code>talosctl {verdict.command}</code> <span className="needs">needs {verdict.needs}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <h3>API methods allowed, by service</h3>
      {services.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <div className="service-list">
          {services.map((service) => (
            <details key={service.service}>
              <summary>
                {service.service} <span className="group-count">{service.methods.length}</span>
              </summary>
              <ul className="method-list">
                {service.methods.map((method) => (
                  <li key={method}>
                    <code>{method}</code>
                  </li>
                ))}
              </ul>
            </details>
          ))}
        </div>
      )}
    </div>
  );
}
