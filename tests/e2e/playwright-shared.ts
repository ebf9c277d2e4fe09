import type { PlaywrightTestConfig } from '@playwright/test';

/**
 * What both e2e configurations share (playwright.config.ts: Chromium, playwright.firefox.config.ts: Firefox ESR):
 * one worker (extension contexts are heavy and the machine has two cores), the replica's global setup, one retry
 * on CI.
 */
export const sharedE2EConfig = {
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/e2e/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: process.env.CI ? 1 : 0,
  reporter: 'list',
} satisfies PlaywrightTestConfig;
