import { useEffect, useState } from 'react';

/** The time, refreshed every `intervalMs`: countdowns and "in 3 minutes" stay true while a screen is open. */
export function useNow(intervalMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => {
      setNow(new Date());
    }, intervalMs);
    return () => {
      clearInterval(timer);
    };
  }, [intervalMs]);
  return now;
}
