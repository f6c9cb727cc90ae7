import { quoteName } from '../../shared/quote-name.js';
import { UserError } from '../../shared/user-error.js';
import type { GlobalOptions } from './command.js';
import { writeLine, type CliIo } from './io.js';
import { openServices } from './vault-access.js';

/** The commands that open the vault: before them, an expired elevation is ended (DESIGN.md "Lifecycle"). */
export const commandsEndingElevations: ReadonlySet<string> = new Set([
  'status',
  'import',
  'list',
  'show',
  'use',
  'rename',
  'remove',
  'endpoints',
  'nodes',
  'label',
  'export',
  'ca',
  'issue',
  'log',
  'request',
  'sign',
  'accept',
  'doctor',
  'settings',
  'renew',
  'elevate',
  'sweep',
]);

/**
 * Ends elevations that have expired and says so on stderr. A failure here (no vault yet, a locked
 * keychain) is left for the command itself to report in its own words: this must never stop it.
 */
export async function endExpiredElevations(io: CliIo, globals: GlobalOptions): Promise<void> {
  const services = openServices(io, globals);
  try {
    if (!(await services.vault.status({ brief: true })).exists) return;
    const { ended } = await services.lifecycle.endExpiredElevations({});
    for (const elevation of ended) {
      const back = elevation.switchedBack ? `; talosctl is back on ${quoteName(elevation.from)}` : '';
      writeLine(io.stderr, `elevation ${quoteName(elevation.context)} expired and was removed${back}`);
    }
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
  }
}
