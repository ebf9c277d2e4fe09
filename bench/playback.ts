import { chromium, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import globalSetup, { EPISODES_DIR, MEDIA_FILE } from '../tests/e2e/global-setup';
import { startReplica } from '../tests/e2e/replica/server';
import { launchArgs, routeToReplica, YOUTUBE } from '../tests/e2e/harness';
import { routeToReplica as routePuppeteerToReplica } from '../tests/e2e/firefox/firefox-harness';
import puppeteer from 'puppeteer-core';

/**
 * `npm run bench -- playback` (DESIGN §9.1, issue 9): what the extension adds to the page's main thread while the
 * video plays and while it is paused, against the same page without the extension, in the same run.
 *
 * The production build (`.output/chrome-mv3`) in Debian's Chromium on the replica (as tests/e2e/harness.ts loads
 * and routes it). Each repetition opens the seed episode twice — once with the extension, once without, each in a
 * fresh profile — and reads CDP `Performance.getMetrics` `TaskDuration` (main-thread task time of the tab's
 * renderer, every world and rendering included) at the start and end of a window in each scenario:
 *   playing, visible      the video playing, panel in view;
 *   playing, scrolled     the page scrolled until the panel (and the player) are out of view;
 *   playing, collapsed    the panel collapsed with its Hide button (without the extension: just playing);
 *   playing, drawer open  the transcript drawer open (`[data-action="open-transcript"]`), when the panel has one;
 *   paused, first window  then the video paused (the panel as the drawer row left it), 1 s after the pause;
 *   paused                the next window, 3 s later: the steady state;
 *   playing, hidden tab   a separate launch: the video playing in a tab that another tab has covered
 *                         (`document.visibilityState === 'hidden'`, checked; the row says why if it is not).
 * Added ms/s = (extension − page) per repetition; median and interquartile range over the repetitions (the
 * machine is shared and noisy). Then a navigation-heap row: 20 SPA navigations between two episodes, JS heap
 * after a forced GC after the 2nd and after the 20th (issue 9 §4), with and without the extension.
 *
 * `BENCH_REPS=n` (default 5), `BENCH_WINDOW_MS=n` (default 5000), `BENCH_NAVS=n` (default 20), `BENCH_PART=playback|heap`
 * (default both), `BENCH_EXTENSION_DIR` (another unpacked build). Asserts nothing.
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** `BENCH_EXTENSION_DIR` measures another unpacked build (e.g. a copy of yesterday's, for before/after figures). */
const EXTENSION_DIR = process.env.BENCH_EXTENSION_DIR ?? join(ROOT, '.output', 'chrome-mv3');
const SEED = '4WNWeUQ7Hfc';
const OTHER = 'TwoLangEp01';

const SCENARIOS = ['playing, visible', 'playing, scrolled away', 'playing, collapsed', 'playing, drawer open', 'playing, hidden tab', 'paused, first window', 'paused'] as const;
type Scenario = (typeof SCENARIOS)[number];

interface Sample {
  /** Main-thread task time per second of wall time (CDP `TaskDuration`: wall time of tasks, the figure). */
  msPerS: number;
  /** Main-thread CPU time per second (CDP `ThreadTime`): what a shared, overloaded machine inflates least. */
  cpuMsPerS: number;
  /** Style recalculations per second (CDP `RecalcStyleCount`): per-frame style writes show up here. */
  stylesPerS: number;
  /** Seconds of media time that passed during the window (checks that "playing" really played). */
  played: number;
}
type RunResult = Partial<Record<Scenario, Sample>>;

async function launch(withExtension: boolean, replicaUrl: string): Promise<{ context: BrowserContext; page: Page; cdp: CDPSession; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'pm-bench-playback-'));
  const args = launchArgs(withExtension ? EXTENSION_DIR : null);
  const context = await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', headless: true, locale: 'en-US', args, viewport: { width: 1280, height: 800 } });
  await routeToReplica(context, { url: replicaUrl }, []);
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
  return {
    context,
    page,
    cdp,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The hidden-tab row. Playwright cannot hide a tab: it turns on focus emulation (`Emulation.setFocusEmulationEnabled`)
 * for every page it drives, so a covered or minimised tab stays `visible`. puppeteer-core does not, so this row
 * launches the same Chromium, flags and build through it, covers the watch tab with a second tab, and reads the same
 * CDP metrics from the covered one. Chromium's own background policies stay on (no `--disable-background-timer-
 * throttling` / `--disable-renderer-backgrounding`, which both drivers otherwise pass): a real hidden tab.
 */
async function hiddenTabRun(withExtension: boolean, replicaUrl: string, windowMs: number): Promise<{ sample: Sample | null; why: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'pm-bench-hidden-'));
  const browser = await puppeteer.launch({
    executablePath: '/usr/bin/chromium',
    ignoreDefaultArgs: true,
    args: ['--headless=new', `--user-data-dir=${dir}`, '--lang=en-US', '--window-size=1280,800', ...launchArgs(withExtension ? EXTENSION_DIR : null)],
    defaultViewport: { width: 1280, height: 800 },
  });
  try {
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    await routePuppeteerToReplica(page, { url: replicaUrl } as Parameters<typeof routePuppeteerToReplica>[1], []);
    const cdp = await page.createCDPSession();
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
    await page.goto(`${YOUTUBE}/watch?v=${SEED}`, { waitUntil: 'load' });
    if (withExtension) await page.waitForFunction(() => document.querySelector('#perspective-map')?.getAttribute('data-state') === 'ready', { timeout: 60_000, polling: 250 });
    await page.evaluate(() => document.querySelector<HTMLVideoElement>('video.html5-main-video')?.play());
    await page.waitForFunction(() => (document.querySelector<HTMLVideoElement>('video.html5-main-video')?.currentTime ?? 0) > 0.3, { timeout: 15_000 });
    const cover = await browser.newPage();
    await cover.bringToFront();
    await new Promise((r) => setTimeout(r, 1000));
    const state = await page.evaluate(() => document.visibilityState);
    if (state !== 'hidden') return { sample: null, why: `the covered tab stayed ${state}` };
    const read = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value])) as Record<string, number>;
    const time = () => page.evaluate(() => document.querySelector<HTMLVideoElement>('video.html5-main-video')?.currentTime ?? 0);
    const t0 = await time();
    const a = await read();
    await new Promise((r) => setTimeout(r, windowMs));
    const b = await read();
    const t1 = await time();
    const seconds = (b.Timestamp ?? 0) - (a.Timestamp ?? 0);
    const perS = (name: string, scale = 1) => (((b[name] ?? 0) - (a[name] ?? 0)) * scale) / seconds;
    return { sample: { msPerS: perS('TaskDuration', 1000), cpuMsPerS: perS('ThreadTime', 1000), stylesPerS: perS('RecalcStyleCount'), played: t1 - t0 }, why: '' };
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

const currentTime = (page: Page) => page.evaluate(() => document.querySelector<HTMLVideoElement>('video.html5-main-video')?.currentTime ?? 0);

async function measureWindow(page: Page, cdp: CDPSession, windowMs: number): Promise<Sample> {
  const t0 = await currentTime(page);
  const a = await metrics(cdp);
  await page.waitForTimeout(windowMs);
  const b = await metrics(cdp);
  const t1 = await currentTime(page);
  const seconds = (b.Timestamp ?? 0) - (a.Timestamp ?? 0);
  const perS = (name: string, scale = 1) => (((b[name] ?? 0) - (a[name] ?? 0)) * scale) / seconds;
  return { msPerS: perS('TaskDuration', 1000), cpuMsPerS: perS('ThreadTime', 1000), stylesPerS: perS('RecalcStyleCount'), played: t1 - t0 };
}

async function play(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelector<HTMLVideoElement>('video.html5-main-video')?.play());
  await page.waitForFunction(() => (document.querySelector<HTMLVideoElement>('video.html5-main-video')?.currentTime ?? 0) > 0.3, undefined, { timeout: 15_000 });
}

const settle = (page: Page) => page.waitForTimeout(1000);
/** Between the two paused windows. */
const PAUSED_SETTLE_MS = 3000;

async function oneRun(withExtension: boolean, replicaUrl: string, windowMs: number): Promise<{ result: RunResult; note: string }> {
  const run = await launch(withExtension, replicaUrl);
  const { page, cdp } = run;
  const result: RunResult = {};
  let note = '';
  try {
    await page.goto(`${YOUTUBE}/watch?v=${SEED}`);
    await page.waitForFunction(() => typeof (document.querySelector('#movie_player') as unknown as { getPlayerResponse?: unknown } | null)?.getPlayerResponse === 'function');
    const host = page.locator('#perspective-map');
    if (withExtension) {
      await page.waitForFunction(() => document.querySelector('#perspective-map')?.getAttribute('data-state') === 'ready', undefined, { timeout: 60_000, polling: 250 });
      note = `${await host.getAttribute('data-slices')} slices`;
    }
    // Room to scroll the panel out of view (the replica's page is about one screen tall); same in both runs.
    await page.evaluate(() => {
      const spacer = document.createElement('div');
      spacer.style.height = '4000px';
      document.body.append(spacer);
    });
    await settle(page);

    await play(page);
    await settle(page);
    result['playing, visible'] = await measureWindow(page, cdp, windowMs);

    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await settle(page);
    result['playing, scrolled away'] = await measureWindow(page, cdp, windowMs);
    await page.evaluate(() => window.scrollTo(0, 0));

    if (withExtension) await host.locator('[data-testid="collapse"]').click();
    await settle(page);
    result['playing, collapsed'] = await measureWindow(page, cdp, windowMs);
    if (withExtension) await host.locator('[data-testid="collapse"]').click();

    const drawer = host.locator('[data-action="open-transcript"]');
    if (!withExtension || (await drawer.count()) > 0) {
      if (withExtension) {
        // The row measures following playback, not opening: wait until every page of cues has arrived (the opening's
        // own cost is `npm run bench -- drawer`'s).
        await drawer.first().click();
        await page.waitForFunction(
          () => {
            const list = document.querySelector('#perspective-map')?.shadowRoot?.querySelector('.transcript-list');
            const total = list?.getAttribute('data-total-cues');
            return !!total && list?.getAttribute('data-loaded-cues') === total;
          },
          undefined,
          { timeout: 60_000, polling: 250 },
        );
      }
      await settle(page);
      result['playing, drawer open'] = await measureWindow(page, cdp, windowMs);
    }

    // Paused last, twice. The first window right after the pause usually holds V8's memory-reducing full GC (the
    // page's allocation rate drops, so V8 collects then): its cost is the live heap's (JS and DOM), not work done
    // while paused. The second window is the steady state.
    await page.evaluate(() => document.querySelector<HTMLVideoElement>('video.html5-main-video')?.pause());
    await settle(page);
    result['paused, first window'] = await measureWindow(page, cdp, windowMs);
    await page.waitForTimeout(PAUSED_SETTLE_MS);
    result.paused = await measureWindow(page, cdp, windowMs);
  } finally {
    await run.close();
  }
  return { result, note };
}

/**
 * How long to let a page settle before the heap is read: the watch session's bounded waits (a bridge request,
 * a strategy's 9 s timeout: `AbortSignal.timeout`, which cannot be cancelled) hold their closures until they
 * fire. Waiting the same time before both readings measures what stays, not what is still in flight.
 */
const HEAP_SETTLE_MS = 10_000;

interface HeapReading {
  at: number;
  /** JSHeapUsedSize after a full GC: the figure. */
  bytes: number;
  /**
   * The part of it that is V8's own code: bytecode, baseline / optimised machine code, feedback vectors, function
   * metadata (heap-snapshot nodes of type `code`). It grows as functions run more often and tier up (JIT warm-up), not
   * because anything is retained; the rest is what pages and the extension actually hold.
   */
  codeBytes: number;
}

/** The self sizes of a heap snapshot's nodes of type `code` (see HeapReading.codeBytes). */
async function codeBytesOf(cdp: CDPSession): Promise<number> {
  const chunks: string[] = [];
  const onChunk = (event: { chunk: string }) => void chunks.push(event.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  const snapshot = JSON.parse(chunks.join('')) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[] };
  const { node_fields: fields, node_types: types } = snapshot.snapshot.meta;
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  const code = types[0].indexOf('code');
  let bytes = 0;
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) if (snapshot.nodes[i + typeAt] === code) bytes += snapshot.nodes[i + sizeAt] as number;
  return bytes;
}

/** JS heap (bytes) after a full GC, read through CDP, and the part of it that is V8 code. */
async function heapAfterGc(cdp: CDPSession, at: number): Promise<HeapReading> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const bytes = (await metrics(cdp)).JSHeapUsedSize ?? 0;
  return { at, bytes, codeBytes: await codeBytesOf(cdp) };
}

/** The heap after the 2nd navigation, halfway, and after the last (the trend tells growth from warm-up). */
async function navigationHeap(withExtension: boolean, replicaUrl: string, navs: number): Promise<HeapReading[]> {
  const run = await launch(withExtension, replicaUrl);
  const { page, cdp } = run;
  const readAt = new Set([2, Math.round(navs / 2), navs]);
  const readings: HeapReading[] = [];
  try {
    await cdp.send('HeapProfiler.enable');
    await page.goto(`${YOUTUBE}/watch?v=${SEED}`);
    await page.waitForFunction(() => typeof (document.querySelector('#movie_player') as unknown as { getPlayerResponse?: unknown } | null)?.getPlayerResponse === 'function');
    const arrived = (id: string) =>
      withExtension
        ? page.waitForFunction((v) => {
            const host = document.querySelector('#perspective-map');
            return host?.getAttribute('data-video-id') === v && host.getAttribute('data-state') === 'ready';
          }, id, { timeout: 60_000, polling: 100 })
        : page.waitForFunction((v) => document.querySelector('ytd-watch-flexy')?.getAttribute('video-id') === v, id, { timeout: 60_000, polling: 100 });
    await arrived(SEED);
    for (let i = 1; i <= navs; i++) {
      const id = i % 2 === 1 ? OTHER : SEED;
      await page.evaluate((v) => (window as unknown as { __replica: { navigate(id: string): Promise<void> } }).__replica.navigate(v), id);
      await arrived(id);
      // A little playback on every page, as a viewer would (media events, the playhead).
      await play(page).catch(() => undefined);
      await page.waitForTimeout(300);
      if (readAt.has(i)) {
        await page.waitForTimeout(HEAP_SETTLE_MS);
        readings.push(await heapAfterGc(cdp, i));
      }
    }
    return readings;
  } finally {
    await run.close();
  }
}

/** Quantile with linear interpolation between closest ranks. */
function quantile(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (s[lo] as number) + ((s[hi] as number) - (s[lo] as number)) * (pos - lo);
}

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : 'n/a');

export default async function playback(): Promise<void> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    console.log('playback: skipped — build the extension first (npm run build)');
    return;
  }
  const reps = Math.max(1, Number(process.env.BENCH_REPS ?? 5) || 5);
  const windowMs = Math.max(1000, Number(process.env.BENCH_WINDOW_MS ?? 5000) || 5000);
  const navs = Math.max(3, Number(process.env.BENCH_NAVS ?? 20) || 20);
  globalSetup();
  const replica = await startReplica({ episodesDir: EPISODES_DIR, mediaFile: MEDIA_FILE });
  const part = process.env.BENCH_PART ?? 'both';
  try {
    if (part !== 'heap') await playbackRows(replica.url, reps, windowMs);
    if (part !== 'playback') await heapRows(replica.url, navs);
  } finally {
    await replica.close();
  }
}

async function playbackRows(replicaUrl: string, reps: number, windowMs: number): Promise<void> {
  console.log(`seed episode ${SEED}, production build, ${reps} repetitions × ${windowMs / 1000} s windows, round-robin (extension, then page)`);
  const empty = () => Object.fromEntries(SCENARIOS.map((s) => [s, [] as Sample[]])) as unknown as Record<Scenario, Sample[]>;
  const withExt = empty();
  const without = empty();
  const hiddenWhy = new Set<string>();
  for (let rep = 1; rep <= reps; rep++) {
    const ext = await oneRun(true, replicaUrl, windowMs);
    const page = await oneRun(false, replicaUrl, windowMs);
    for (const [run, withExtension] of [[ext, true], [page, false]] as const) {
      const hidden = await hiddenTabRun(withExtension, replicaUrl, windowMs);
      if (hidden.sample) run.result['playing, hidden tab'] = hidden.sample;
      else hiddenWhy.add(hidden.why);
    }
    const cells: string[] = [];
    for (const s of SCENARIOS) {
      const e = ext.result[s];
      const p = page.result[s];
      if (!e || !p) {
        cells.push(`${s}: n/a`);
        continue;
      }
      withExt[s].push(e);
      without[s].push(p);
      const stalled = s.startsWith('playing') && (e.played < 0.5 * (windowMs / 1000) || p.played < 0.5 * (windowMs / 1000)) ? ' (VIDEO DID NOT PLAY)' : '';
      cells.push(`${s}: ${fmt(e.msPerS)} vs ${fmt(p.msPerS)}${stalled}`);
    }
    console.log(`rep ${rep} (${ext.note}) task ms/s with vs without — ${cells.join('; ')}`);
  }
  const table = (title: string, pick: (x: Sample) => number, unit: string) => {
    console.log(`\n${title}: extension − page, median [IQR q1 … q3] of the ${reps} repetitions; (with / without medians)`);
    for (const s of SCENARIOS) {
      if (withExt[s].length === 0) {
        console.log(`  ${s.padEnd(24)} n/a (${s === 'playing, hidden tab' ? [...hiddenWhy].join('; ') || 'not measured' : 'no drawer'})`);
        continue;
      }
      const added = withExt[s].map((e, i) => pick(e) - pick(without[s][i] as Sample));
      console.log(
        `  ${s.padEnd(24)} ${fmt(quantile(added, 0.5)).padStart(7)} ${unit}  [${fmt(quantile(added, 0.25))} … ${fmt(quantile(added, 0.75))}]   (${fmt(quantile(withExt[s].map(pick), 0.5))} / ${fmt(quantile(without[s].map(pick), 0.5))})`,
      );
    }
  };
  table('added main-thread task time (TaskDuration)', (x) => x.msPerS, 'ms/s');
  table('added main-thread CPU time (ThreadTime; robust to a loaded machine)', (x) => x.cpuMsPerS, 'ms/s');
  table('added style recalculations (RecalcStyleCount)', (x) => x.stylesPerS, '/s  ');
}

async function heapRows(replicaUrl: string, navs: number): Promise<void> {
  console.log(`\nnavigation heap: ${navs} SPA navigations ${SEED} ↔ ${OTHER}, JS heap after ${HEAP_SETTLE_MS / 1000} s and a GC (MB)`);
  const mb = (bytes: number) => (bytes / 1e6).toFixed(2);
  const growth = (first: number, last: number) => {
    const pct = first > 0 ? ((last - first) / first) * 100 : Number.NaN;
    return `${pct >= 0 ? '+' : ''}${pct.toFixed(1)}% (${((last - first) / 1e6).toFixed(2)} MB)`;
  };
  const rows: string[] = [];
  for (const withExtension of [true, false]) {
    const readings = await navigationHeap(withExtension, replicaUrl, navs);
    const first = readings[0];
    const last = readings.at(-1);
    if (!first || !last) continue;
    const who = (withExtension ? 'extension' : 'page').padEnd(10);
    console.log(`  ${who} ${readings.map(({ at, bytes }) => `after ${at}: ${mb(bytes)}`).join('  ')}  growth 2nd → ${navs}th ${growth(first.bytes, last.bytes)}`);
    rows.push(
      `  ${who} code ${readings.map(({ at, codeBytes }) => `${at}: ${mb(codeBytes)}`).join('  ')}   without code ${readings.map(({ at, bytes, codeBytes }) => `${at}: ${mb(bytes - codeBytes)}`).join('  ')}  growth 2nd → ${navs}th ${growth(first.bytes - first.codeBytes, last.bytes - last.codeBytes)}`,
    );
  }
  console.log('  of which V8 code (bytecode, JIT code, feedback: heap-snapshot nodes of type `code`), and the heap without it (MB):');
  for (const row of rows) console.log(row);
}
