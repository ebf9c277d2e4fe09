import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fillLibrary, generateEntries } from '../tests/e2e/generate-library';

/**
 * `npm run bench -- library`: the library page (library.html of the production build, real Chromium) with 2,000
 * generated entries — time to the first rows on screen (navigation start → the page's `library:rows-painted` mark,
 * set in the frame after the rows render) and the time of a sort (click on a column → the next frame), each the
 * median of several runs, next to the same page with 20 entries in the same run (the baseline). Prints; asserts
 * nothing. Needs `npm run build` first.
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = 7;
const SIZES = [20, 2000];
const SORT_KEYS = ['title', 'position', 'channel', 'date', 'leaning', 'duration'];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const iqr = (xs: number[]): [number, number] => {
  const s = [...xs].sort((a, b) => a - b);
  return [s[Math.floor(s.length * 0.25)]!, s[Math.min(s.length - 1, Math.floor(s.length * 0.75))]!];
};
const fmt = (x: number) => x.toFixed(1).padStart(7);

async function launch(): Promise<{ context: BrowserContext; dir: string; extensionId: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'pm-bench-library-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'en-US',
    viewport: { width: 1280, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, dir, extensionId: new URL(worker.url()).host };
}

async function firstPaint(page: Page, url: string, rows: number): Promise<number> {
  await page.goto(url);
  await page.waitForFunction((n) => document.querySelector('.table-scroll')?.getAttribute('data-rows') === String(n) && performance.getEntriesByName('library:rows-painted').length > 0, rows);
  return page.evaluate(() => performance.getEntriesByName('library:rows-painted')[0]!.startTime);
}

async function sortOnce(page: Page, key: string): Promise<number> {
  return page.evaluate(
    (k) =>
      new Promise<number>((resolve) => {
        const button = document.querySelector<HTMLButtonElement>(`button[data-sort="${k}"]`)!;
        const t0 = performance.now();
        button.click();
        // Preact renders after the click's task; the frame after that has painted the new order.
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
      }),
    key,
  );
}

export default async function libraryBench(): Promise<void> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    console.error('bench/library: build first (npm run build)');
    process.exitCode = 2;
    return;
  }
  const { context, dir, extensionId } = await launch();
  try {
    const page = await context.newPage();
    const url = `chrome-extension://${extensionId}/library.html`;
    await page.goto(url);
    await page.waitForSelector('main.library');
    console.log(`library.html, headless Chromium, ${RUNS} runs each (first run of each size discarded as warm-up)`);
    console.log('entries   first paint ms (median, IQR)      sort ms (median, IQR)   rows in DOM');
    const results: Record<number, { paint: number; sort: number }> = {};
    for (const size of SIZES) {
      await fillLibrary(page, generateEntries(size));
      await firstPaint(page, url, size); // warm-up
      const paints: number[] = [];
      const sorts: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        paints.push(await firstPaint(page, url, size));
        for (const key of SORT_KEYS) sorts.push(await sortOnce(page, key));
      }
      const domRows = await page.locator('tr[data-video-id]').count();
      const [p25, p75] = iqr(paints);
      const [s25, s75] = iqr(sorts);
      results[size] = { paint: median(paints), sort: median(sorts) };
      console.log(`${String(size).padStart(7)}   ${fmt(median(paints))} (${fmt(p25)}–${fmt(p75)})    ${fmt(median(sorts))} (${fmt(s25)}–${fmt(s75)})   ${domRows}`);
    }
    const [small, big] = SIZES.map((s) => results[s]!);
    console.log(`ratio 2000/20: first paint ×${(big!.paint / small!.paint).toFixed(2)}, sort ×${(big!.sort / small!.sort).toFixed(2)} (target: both medians under 200 ms at 2,000)`);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
