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
    // Hover the bar with the strongest terms so the tooltip shows why it scored as it did.
    const index = await page.evaluate(() => {
      const bars = [...document.getElementById('perspective-map')!.shadowRoot!.querySelectorAll<HTMLElement>('.arc-bar')];
      const scores = bars.map((b) => Math.abs(Number(b.dataset.score ?? 0)));
      return scores.indexOf(Math.max(...scores.slice(20, 90)), 20);
    });
    const bar = page.locator(`#perspective-map .arc-bar[data-slice-index="${index}"]`);
    await bar.click();
    await bar.hover();
    await page.waitForTimeout(400);
    const player = await page.locator('#player').boundingBox();
    const host = await page.locator('#perspective-map').boundingBox();
    const tip = await page.locator('#perspective-map .tooltip').first().boundingBox();
    if (!player || !host) throw new Error('player or panel not visible');
    const top = Math.max(0, player.y + player.height - 120);
    const bottom = Math.max(host.y + host.height, tip ? tip.y + tip.height : 0) + 16;
    const out = join(process.cwd(), 'assets', 'screenshot.png');
    await page.setViewportSize({ width: 1280, height: Math.ceil(bottom) + 20 });
    await page.screenshot({ path: out, clip: { x: 0, y: top, width: 860, height: bottom - top } });
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
