import { useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import type { ContextItem, Status } from '../../../shared/contract/vault-contract.js';
import { ErrorBanner } from '../components/ErrorBanner.js';
import { usePendingRemoval } from '../hooks/use-pending-removal.js';
import { useSwitchContext } from '../hooks/use-vault-actions.js';
import { ContextsScreen } from '../screens/ContextsScreen.js';
import { useShellActions } from '../shell/shell-actions.js';
import { ContextDetailPage } from './ContextDetailPage.js';

/** The list, a context's detail, and a removal that can be undone for a while, wired to the vault. */
export function ContextsPage({ status, items }: { status: Status; items: ContextItem[] }) {
  const switchContext = useSwitchContext();
  const removal = usePendingRemoval();
  const shell = useShellActions();
  const [open, setOpen] = useState<string | null>(null);
  const shown = useMemo(
    () => (removal.pending === null ? items : items.filter((item) => item.name !== removal.pending)),
    [items, removal.pending],
  );
  const notice = (
    <>
      {removal.pending !== null && (
        <div className="notice undo-notice" role="status">
          <span>
            Removed <strong>{removal.pending}</strong>.
          </span>
          <Button className="button" onPress={removal.undo}>
            Undo
          </Button>
          <Button className="button button-quiet" onPress={removal.removeNow}>
            Dismiss
          </Button>
        </div>
      )}
      {removal.error && <ErrorBanner error={removal.error} onDismiss={removal.dismissError} />}
    </>
  );
  const detail = open === null ? undefined : shown.find((item) => item.name === open);
  if (detail !== undefined) {
    return (
      <ContextDetailPage
        key={detail.name}
        item={detail}
        status={status}
        items={shown}
        onBack={() => {
          setOpen(null);
        }}
        onRenamed={setOpen}
        onRemove={(name) => {
          removal.schedule(name);
          setOpen(null);
        }}
      />
    );
  }
  return (
    <ContextsScreen
      status={status}
      items={shown}
      now={new Date()}
      switching={switchContext.isPending ? switchContext.variables : null}
      switchError={switchContext.error}
      onSwitch={(name) => {
        switchContext.mutate(name);
      }}
      onDismissError={() => {
        switchContext.reset();
      }}
      onOpen={setOpen}
      onImport={() => {
        shell.goTo('import');
      }}
      notice={notice}
    />
  );
}
