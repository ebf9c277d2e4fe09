import type { BrowserContext, Page } from '@playwright/test';
import type { E2EBrowser, E2ETab } from './e2e-driver';
import type { Replica } from '../replica/server';

/** The browser-neutral tab (e2e-driver.ts) over a Playwright page (Chromium). */
export function playwrightTab(page: Page): E2ETab {
  return {
    goto: async (url) => {
      await page.goto(url);
    },
    reload: async () => {
      await page.reload();
    },
    evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) => page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown),
    addInitScript: async (fn) => {
      await page.addInitScript(fn);
    },
    // Playwright's CSS locators pierce open shadow roots.
    click: (selector) => page.locator(selector).first().click(),
    clickInPanel: (selector) => page.locator('#perspective-map').locator(selector).first().click(),
    onConsole: (listener) => {
      page.on('console', (message) => listener(message.text()));
    },
    close: () => page.close(),
  };
}

export interface PlaywrightBrowserParts {
  context: BrowserContext;
  page: Page;
  replica: Replica;
  externalRequests: string[];
  extensionId: () => Promise<string>;
  stopServiceWorkers: () => Promise<void>;
}

/** The browser-neutral browser (e2e-driver.ts) over the Chromium harness's fixtures. */
export function playwrightBrowser(parts: PlaywrightBrowserParts): E2EBrowser {
  return {
    name: 'chromium',
    tab: playwrightTab(parts.page),
    replica: parts.replica,
    externalRequests: parts.externalRequests,
    openExtensionPage: async (path) => {
      const page = await parts.context.newPage();
      await page.goto(`chrome-extension://${await parts.extensionId()}/${path}`);
      return playwrightTab(page);
    },
    stopBackground: parts.stopServiceWorkers,
  };
}
