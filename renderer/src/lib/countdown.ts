/** "12:04 left", "1 h 05 min left": an elevation's time, to the second while it matters. */
export function countdown(notAfter: string, now: Date): string {
  const seconds = Math.max(0, Math.floor((Date.parse(notAfter) - now.getTime()) / 1000));
  if (seconds === 0) return 'ending';
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min left`;
  return `${minutes}:${String(rest).padStart(2, '0')} left`;
}
