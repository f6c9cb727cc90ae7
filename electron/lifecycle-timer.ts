import type { ServiceSet } from './service/create-services.js';
import { UserError } from '../shared/user-error.js';

export interface LifecycleTimerOptions {
  /** How often ended elevations are looked for; an elevation outlives its end by at most this. */
  elevationCheckMs?: number;
  /** How often due contexts are renewed when the `autoRenew` setting is on. */
  renewalCheckMs?: number;
}

export interface LifecycleTimer {
  /** One round now: what the timers do, for the start of the app and for tests. */
  tick(options?: { renew: boolean }): Promise<void>;
  stop(): void;
}

/**
 * The app's side of the credential lifecycle (DESIGN.md "Lifecycle"): ends expired elevations (switching
 * talosctl back) and, with `autoRenew` on, renews due renewable contexts at start and hourly. Only while
 * the vault is unlocked: a timer never asks for a passphrase or the keychain. A failure waits for the next
 * round (the UI shows the vault's state on its own); its message is not logged, since it may name files.
 */
export function startLifecycleTimer(
  services: Pick<ServiceSet, 'vault' | 'lifecycle'>,
  options: LifecycleTimerOptions = {},
): LifecycleTimer {
  let running: Promise<void> | null = null;
  const round = async (renew: boolean): Promise<void> => {
    const status = await services.vault.status({ brief: true });
    if (!status.exists || status.locked) return;
    await services.lifecycle.endExpiredElevations({});
    if (!renew) return;
    const settings = await services.vault.settings({ set: {} });
    if (settings.autoRenew) await services.lifecycle.renewDue({ dryRun: false, allowAdmin: false });
  };
  const tick = (tickOptions = { renew: true }): Promise<void> => {
    // Rounds never overlap: a slow keychain or RSA key generation must not stack up renewals.
    running ??= round(tickOptions.renew)
      .catch((error: unknown) => {
        if (!(error instanceof UserError)) throw error;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const elevations = setInterval(() => void tick({ renew: false }), options.elevationCheckMs ?? 30_000);
  const renewals = setInterval(() => void tick({ renew: true }), options.renewalCheckMs ?? 3_600_000);
  return {
    tick,
    stop() {
      clearInterval(elevations);
      clearInterval(renewals);
    },
  };
}
