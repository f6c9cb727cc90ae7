import { formatDuration, parseDuration } from '../../../shared/duration.js';
import { MAX_ELEVATION_SECONDS } from '../../../shared/vault/elevation-limits.js';
import type { VaultSettings } from '../../../shared/vault/vault-document.js';

/** The settings as the form edits them: durations and counts as typed text. */
export interface SettingsDraft {
  targetMode: VaultSettings['targetMode'];
  foreignContexts: VaultSettings['foreignContexts'];
  expiryWarningDays: string;
  defaultTtl: string;
  maxTtl: string;
  autoLock: string;
  clearTalosconfigOnLock: boolean;
  theme: VaultSettings['theme'];
  autoRenew: boolean;
  elevateMax: string;
}

export function draftOf(settings: VaultSettings): SettingsDraft {
  return {
    targetMode: settings.targetMode,
    foreignContexts: settings.foreignContexts,
    expiryWarningDays: String(settings.expiryWarningDays),
    defaultTtl: formatDuration(settings.defaultTtlSeconds),
    maxTtl: formatDuration(settings.maxTtlSeconds),
    autoLock: settings.autoLockSeconds === 0 ? 'off' : formatDuration(settings.autoLockSeconds),
    clearTalosconfigOnLock: settings.clearTalosconfigOnLock,
    theme: settings.theme,
    autoRenew: settings.autoRenew,
    elevateMax: formatDuration(settings.elevateMaxTtlSeconds),
  };
}

function seconds(text: string): number | null {
  try {
    return parseDuration(text);
  } catch {
    return null;
  }
}

/** The change a draft makes, or what is wrong with it, field by field (the service checks again). */
export function changeOf(
  draft: SettingsDraft,
): { change: Partial<VaultSettings> } | { problems: Partial<Record<keyof SettingsDraft, string>> } {
  const problems: Partial<Record<keyof SettingsDraft, string>> = {};
  const days = /^\d{1,4}$/.test(draft.expiryWarningDays.trim()) ? Number(draft.expiryWarningDays) : null;
  if (days === null || days > 3650) problems.expiryWarningDays = 'A whole number of days, 0 to 3650.';
  const defaultTtl = seconds(draft.defaultTtl);
  const maxTtl = seconds(draft.maxTtl);
  if (defaultTtl === null) problems.defaultTtl = 'A lifetime such as 8h, 7d or 2w.';
  if (maxTtl === null) problems.maxTtl = 'A lifetime such as 30d or 365d.';
  if (defaultTtl !== null && maxTtl !== null && defaultTtl > maxTtl)
    problems.defaultTtl = 'The default cannot be longer than the maximum.';
  const autoLock = draft.autoLock.trim().toLowerCase() === 'off' ? 0 : seconds(draft.autoLock);
  if (autoLock === null) problems.autoLock = 'A time such as 5m, 15m or 1h, or “off”.';
  const elevateMax = seconds(draft.elevateMax);
  if (elevateMax === null || elevateMax > MAX_ELEVATION_SECONDS)
    problems.elevateMax = 'A time such as 30m or 1h, at most 24h.';
  if (
    Object.keys(problems).length > 0 ||
    days === null ||
    defaultTtl === null ||
    maxTtl === null ||
    autoLock === null ||
    elevateMax === null
  )
    return { problems };
  return {
    change: {
      targetMode: draft.targetMode,
      foreignContexts: draft.foreignContexts,
      expiryWarningDays: days,
      defaultTtlSeconds: defaultTtl,
      maxTtlSeconds: maxTtl,
      autoLockSeconds: autoLock,
      clearTalosconfigOnLock: draft.clearTalosconfigOnLock,
      theme: draft.theme,
      autoRenew: draft.autoRenew,
      elevateMaxTtlSeconds: elevateMax,
    },
  };
}
