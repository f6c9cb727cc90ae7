import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/support/vitest-setup.ts'],
    // Tests spawn the real CLI, OpenSSL and age; 2-core CI machines need the headroom.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
