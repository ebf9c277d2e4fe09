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
import { EXTENSION_DIR, launchArgs, routeToReplica } from './harness';
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
      args: launchArgs(EXTENSION_DIR),
    });
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    await replica.close();
    throw error;
  }
  await routeToReplica(context, replica, refused);
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
