import { useBackups, useRestoreBackup } from './hooks/use-vault-actions.js';
import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from './api/query-keys.js';
import { useContexts } from './hooks/use-contexts.js';
import { useTalosEvents } from './hooks/use-talos-events.js';
import { useVaultStatus } from './hooks/use-vault-status.js';
import { chooseScreen } from './lib/choose-screen.js';
import { FirstRunPage } from './pages/FirstRunPage.js';
import { UnlockPage } from './pages/UnlockPage.js';
import { ErrorScreen } from './screens/ErrorScreen.js';
import { AppShell } from './shell/AppShell.js';

export function App() {
  useTalosEvents();
  const client = useQueryClient();
  const status = useVaultStatus();
  const list = useContexts(status.data?.exists === true);
  const choice = chooseScreen(status, list);
  const restore = useRestoreBackup();
  const backups = useBackups(choice.screen === 'error' && choice.error.remedy === 'restore-backup');
  switch (choice.screen) {
    case 'loading':
      return (
        <main className="screen centered-screen" aria-busy="true">
          <p className="loading">Opening the vault…</p>
        </main>
      );
    case 'first-run':
      return <FirstRunPage talosconfigPath={choice.talosconfigPath} />;
    case 'unlock':
      return <UnlockPage keySource={choice.keySource} vaultPath={choice.vaultPath} />;
    case 'contexts':
      return <AppShell status={choice.status} items={choice.items} />;
    case 'error':
      return (
        <ErrorScreen
          error={choice.error}
          onRetry={() => {
            void client.invalidateQueries({ queryKey: queryKeys.all });
          }}
          onRestore={(backup) => {
            restore.mutate(backup);
          }}
          backups={backups.data ?? []}
          restoring={restore.isPending}
          restoreError={restore.error}
        />
      );
  }
}
