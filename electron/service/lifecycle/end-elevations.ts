import type { EndedElevation } from '../../../shared/contract/lifecycle-contract.js';
import { quoteName } from '../../../shared/quote-name.js';
import { UsageError } from '../../../shared/user-error.js';
import type { Elevation, VaultDocument } from '../../../shared/vault/vault-document.js';
import { commitChange } from '../commit-change.js';
import type { ServiceDeps } from '../service-deps.js';
import { viewedByTalosctl } from '../talosctl-current.js';

/** Which elevations to end: those of one context (by either name), every one, or those expired. */
export type ElevationChoice = { name: string } | { all: true } | { expired: true };

function chosen(document: VaultDocument, choice: ElevationChoice, now: Date): Elevation[] {
  if ('expired' in choice) {
    return document.elevations.filter((elevation) => Date.parse(elevation.notAfter) <= now.getTime());
  }
  if ('all' in choice) return [...document.elevations];
  const found = document.elevations.filter(
    (elevation) => elevation.from === choice.name || elevation.context === choice.name,
  );
  if (found.length === 0) {
    throw new UsageError(`${quoteName(choice.name)} has no active elevation`, 'not-elevated');
  }
  return found;
}

/**
 * Removes elevated contexts from the vault and, where talosctl's file is on one, switches it back to the
 * context it was raised from — in one commit. Nothing is written when nothing is to end, so every command
 * may call this first at the cost of one read.
 */
export async function endElevations(
  deps: ServiceDeps,
  choice: ElevationChoice,
): Promise<{ ended: EndedElevation[] }> {
  const now = deps.now();
  const before = await viewedByTalosctl(deps);
  const ending = chosen(before, choice, now);
  if (ending.length === 0) return { ended: [] };
  const contexts = new Set(ending.map((elevation) => elevation.context));
  const { talosconfigRewritten } = await commitChange(deps, [...contexts], (current) => {
    const ended = current.elevations.filter((elevation) => contexts.has(elevation.context));
    const back = ended.find((elevation) => elevation.context === current.current);
    const fromExists =
      back !== undefined && current.contexts.some((entry) => entry.context.name === back.from);
    return {
      ...current,
      current: back === undefined ? current.current : fromExists ? back.from : '',
      contexts: current.contexts.filter((entry) => !contexts.has(entry.context.name)),
      elevations: current.elevations.filter((elevation) => !contexts.has(elevation.context)),
    };
  });
  return {
    ended: ending.map((elevation) => ({
      context: elevation.context,
      from: elevation.from,
      switchedBack: talosconfigRewritten && before.current === elevation.context,
      certificateValidUntil: elevation.notAfter,
      expired: Date.parse(elevation.notAfter) <= now.getTime(),
    })),
  };
}
