import { formatDuration } from '../../../shared/duration.js';

const HOUR = 3600;
const DAY = 24 * HOUR;

/** The lifetimes offered with one click (the "1h, 8h, 24h, 7d"); anything else is typed. */
const presets = [
  { seconds: HOUR, label: '1 hour' },
  { seconds: 8 * HOUR, label: '8 hours' },
  { seconds: DAY, label: '24 hours' },
  { seconds: 7 * DAY, label: '7 days' },
] as const;

export interface TtlPreset {
  id: string;
  seconds: number;
  label: string;
}

/** The presets the vault's policy allows: none above its maximum (the service would refuse them). */
export function ttlPresets(maxTtlSeconds: number): TtlPreset[] {
  return presets
    .filter((preset) => preset.seconds <= maxTtlSeconds)
    .map((preset) => ({ ...preset, id: formatDuration(preset.seconds) }));
}

/** Which choice a lifetime starts on: its preset, or "custom" with the duration written out. */
export function initialTtlChoice(seconds: number, maxTtlSeconds: number): { choice: string; custom: string } {
  const preset = ttlPresets(maxTtlSeconds).find((entry) => entry.seconds === seconds);
  return preset ? { choice: preset.id, custom: '' } : { choice: 'custom', custom: formatDuration(seconds) };
}
