// @vitest-environment happy-dom
/**
 * Issue 12, "a 100,000-cue transcript opens without a long task": what the drawer draws while pages of cues arrive.
 * Counted, never timed. Rows drawn are counted in the DOM and by `cutText` calls (each drawn row cuts its text once);
 * slice headers drawn by `formatClockRange` calls (each drawn block formats its time range once).
 *
 * happy-dom has no layout and a ResizeObserver that never reports, so a stand-in observer reports each observed
 * block's height from what it holds (a header, its rows, a "Loading…" line), one "frame" per `flush()`, as the
 * browser's does after its layout.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { transcriptPages } from '../../../src/background/transcript-pages';
import type { Cue } from '../../../src/captions/cue';
import type { TranscriptPage } from '../../../src/messaging/protocol';
import { Panel } from '../../../src/panel/components/panel';
import * as geometry from '../../../src/panel/geometry';
import * as transcriptText from '../../../src/panel/transcript-text';
import { createVideoClock, type ClockVideo } from '../../../src/panel/video-clock';
import type { PerspectiveMap } from '../../../src/scoring/perspective-map';
import { drawerActions, fixtureCues, fixtureMap, fixtureSlices, readyView } from './fixtures';

vi.mock('../../../src/panel/transcript-text', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/panel/transcript-text')>();
  return { ...original, cutText: vi.fn(original.cutText) };
});
vi.mock('../../../src/panel/geometry', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/panel/geometry')>();
  return { ...original, formatClockRange: vi.fn(original.formatClockRange) };
});

/** Heights the stand-in layout gives: a slice header, a cue row, the "Loading…" line. */
const HEAD_PX = 26;
const ROW_PX = 20;
const LOADING_PX = 18;

/** A ResizeObserver that reports when told to (`flush`: one frame), with heights from each block's content. */
class StandInResizeObserver {
  static all = new Set<StandInResizeObserver>();
  private readonly sizes = new Map<Element, number>();
  constructor(private readonly callback: ResizeObserverCallback) {
    StandInResizeObserver.all.add(this);
  }
  observe(element: Element) {
    this.sizes.set(element, -1);
  }
  unobserve(element: Element) {
    this.sizes.delete(element);
  }
  disconnect() {
    this.sizes.clear();
    StandInResizeObserver.all.delete(this);
  }
  /** Reports the observed elements whose height changed since the last report; false when none did. */
  report(): boolean {
    const entries: ResizeObserverEntry[] = [];
    for (const [element, last] of this.sizes) {
      if (!element.isConnected) continue;
      const height = HEAD_PX + element.querySelectorAll('[data-cue-start-ms]').length * ROW_PX + element.querySelectorAll('.transcript-status').length * LOADING_PX;
      if (height === last) continue;
      this.sizes.set(element, height);
      entries.push({ target: element, borderBoxSize: [{ blockSize: height, inlineSize: 400 }], contentRect: { height } } as unknown as ResizeObserverEntry);
    }
    if (entries.length > 0) this.callback(entries, this as unknown as ResizeObserver);
    return entries.length > 0;
  }
  /** Frames until the sizes settle (at most `frames`). */
  static flush(frames = 40) {
    for (let i = 0; i < frames; i++) {
      let changed = false;
      act(() => {
        for (const observer of StandInResizeObserver.all) changed = observer.report() || changed;
      });
      if (!changed) return;
    }
  }
}

beforeEach(() => vi.stubGlobal('ResizeObserver', StandInResizeObserver));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  StandInResizeObserver.all.clear();
});

/** The worker's pages, each answered only when the test says so. */
function heldPages(cues: Cue[], map: PerspectiveMap) {
  const pages = transcriptPages(cues, map, []);
  const waiting: (() => void)[] = [];
  const load = async (from: number, count: number): Promise<TranscriptPage> => {
    await new Promise<void>((resolve) => waiting.push(resolve));
    return pages.page(from, count);
  };
  /** Answers the page asked for and waits until the drawer holds it. */
  const answer = async (root: HTMLElement) => {
    await waitFor(() => expect(waiting.length).toBeGreaterThan(0));
    const before = loadedCues(root);
    act(() => waiting.shift()!());
    await waitFor(() => expect(loadedCues(root)).toBeGreaterThan(before));
  };
  /**
   * Answers the page asked for and lets promise callbacks run, no task: resolves once the store has taken the page in
   * and told its listeners (it then asks for the next page at once).
   */
  const answerWithinTask = async () => {
    expect(waiting.length).toBe(1);
    waiting.shift()!();
    for (let hop = 0; hop < 100 && waiting.length === 0; hop++) await Promise.resolve();
    expect(waiting.length).toBe(1);
    // Promise callbacks the page's answer set off (preact draws on one) run before the task ends.
    for (let hop = 0; hop < 20; hop++) await Promise.resolve();
  };
  return { load, answer, answerWithinTask, pending: () => waiting.length };
}

