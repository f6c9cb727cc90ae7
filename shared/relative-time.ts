const DAY = 24 * 60 * 60 * 1000;

/**
 * "in 3 days", "2 hours ago": how talosctl's `config info` speaks of expiry, so an operator reads it at a
 * glance. Coarse on purpose: the exact instant is printed beside it.
 */
export function relativeTime(target: Date, now: Date): string {
  const delta = target.getTime() - now.getTime();
  const magnitude = Math.abs(delta);
  const units: [number, string][] = [
    [365 * DAY, 'year'],
    [30 * DAY, 'month'],
    [DAY, 'day'],
    [60 * 60 * 1000, 'hour'],
    [60 * 1000, 'minute'],
  ];
  const [size, unit] = units.find(([unitSize]) => magnitude >= unitSize) ?? [1000, 'second'];
  const count = Math.floor(magnitude / size);
  const phrase = `${count} ${unit}${count === 1 ? '' : 's'}`;
  return delta >= 0 ? `in ${phrase}` : `${phrase} ago`;
}

/** `2031-07-03` from an ISO 8601 instant. */
export function isoDate(iso: string): string {
  return iso.slice(0, 10);
}
