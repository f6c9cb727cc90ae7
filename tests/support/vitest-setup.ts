import { basename } from 'node:path';
import { beforeAll, expect } from 'vitest';
import { seedFastCheck } from './seed.js';

// Every test file's properties run from one printed seed (tests/support/seed.ts).
beforeAll(() => {
  seedFastCheck(basename(expect.getState().testPath ?? 'tests'));
});
