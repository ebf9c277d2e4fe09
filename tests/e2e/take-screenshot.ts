/**
 * `npm run screenshot`: the README's picture — the production build on the replica's seed episode, dark theme,
 * mid-episode, with a bar's tooltip open. Writes assets/screenshot.png.
 */
import { join } from 'node:path';
import { YOUTUBE } from './harness';
import { openReplicaBrowser } from './replica-browser';

async function main(): Promise<void> {
  const browser = await openReplicaBrowser({ viewport: { width: 1280, height: 900 } });
  try {
    const { page } = browser;
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
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
