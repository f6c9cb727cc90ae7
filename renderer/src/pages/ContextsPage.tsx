import type { ContextItem, Status } from '../../../shared/contract/vault-contract.js';
import { useLockVault, useSwitchContext } from '../hooks/use-vault-actions.js';
import { ContextsScreen } from '../screens/ContextsScreen.js';

/** The list with its two actions wired to the vault. */
export function ContextsPage({ status, items }: { status: Status; items: ContextItem[] }) {
  const switchContext = useSwitchContext();
  const lockVault = useLockVault();
  return (
    <ContextsScreen
      status={status}
      items={items}
      now={new Date()}
      switching={switchContext.isPending ? switchContext.variables : null}
      switchError={switchContext.error ?? lockVault.error}
      onSwitch={(name) => {
        switchContext.mutate(name);
      }}
      onDismissError={() => {
        switchContext.reset();
        lockVault.reset();
      }}
      onLock={() => {
        lockVault.mutate(undefined);
      }}
    />
  );
}
