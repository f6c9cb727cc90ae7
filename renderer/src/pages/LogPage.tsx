import { PageError, PageLoading } from '../components/PageStates.js';
import { useExportLog, useIssuanceLog } from '../hooks/use-issuing.js';
import { pickSaveFile } from '../hooks/use-pick-file.js';
import { LogScreen } from '../screens/LogScreen.js';

export function LogPage() {
  const log = useIssuanceLog();
  const exportLog = useExportLog();
  if (log.error) return <PageError title="Issuance log" error={log.error} />;
  if (log.data === undefined) return <PageLoading title="Issuance log" what="Loading the log…" />;
  const save = async (search: string) => {
    const picked = await pickSaveFile('Export the issuance log', 'issuance-log.csv', 'csv');
    if (picked === null) return;
    exportLog.mutate({ search, output: { kind: 'picked', token: picked.token } });
  };
  return (
    <LogScreen
      log={log.data}
      exporting={exportLog.isPending}
      exported={exportLog.data ?? null}
      error={exportLog.error}
      onExport={(search) => {
        void save(search);
      }}
    />
  );
}
