import { defineConfig } from '@playwright/test';

// End-to-end tests: the built extension in Debian's Chromium against the local YouTube replica (tests/e2e/README.md).
// One worker: extension contexts are heavy and the machine has two cores.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  testIgnore: /tests[\/]e2e[\/]firefox[\/]/, // the Firefox suite: playwright.firefox.config.ts
  globalSetup: './tests/e2e/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: process.env.CI ? 1 : 0,
  reporter: 'list',
});
