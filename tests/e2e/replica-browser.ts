/**
 * One Chromium with the production build loaded, every https://www.youtube.com request answered by the local
 * replica and every other host refused — for the scripts that show the extension outside the test runner
 * (`npm run demo`, `npm run screenshot`). The test harness (`harness.ts`) does the same inside Playwright's fixtures.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import globalSetup, { EPISODES_DIR, MEDIA_FILE } from './global-setup';
import { EXTENSION_DIR, YOUTUBE } from './harness';
import { startReplica } from './replica/server';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ReplicaBrowser {
  context: BrowserContext;
  page: Page;
  /** Requests to any host but www.youtube.com that were refused. */
  refused: string[];
  close(): Promise<void>;
}

export interface ReplicaBrowserOptions {
  headed?: boolean;
  viewport?: { width: number; height: number };
}

export async function openReplicaBrowser(options: ReplicaBrowserOptions = {}): Promise<ReplicaBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`The extension is not built (${EXTENSION_DIR}): run \`npm run build\` first.`);
  globalSetup();
  const replica = await startReplica({ episodesDir: EPISODES_DIR, mediaFile: MEDIA_FILE });
  const userDataDir = mkdtempSync(join(tmpdir(), 'pm-browser-'));
  const refused: string[] = [];
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: !options.headed,
      locale: 'en-US',
      viewport: options.viewport ?? { width: 1280, height: 900 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--mute-audio', `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`],
    });
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    await replica.close();
    throw error;
  }
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return route.continue();
    if (url.origin !== YOUTUBE) {
      refused.push(url.href);
      return route.abort('blockedbyclient');
    }
    try {
      await route.fulfill({ response: await route.fetch({ url: `${replica.url}${url.pathname}${url.search}`, maxRedirects: 0 }) });
    } catch (error) {
      if (!/closed|disposed|destroyed/i.test(String(error))) throw error;
    }
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    refused,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
      await replica.close();
    },
  };
}
