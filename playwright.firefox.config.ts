import { defineConfig } from '@playwright/test';

// End-to-end tests in Firefox ESR: the Firefox build (`.output/firefox-mv3`) driven by puppeteer-core over WebDriver
// BiDi inside Playwright's runner (tests/e2e/firefox/firefox-harness.ts). One worker, one browser for all its tests.
export default defineConfig({
  testDir: 'tests/e2e/firefox',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/e2e/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: process.env.CI ? 1 : 0,
  reporter: 'list',
});
