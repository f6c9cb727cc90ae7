import { Button } from 'react-aria-components';
import type { FoundFile } from '../../../shared/contract/sweep-contract.js';
import { ActionDialog } from './ActionDialog.js';

/**
 * The confirmation before plaintext copies are deleted: it names every file, and its safe choice
 * (Cancel, Escape, a click outside) keeps them all. Deleting is not undone: the vault keeps the contexts.
 */
export function RemoveFoundDialog(props: {
  files: readonly FoundFile[];
  isOpen: boolean;
  removing: boolean;
  onRemove: () => void;
  onClose: () => void;
}) {
  const count = props.files.length;
  return (
    <ActionDialog
      title={`Remove ${count} plaintext ${count === 1 ? 'copy' : 'copies'}?`}
      isOpen={props.isOpen}
      onClose={props.onClose}
    >
      <div className="stack">
        <p className="dialog-lead">
          The vault holds every context of {count === 1 ? 'this file' : 'these files'}, identically. Deleting{' '}
          {count === 1 ? 'it' : 'them'} cannot be undone; the contexts stay in the vault.
        </p>
        <ul className="remove-list" aria-label="Files to delete">
          {props.files.map((file) => (
            <li key={file.id} className="mono breakable">
              {file.path}
            </li>
          ))}
        </ul>
        <div className="button-row">
          <Button className="button button-danger" isDisabled={props.removing} onPress={props.onRemove}>
            {props.removing ? 'Removing…' : `Delete ${count === 1 ? 'the file' : `${count} files`}`}
          </Button>
          <Button className="button button-quiet" onPress={props.onClose} autoFocus>
            Cancel
          </Button>
        </div>
      </div>
    </ActionDialog>
  );
}
