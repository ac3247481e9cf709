/**
 * Browser tests: Debian's Chromium against the compiled service (started once per run by the
 * global set-up, on a fresh PostgreSQL database, and on a fresh embedded database for the
 * `embedded` project). Run with `npm run test:browser`.
 */
import { defineConfig } from '@playwright/test';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: '.',
  outputDir: '../../tmp/browser-results',
  globalSetup: './support/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    locale: 'en-GB',
    timezoneId: 'Europe/Stockholm',
    viewport: { width: 1280, height: 900 },
    // The console honours the preference (Mantine's respectReducedMotion): a dialog or notification
    // is at its final colours when it appears, so the accessibility check never sees it half faded in.
    reducedMotion: 'reduce',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS },
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'postgres', testMatch: /.*\.spec\.ts/, testIgnore: /embedded\.spec\.ts/, metadata: { database: 'postgres' } },
    { name: 'embedded', testMatch: /embedded\.spec\.ts/, metadata: { database: 'embedded' } },
  ],
});
