import { useInitVault } from '../hooks/use-vault-actions.js';
import { FirstRunScreen } from '../screens/FirstRunScreen.js';

export function FirstRunPage({ talosconfigPath }: { talosconfigPath: string | null }) {
  const init = useInitVault();
  return (
    <FirstRunScreen
      talosconfigPath={talosconfigPath}
      busy={init.isPending}
      error={init.error}
      onCreate={(args) => {
        init.mutate(args);
      }}
    />
  );
}