const rows = (root: HTMLElement) => root.querySelectorAll('[data-cue-start-ms]').length;
const blocks = (root: HTMLElement) => root.querySelectorAll('[data-transcript-slice]').length;
const loadedCues = (root: HTMLElement) => Number(root.querySelector<HTMLElement>('.transcript-list')?.dataset.loadedCues ?? 0);

describe('transcript drawer while pages arrive', () => {
  async function openWaitingForCues() {
    const map = fixtureMap(fixtureSlices(3334, 13_000)); // 30 cues a slice: 100,020 cues
    const cues = fixtureCues(map);
    const worker = heldPages(cues, map);
    const video: ClockVideo = { currentTime: 0, paused: true, duration: 3334 * 13 };
    const clock = createVideoClock({ events: document, getVideo: () => video, now: () => 0, setTimer: () => 1, clearTimer: () => {} });
    const { container } = render(<Panel view={readyView({ map })} actions={drawerActions(worker.load)} clock={clock} />);
    const root = container as HTMLElement;
    fireEvent.click(root.querySelector<HTMLElement>('.transcript-toggle [data-action="open-transcript"]')!);
    // The body is drawn (its code loads on first open) before any cue is here.
    await waitFor(() => expect(blocks(root)).toBeGreaterThan(0));
    return { root, worker };
  }

  it('does not draw more blocks because blocks waiting for their cues were measured small', async () => {
    const { root, worker } = await openWaitingForCues();
    const before = blocks(root);
    StandInResizeObserver.flush();
    // A block still waiting for its cues is one header and a "Loading…" line; measured so, the estimated blocks
    // below it would seem to come into view one frame after another, and the first page would draw them all.
    expect(blocks(root)).toBe(before);

    await worker.answer(root);
    expect(loadedCues(root)).toBe(1000);
    // The view (360 px) and its overscan (300 px either side) by the estimate (30 px + 22 px a row): two blocks.
    expect(rows(root)).toBeLessThanOrEqual(60);
    StandInResizeObserver.flush();
    expect(rows(root)).toBeGreaterThan(0);
    expect(rows(root)).toBeLessThanOrEqual(90);
  }, 60_000);

  it('draws a page of cues in a task after the one that took it in', async () => {
    const { root, worker } = await openWaitingForCues();
    await worker.answer(root);
    StandInResizeObserver.flush();
    await waitFor(() => expect(worker.pending()).toBe(1));
    const drawn = rows(root);
    const cut = vi.mocked(transcriptText.cutText);
    cut.mockClear();
    await worker.answerWithinTask();
    // Taking 1,000 cues in (the message's answer, checked by valibot) and drawing them are two tasks, not one.
    expect(loadedCues(root)).toBe(1000);
    await act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
    expect(loadedCues(root)).toBe(2000);
    expect(rows(root)).toBe(drawn);
  }, 60_000);

  it('a page of cues arriving redraws none of the blocks and rows already drawn', async () => {
    const { root, worker } = await openWaitingForCues();
    await worker.answer(root);
    StandInResizeObserver.flush();
    const drawn = rows(root);
    expect(drawn).toBeGreaterThan(0);
    const cut = vi.mocked(transcriptText.cutText);
    const headers = vi.mocked(geometry.formatClockRange);
    cut.mockClear();
    headers.mockClear();

    await worker.answer(root);
    StandInResizeObserver.flush();
    expect(loadedCues(root)).toBe(2000);
    expect(rows(root)).toBe(drawn);
    expect(cut).not.toHaveBeenCalled();
    expect(headers).not.toHaveBeenCalled();
  }, 60_000);
});
