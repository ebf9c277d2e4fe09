/**
 * `npm run screenshot`: the README's picture — the production build on the replica's seed episode, dark theme,
 * mid-episode, with a bar's tooltip open. Writes assets/screenshot.png.
 */
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import globalSetup, { EPISODES_DIR, MEDIA_FILE } from './global-setup';
import { EXTENSION_DIR, YOUTUBE } from './harness';
import { startReplica } from './replica/server';

async function main(): Promise<void> {
  globalSetup();
  const replica = await startReplica({ episodesDir: EPISODES_DIR, mediaFile: MEDIA_FILE });
  const userDataDir = mkdtempSync(join(tmpdir(), 'pm-shot-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    locale: 'en-US',
    viewport: { width: 1280, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--mute-audio', `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`],
  });
  try {
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== YOUTUBE) return url.protocol.startsWith('http') ? route.abort() : route.continue();
      await route.fulfill({ response: await route.fetch({ url: `${replica.url}${url.pathname}${url.search}` }) });
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${YOUTUBE}/watch?v=4WNWeUQ7Hfc`);
    await page.locator('#perspective-map[data-state="ready"]').waitFor({ timeout: 60_000 });
    const bar = page.locator('#perspective-map .arc-bar[data-slice-index="61"]');
    await bar.click();
    await bar.hover();
    await page.waitForTimeout(400);
    const box = await page.locator('#player').boundingBox();
    const host = await page.locator('#perspective-map').boundingBox();
    if (!box || !host) throw new Error('player or panel not visible');
    const out = join(process.cwd(), 'assets', 'screenshot.png');
    await page.screenshot({ path: out, clip: { x: 0, y: Math.max(0, box.y + box.height - 140), width: 1280, height: Math.min(900, host.y + host.height - (box.y + box.height - 140) + 16) } });
    console.log(`wrote ${out}`);
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
    await replica.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
