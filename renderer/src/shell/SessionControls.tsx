import { useEffect } from 'react';
import { Button } from 'react-aria-components';
import { useIdleLock, useLockSession } from '../hooks/use-session.js';
import { useSettings } from '../hooks/use-settings.js';
import { applyTheme } from '../lib/theme.js';

/**
 * What the unlocked app does for the session wherever the user is: the Lock button, the idle lock, and the
 * theme from the settings.
 */
export function SessionControls() {
  const settings = useSettings();
  const lock = useLockSession();
  const theme = settings.data?.theme;
  useEffect(() => {
    if (theme !== undefined) applyTheme(theme);
  }, [theme]);
  useIdleLock(settings.data?.autoLockSeconds ?? 0, () => {
    lock.mutate(undefined);
  });
  return (
    <div className="sidebar-end">
      <Button
        className="button sidebar-lock"
        onPress={() => {
          lock.mutate(undefined);
        }}
        isDisabled={lock.isPending}
      >
        Lock vault
      </Button>
    </div>
  );
}
