import { defineConfig } from '@playwright/test';
import { sharedE2EConfig } from './tests/e2e/playwright-shared';

// End-to-end tests in Firefox ESR: the Firefox build (`.output/firefox-mv3`) driven by puppeteer-core over WebDriver
// BiDi inside Playwright's runner (tests/e2e/firefox/firefox-harness.ts). One browser for all its tests.
export default defineConfig({
  ...sharedE2EConfig,
  testDir: 'tests/e2e/firefox',
});
