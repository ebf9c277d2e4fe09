/**
 * `npm run demo [-- --video ID] [-- --headed]`: the extension itself, working — the Chrome build on the local
 * YouTube replica's seed episode (no display and no internet needed). Builds first (a stale `.output` is never
 * demoed), waits for the map, prints the panel's headline sentence and caption source, and writes `demo.png`
 * (the player with the panel). Exits non-zero unless the panel reaches `ready` (with 107 slices on the seed).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { YOUTUBE } from './harness';
import { CHROMIUM, openReplicaBrowser } from './replica-browser';

const SEED = '4WNWeUQ7Hfc';
const SEED_SLICES = 107;

function fail(message: string): never {
  console.error(`demo: ${message}`);
  process.exit(1);
}

async function main(): Promise<void> {
  let values: { video?: string; headed?: boolean; 'no-build'?: boolean; out?: string };
  try {
    ({ values } = parseArgs({ options: { video: { type: 'string' }, headed: { type: 'boolean' }, 'no-build': { type: 'boolean' }, out: { type: 'string' } } }));
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)} (usage: npm run demo -- [--video ID] [--headed] [--out FILE.png])`);
  }
  const videoId = values.video ?? SEED;
  if (!/^[\w-]{11}$/.test(videoId)) fail(`"${videoId}" is not a YouTube video id (11 characters of A–Z a–z 0–9 _ -)`);
  if (!existsSync(CHROMIUM)) fail(`Chromium not found at ${CHROMIUM} — install it with: sudo apt-get install chromium (or set CHROMIUM_PATH)`);
  if (values.headed && !process.env.DISPLAY) fail('--headed needs a display (DISPLAY is not set); run without --headed for a headless demo');

  if (!values['no-build']) {
    console.log('demo: building the Chrome extension (wxt build)…');
    const build = spawnSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (build.status !== 0) fail('the build failed (see above)');
  }

  const browser = await openReplicaBrowser({ headed: values.headed, viewport: { width: 1280, height: 1000 } });
  try {
    const { page } = browser;
    await page.goto(`${YOUTUBE}/watch?v=${videoId}`);
    const host = page.locator('#perspective-map');
    await host.waitFor({ timeout: 30_000 }).catch(() => fail(`no panel appeared on ${videoId} within 30 s`));
    await page.waitForFunction(() => document.getElementById('perspective-map')?.dataset.state !== 'loading', null, { timeout: 60_000 }).catch(() => fail('the panel was still loading after 60 s'));
    const state = await host.getAttribute('data-state');
    const slices = Number(await host.getAttribute('data-slices'));
    const source = await host.getAttribute('data-source');
    const headline = await page.locator('#perspective-map .headline p').allTextContents();
    const status = await page.locator('#perspective-map .status-sentence').first().textContent({ timeout: 1_000 }).catch(() => null);

    const player = await page.locator('#player').boundingBox();
    const panelBox = await host.boundingBox();
    const out = values.out ?? join(process.cwd(), 'demo.png');
    if (player && panelBox) {
      const bottom = Math.min(panelBox.y + panelBox.height + 16, 4000);
      await page.setViewportSize({ width: 1280, height: Math.ceil(bottom) + 20 });
      await page.screenshot({ path: out, clip: { x: 0, y: Math.max(0, player.y - 8), width: Math.min(1280, Math.max(player.x + player.width, panelBox.x + panelBox.width) + 16), height: bottom - Math.max(0, player.y - 8) } });
    } else {
      await page.screenshot({ path: out });
    }

    console.log(`video:   ${videoId}`);
    console.log(`state:   ${state}${state === 'ready' ? ` (${slices} slices)` : ''}`);
    if (source) console.log(`source:  captions via the ${source} strategy${(await host.getAttribute('data-cached')) === 'true' ? ', from the cache' : ''}`);
    if (headline.length > 0) for (const [i, line] of headline.entries()) console.log(`${i === 0 ? 'map:    ' : '        '} ${line.trim()}`);
    else if (status) console.log(`panel:   ${status.trim()}`);
    console.log(`picture: ${out}`);
    if (browser.refused.length > 0) fail(`a request tried to leave the machine: ${browser.refused[0]}`);
    if (state !== 'ready') fail(`the panel ended in state "${state}", not "ready"`);
    if (videoId === SEED && slices !== SEED_SLICES) fail(`the seed episode drew ${slices} slices, expected ${SEED_SLICES}`);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
