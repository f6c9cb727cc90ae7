/** Timing helpers for `npm run bench`: medians of repeated runs, after a warm-up, in milliseconds. */

export async function medianMs(runs: number, work: () => unknown): Promise<number> {
  await work();
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

export interface Figure {
  figure: string;
  /** What was measured, in `unit`. */
  value: number;
  unit: string;
  /** The same machine's floor for the same work, measured in the same run. */
  floor: number;
  ratio: number;
  /** The DESIGN.md target for the ratio (or for the value, where `targetOn` says so). */
  target: number;
  targetOn: 'ratio' | 'value';
  ok: boolean;
}

export function figure(
  name: string,
  value: number,
  floor: number,
  unit: string,
  target: number,
  targetOn: 'ratio' | 'value' = 'ratio',
): Figure {
  const ratio = value / floor;
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    figure: name,
    value: round(value),
    unit,
    floor: round(floor),
    ratio: round(ratio),
    target,
    targetOn,
    ok: (targetOn === 'ratio' ? ratio : value) <= target,
  };
}
