import type { Status } from '../../../shared/contract/vault-contract.js';
import { PageError, PageLoading } from '../components/PageStates.js';
import { useChangeSettings, useRekey, useSettings } from '../hooks/use-settings.js';
import { SettingsScreen } from '../screens/SettingsScreen.js';

export function SettingsPage({ status }: { status: Status }) {
  const settings = useSettings();
  const change = useChangeSettings();
  const rekey = useRekey();
  if (settings.error) return <PageError title="Settings" error={settings.error} />;
  if (settings.data === undefined) return <PageLoading title="Settings" what="Loading the settings…" />;
  return (
    <SettingsScreen
      status={status}
      settings={settings.data}
      saving={change.isPending}
      saved={change.isSuccess}
      error={change.error}
      onSave={(set) => {
        change.mutate(set);
      }}
      keySource={status.keySource}
      rekeying={rekey.isPending}
      rekeyError={rekey.error}
      onRekey={(args) => {
        rekey.mutate(args);
      }}
    />
  );
}
