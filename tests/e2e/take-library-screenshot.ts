/**
 * `npm run screenshot:library`: the README's picture of the library page — the production build's library.html
 * holding 40 generated episodes (tests/e2e/generate-library.ts), sorted by spectrum position, dark theme.
 * Writes assets/library.png (and assets/library-overview.png: the overview chart).
 */
import { join } from 'node:path';
import { fillLibrary, generateEntries } from './generate-library';
import { openReplicaBrowser } from './replica-browser';

async function main(): Promise<void> {
  const browser = await openReplicaBrowser({ viewport: { width: 1280, height: 900 } });
  try {
    const { context, page } = browser;
    await page.emulateMedia({ colorScheme: 'dark' });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const url = `chrome-extension://${new URL(worker.url()).host}/library.html`;
    await page.goto(url);
    await page.waitForSelector('main.library');
    await fillLibrary(page, generateEntries(40));
    await page.reload();
    await page.locator('tr[data-video-id]').first().waitFor();
    await page.locator('button[data-sort="position"]').click();
    await page.locator('tr[data-video-id]').nth(1).locator('input[type="checkbox"]').check();
    const out = join(process.cwd(), 'assets', 'library.png');
    await page.screenshot({ path: out, clip: { x: 0, y: 0, width: 1280, height: 760 } });
    console.log(`wrote ${out}`);
    await page.locator('button[data-tab="chart"]').click();
    await page.locator('svg.overview').waitFor();
    const chart = join(process.cwd(), 'assets', 'library-overview.png');
    await page.screenshot({ path: chart, clip: { x: 0, y: 0, width: 1280, height: 900 } });
    console.log(`wrote ${chart}`);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
