import type { FoundFile } from '../../../shared/contract/sweep-contract.js';
import {
  foundExpiryWords,
  gitWords,
  inVaultWords,
  kindWords,
  needsImport,
  whyKept,
} from '../lib/sweep-words.js';
import { CheckOne } from './Choices.js';
import { RoleBadges } from './RoleBadges.js';

/** The shell quoting a user can paste: a path with a space or a quote still names one file. */
function shellQuoted(path: string): string {
  return /^[\w./~-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

/**
 * One file a scan found: what it is, who may read it, whether git has it, and for a talosconfig each
 * context with its roles, expiry and whether the vault holds it. Never any key material: the scan
 * result has none.
 */
export function FoundFileCard(props: {
  file: FoundFile;
  now: Date;
  selected: boolean;
  onSelect: (selected: boolean) => void;
}) {
  const { file, now } = props;
  const headingId = `found-${file.id}`;
  const git = gitWords(file.git, file.kind);
  const kept = whyKept(file);
  return (
    <li className="card found-file" aria-labelledby={headingId}>
      <div className="found-head">
        <h3 id={headingId} className="mono breakable">
          {file.path}
        </h3>
        {file.talosctlFile && <span className="badge badge-current">talosctl’s file</span>}
      </div>
      <p className="found-kind">
        {kindWords[file.kind]} · mode <span className="mono">{file.mode}</span>
        {!git.danger && ` · ${git.label.charAt(0).toLowerCase()}${git.label.slice(1)}`}
      </p>
      {file.readableByOthers && (
        <p className="found-warning">
          <strong>Readable by other users.</strong> Anyone on this computer can copy it: run{' '}
          <code className="mono">chmod 600 {shellQuoted(file.path)}</code>, or remove it once the vault holds
          it.
        </p>
      )}
      {git.danger ? (
        <p className="found-danger">
          <strong>{git.label}.</strong> {git.advice}
        </p>
      ) : (
        git.advice !== null && <p className="found-git">{git.advice}</p>
      )}
      {file.contexts.length > 0 && (
        <table className="found-contexts">
          <caption className="visually-hidden">Contexts in {file.path}</caption>
          <thead>
            <tr>
              <th scope="col">Context</th>
              <th scope="col">Roles</th>
              <th scope="col">Expiry</th>
              <th scope="col">Vault</th>
            </tr>
          </thead>
          <tbody>
            {file.contexts.map((context) => {
              const expiry = foundExpiryWords(context, now);
              return (
                <tr key={context.name}>
                  <th scope="row" className="mono breakable">
                    {context.name}
                  </th>
                  <td>
                    <RoleBadges roles={context.roles} />
                  </td>
                  <td className={`tone-${expiry.tone}`}>{expiry.text}</td>
                  <td className={context.inVault === true ? 'found-held' : 'found-not-held'}>
                    {inVaultWords(context.inVault)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="found-foot">
        {needsImport(file) && (
          <CheckOne isSelected={props.selected} onChange={props.onSelect}>
            Select for import <span className="visually-hidden">{file.path}</span>
          </CheckOne>
        )}
        <p className="muted">{kept ?? 'The vault holds all of it: its plaintext copy can be removed.'}</p>
      </div>
    </li>
  );
}
