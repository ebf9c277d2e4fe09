import { defineConfig } from '@playwright/test';
import { sharedE2EConfig } from './tests/e2e/playwright-shared';

// End-to-end tests: the built extension in Debian's Chromium against the local YouTube replica (tests/e2e/README.md).
export default defineConfig({
  ...sharedE2EConfig,
  testDir: 'tests/e2e',
  testIgnore: /tests[\/]e2e[\/]firefox[\/]/, // the Firefox suite: playwright.firefox.config.ts
});
