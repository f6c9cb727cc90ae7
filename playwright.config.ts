import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

// Chromium writes crash reports under XDG_CONFIG_HOME: keep them out of the user's folder.
const chromiumConfigHome = join(tmpdir(), 'talcred-e2e-chromium-config');
mkdirSync(chromiumConfigHome, { recursive: true });

/** Flags for Debian's chromium in a headless, offline session (DESIGN.md "Facts about the tools"). */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  // Two cores, shared: one browser at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  reporter: [['list']],
  projects: [
    {
      name: 'chromium',
      testIgnore: 'electron/**',
      use: {
        browserName: 'chromium',
        viewport: { width: 1100, height: 720 },
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: chromiumArgs,
          env: { ...process.env, XDG_CONFIG_HOME: chromiumConfigHome },
        },
      },
    },
    // Runs only where an Electron binary is given (ELECTRON_PATH); each spec says why it skips otherwise.
    { name: 'electron', testMatch: 'electron/**/*.spec.ts' },
  ],
});
