import fc from 'fast-check';

/**
 * One seed for a test file's randomness: TALCRED_TEST_SEED replays a run; otherwise a fresh one, printed
 * so that a failure can be replayed. fast-check uses it for every property; `seededRandom` for the rest
 * (kill delays, mutations).
 */
export function testSeed(): number {
  const given = process.env.TALCRED_TEST_SEED;
  const seed = given === undefined ? (Math.random() * 2 ** 31) >>> 0 : Number.parseInt(given, 10) >>> 0;
  return seed;
}

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** For vitest's setupFiles: every fast-check property of the file runs from the printed seed. */
export function seedFastCheck(file: string): number {
  const seed = testSeed();
  fc.configureGlobal({ seed });
  process.stdout.write(`${file}: seed ${seed} (TALCRED_TEST_SEED=${seed} replays it)\n`);
  return seed;
}
