import type { KeySource } from '../api/bridge-types.js';
import { useUnlock } from '../hooks/use-vault-actions.js';
import { UnlockScreen } from '../screens/UnlockScreen.js';

export function UnlockPage({
  keySource,
  vaultPath,
}: {
  keySource: KeySource | null;
  vaultPath: string | null;
}) {
  const unlock = useUnlock();
  return (
    <UnlockScreen
      keySource={keySource}
      vaultPath={vaultPath}
      busy={unlock.isPending}
      error={unlock.error}
      onUnlock={(passphrase) => {
        unlock.mutate(passphrase);
      }}
    />
  );
}
