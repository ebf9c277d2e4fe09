import { chromium, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fillLibrary, generateEntries } from '../tests/e2e/generate-library';

/**
 * `npm run bench -- library`: the library page (library.html of the production build, real Chromium) with 2,000
 * generated entries, next to the same page with 20 entries in the same run (the baseline). Each the median of
 * several runs, with the interquartile range:
 * - first rows: navigation start → `library:rows-painted`, the start of the frame after the one that drew the first
 *   rows (episode-table.tsx) — when a user sees the first episodes, at most a frame late. The frame's own start
 *   (`library:rows-frame`, before its paint) is printed too: the paint lies between the two;
 * - page shell: navigation start → first contentful paint (the heading, before any entry is read): what opening
 *   any extension page costs here, for scale;
 * - all rows: navigation start → the `library:all-rows` mark (every entry read and checked; sort and filter use
 *   them all from then on);
 * - sort: a click on a column → the next frame after the re-render (six columns per run).
 * The harness leaves the page alone while it loads (see `load`). Prints; asserts nothing. Needs `npm run build` first.
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

interface Load {
  firstRows: number;
  frame: number;
  shell: number;
  allRows: number;
}

/**
 * The page is left alone while it loads: Playwright's waitForFunction would evaluate its injected script (tens of ms
 * on this machine) in the page right after the load event — in the middle of the window measured. A promise
 * evaluated over CDP waits instead (a few hundred bytes of script, checking every 50 ms).
 */
async function load(page: Page, cdp: CDPSession, url: string, rows: number): Promise<Load> {
  await page.goto(url);
  const expression = `new Promise((resolve) => {
    const done = () => {
      const table = document.querySelector('.table-scroll');
      return table?.getAttribute('data-rows') === ${JSON.stringify(String(rows))} && table.getAttribute('aria-busy') === 'false' && performance.getEntriesByName('library:all-rows').length > 0 && performance.getEntriesByName('library:rows-painted').length > 0;
    };
    const check = () => (done() ? resolve(['library:rows-painted', 'library:rows-frame', 'first-contentful-paint', 'library:all-rows'].map((name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN)) : setTimeout(check, 50));
    check();
  })`;
  const answer = (await cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true, timeout: 30_000 })) as { result: { value?: number[] }; exceptionDetails?: unknown };
  if (!answer.result.value) throw new Error(`bench/library: the page did not finish loading (${JSON.stringify(answer.exceptionDetails ?? answer.result)})`);
  // (A missing mark is NaN in the page, null once serialised.)
  const [firstRows, frame, shell, allRows] = answer.result.value.map((x) => x ?? NaN);
  return { firstRows: firstRows!, frame: frame!, shell: shell!, allRows: allRows! };
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
    const cdp = await context.newCDPSession(page);
    const url = `chrome-extension://${extensionId}/library.html`;
    await page.goto(url);
    await page.waitForSelector('main.library');
    console.log(`library.html, headless Chromium, ${RUNS} runs each (first run of each size discarded as warm-up); ms, median (IQR)`);
    console.log('entries  first rows painted   (frame start)        page shell (FCP)     all rows read        sort                 rows in DOM');
    const results: Record<number, { firstRows: number; sort: number }> = {};
    for (const size of SIZES) {
      await fillLibrary(page, generateEntries(size));
      await load(page, cdp, url, size); // warm-up
      const loads: Load[] = [];
      const sorts: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        loads.push(await load(page, cdp, url, size));
        for (const key of SORT_KEYS) sorts.push(await sortOnce(page, key));
      }
      const domRows = await page.locator('tr[data-video-id]').count();
      const cell = (xs: number[]) => {
        const [q1, q3] = iqr(xs);
        return `${fmt(median(xs))} (${fmt(q1)}–${fmt(q3)})`;
      };
      results[size] = { firstRows: median(loads.map((l) => l.firstRows)), sort: median(sorts) };
      console.log(`${String(size).padStart(7)}  ${cell(loads.map((l) => l.firstRows))}  ${cell(loads.map((l) => l.frame))}  ${cell(loads.map((l) => l.shell))}  ${cell(loads.map((l) => l.allRows))}  ${cell(sorts)}  ${domRows}`);
    }
    const [small, big] = SIZES.map((s) => results[s]!);
    console.log(`ratio 2000/20: first rows ×${(big!.firstRows / small!.firstRows).toFixed(2)}, sort ×${(big!.sort / small!.sort).toFixed(2)} (target: both medians under 200 ms at 2,000)`);
    console.log(`load average at the end: ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores`);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
