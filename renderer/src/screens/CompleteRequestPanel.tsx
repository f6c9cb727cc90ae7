import { Button } from 'react-aria-components';
import { ErrorBanner } from '../components/ErrorBanner.js';
import { RoleBadges } from '../components/RoleBadges.js';
import { useAcceptCertificate } from '../hooks/use-issuing.js';
import { pickOpenFile } from '../hooks/use-pick-file.js';

/** "Complete a request": the certificate that came back joins its key in the vault, as a context. */
export function CompleteRequestPanel() {
  const accept = useAcceptCertificate();
  const open = async () => {
    const picked = await pickOpenFile('Open the signed certificate', 'crt');
    if (picked === null) return;
    accept.mutate({ cert: { kind: 'picked', token: picked.token } });
  };
  return (
    <div className="stack">
      <p className="field-hint">
        Open the certificate the CA holder sent back; it is matched to the waiting request by its key.
      </p>
      {accept.error && <ErrorBanner error={accept.error} />}
      <Button className="button align-start" onPress={() => void open()} isDisabled={accept.isPending}>
        Open the certificate…
      </Button>
      {accept.data && (
        <div className="success-box" role="status">
          <p>
            The request {accept.data.request} is complete: the vault holds it as {accept.data.storedAs}.
          </p>
          <RoleBadges roles={accept.data.item.cert?.roles ?? []} />
        </div>
      )}
    </div>
  );
}
