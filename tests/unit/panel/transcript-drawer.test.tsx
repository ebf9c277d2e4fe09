// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { transcriptPages } from '../../../src/background/transcript-pages';
import type { Cue } from '../../../src/captions/cue';
import { BUILTIN_LEXICONS } from '../../../src/lexicons/builtin-lexicons';
import type { TranscriptPage } from '../../../src/messaging/protocol';
import { Panel } from '../../../src/panel/components/panel';
import { createVideoClock, type ClockVideo } from '../../../src/panel/video-clock';
import type { PanelView } from '../../../src/panel/panel-view';
import { scoreCuesWithHits } from '../../../src/scoring/score-cues';
import type { PerspectiveMap } from '../../../src/scoring/perspective-map';
import { HOSTILE, MOST_RISK, fixtureMap, fixtureSlices, readyView, drawerActions } from './fixtures';

afterEach(cleanup);

/** Pages as the worker sends them, from any cues + map + hits (the real paging code). */
function worker(cues: Cue[], map: PerspectiveMap, hits = scoreCuesWithHits(cues, { lexicons: [...BUILTIN_LEXICONS] }).hits) {
  const pages = transcriptPages(cues, map, hits);
  const calls: [number, number][] = [];
  const load = vi.fn(async (from: number, count: number): Promise<TranscriptPage> => {
    calls.push([from, count]);
    return pages.page(from, count);
  });
  return { load, calls };
}

/** Cues for the fixture map: 30 per slice, 1.6 s apart. */
function fixtureCues(map: PerspectiveMap, text: (i: number) => string = (i) => `words of cue ${i}`): Cue[] {
  const cues: Cue[] = [];
  for (const slice of map.slices) {
    const step = (slice.endMs - slice.startMs) / (slice.lastCue - slice.firstCue + 1);
    for (let c = slice.firstCue; c <= slice.lastCue; c++) {
      const startMs = Math.round(slice.startMs + (c - slice.firstCue) * step);
      cues.push({ startMs, endMs: Math.round(startMs + step), text: text(c) });
    }
  }
  return cues;
}

function setup(view: PanelView, load: (from: number, count: number) => Promise<TranscriptPage>) {
  const video: ClockVideo = { currentTime: 0, paused: true, duration: 6000 };
  const clock = createVideoClock({ events: document, getVideo: () => video, now: () => 0, setTimer: () => 1, clearTimer: () => {} });
  const actions = drawerActions(load);
  const result = render(<Panel view={view} actions={actions} clock={clock} />);
  const root = result.container as HTMLElement;
  return { video, clock, actions, root, rerender: (v: PanelView) => result.rerender(<Panel view={v} actions={actions} clock={clock} />) };
}

const drawer = (root: HTMLElement) => root.querySelector<HTMLElement>('[data-transcript]')!;
const rows = (root: HTMLElement) => [...root.querySelectorAll<HTMLElement>('[data-cue-start-ms]')];
const openButton = (root: HTMLElement) => root.querySelector<HTMLElement>('.transcript-toggle [data-action="open-transcript"]')!;

async function open(root: HTMLElement) {
  fireEvent.click(openButton(root));
  await waitFor(() => expect(rows(root).length).toBeGreaterThan(0));
  // The body arrives from a load (load-chunks.ts), after the click's act(): its effects (clock subscription, find
  // reset) run after the next frame, as preact schedules them (rAF, then a task). Wait for that frame.
  await act(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

describe('transcript drawer', () => {
  it('is closed by default, with a visible open control; opening asks the worker for the first page', async () => {
    const map = fixtureMap();
    const { load } = worker(fixtureCues(map), map, []);
    const { root, actions } = setup(readyView({ map }), load);
    expect(drawer(root).dataset.open).toBe('false');
    expect(openButton(root).textContent).toMatch(/open the transcript/i);
    expect(actions.loadTranscript).not.toHaveBeenCalled();
    await open(root);
    expect(drawer(root).dataset.open).toBe('true');
    expect(drawer(root).getAttribute('aria-label')).toBe('Transcript');
    expect(actions.onTranscriptOpenChange).toHaveBeenCalledWith(true);
    expect(actions.loadTranscript.mock.calls[0]).toEqual([0, 1000]);
  });

  it('opens when the saved choice says so', async () => {
    const map = fixtureMap();
    const { load } = worker(fixtureCues(map), map, []);
    const { root } = setup(readyView({ map, display: { palette: 'default', progressBarStrip: true, collapsed: false, transcriptOpen: true } }), load);
    expect(drawer(root).dataset.open).toBe('true');
    await waitFor(() => expect(rows(root).length).toBeGreaterThan(0));
  });

  it('groups cues by slice, each group headed by its time range, score and band', async () => {
    const map = fixtureMap();
    const { load } = worker(fixtureCues(map), map, []);
    const { root } = setup(readyView({ map }), load);
    await open(root);
    const groups = [...root.querySelectorAll<HTMLElement>('[data-transcript-slice]')];
    expect(groups.length).toBeGreaterThan(0);
    for (const group of groups) {
      const slice = map.slices[Number(group.dataset.transcriptSlice)]!;
      expect(group.querySelector('.slice-time')!.textContent).toBe(`${clock(slice.startMs)}–${clock(slice.endMs)}`);
      expect(group.querySelector('.slice-score')!.textContent).toContain(slice.band === 'mixed' ? 'Mixed' : 'Risk-forward');
      const starts = [...group.querySelectorAll<HTMLElement>('[data-cue-start-ms]')].map((r) => Number(r.dataset.cueStartMs));
      expect(starts).toHaveLength(slice.lastCue - slice.firstCue + 1);
      for (const ms of starts) expect(ms >= slice.startMs && ms < slice.endMs).toBe(true);
    }
  });

  it('mutes off-topic slices (slices[].onTopic === false) without a palette colour', async () => {
    const slices = fixtureSlices().map((s) => (s.index === 0 ? { ...s, onTopic: false } : s));
    const map = fixtureMap(slices);
    const { load } = worker(fixtureCues(map), map, []);
    const { root } = setup(readyView({ map }), load);
    await open(root);
    const first = root.querySelector<HTMLElement>('[data-transcript-slice="0"]')!;
    expect(first.dataset.offTopic).toBe('true');
    expect(first.querySelector<HTMLElement>('.slice-swatch')!.style.backgroundColor).toBe('');
    fireEvent.click(root.querySelectorAll('.arc-bar')[1]!);
    await waitFor(() => expect(root.querySelector<HTMLElement>('[data-transcript-slice="1"]')!.dataset.offTopic).toBeUndefined());
  });

  it('highlights a term split across two cues in both, with its contribution', async () => {
    const cues: Cue[] = [
      { startMs: 0, endMs: 2000, text: 'and we should worry about existential' },
      { startMs: 2000, endMs: 4000, text: 'Risk from these systems' },
      { startMs: 4000, endMs: 6000, text: 'that is all' },
    ];
    const { map, hits } = scoreCuesWithHits(cues, { lexicons: [...BUILTIN_LEXICONS], videoId: 'SplitTerm01' });
    const { load } = worker(cues, map, hits);
    const { root } = setup(readyView({ map, videoId: 'SplitTerm01' }), load);
    await open(root);
    // `worry` counts too; the phrase is what crosses the boundary.
    const terms = [...root.querySelectorAll<HTMLElement>('mark.term')].filter((t) => t.dataset.tip!.startsWith('existential risk'));
    expect(terms.map((t) => t.textContent)).toEqual(['existential', 'Risk']);
    expect(terms.map((t) => t.closest<HTMLElement>('[data-cue-start-ms]')!.dataset.cueStartMs)).toEqual(['0', '2000']);
    for (const term of terms) {
      expect(term.dataset.tip).toMatch(/^existential risk: −\d+\.\d\d \(risk\)$/);
      expect(term.classList.contains('term-risk')).toBe(true);
    }
    // The rest of each cue is plain text around the mark.
    expect(rows(root)[0]!.querySelector('.cue-text')!.textContent).toBe(cues[0]!.text);
  });

  it('renders hostile caption text as text (no elements from captions)', async () => {
    const map = fixtureMap();
    const { load } = worker(fixtureCues(map, (i) => (i < 40 ? `${HOSTILE} <script>alert(1)</script> &amp; &lt;b&gt;` : 'plain')), map, []);
    const { root } = setup(readyView({ map }), load);
    await open(root);
    expect(root.querySelector('[data-transcript] img, [data-transcript] script, [data-transcript] b')).toBeNull();
    expect(rows(root)[0]!.querySelector('.cue-text')!.textContent).toBe(`${HOSTILE} <script>alert(1)</script> &amp; &lt;b&gt;`);
  });

  it('finds with case and diacritics ignored, steps with Enter / Shift+Enter, counts, and marks the arc', async () => {
    const map = fixtureMap();
    const special: Record<number, string> = { 5: 'a CAFÉ in Zürich', 700: 'the cafe again', 1500: 'Café, café' };
    const { load } = worker(fixtureCues(map, (i) => special[i] ?? `words of cue ${i}`), map, []);
    const { root } = setup(readyView({ map }), load);
    await open(root);
    const search = root.querySelector<HTMLInputElement>('[data-transcript] input[type="search"]')!;
    fireEvent.input(search, { target: { value: 'cafe' } });
    await waitFor(() => expect(root.querySelector('[data-testid="transcript-count"]')!.textContent).toBe('1 of 4'));
    expect(root.querySelector('[data-testid="transcript-count"]')!.getAttribute('aria-live')).toBe('polite');
    const marked = () => [...root.querySelectorAll<HTMLElement>('.arc-bar[data-match="true"]')].map((b) => Number(b.dataset.sliceIndex));
    await waitFor(() => expect(marked()).toEqual([0, 23, 50]));
    await waitFor(() => expect(root.querySelector('mark.found[data-found="current"]')?.textContent).toBe('CAFÉ'));
    fireEvent.keyDown(search, { key: 'Enter' });
    await waitFor(() => expect(root.querySelector('[data-testid="transcript-count"]')!.textContent).toBe('2 of 4'));
    fireEvent.keyDown(search, { key: 'Enter', shiftKey: true });
    fireEvent.keyDown(search, { key: 'Enter', shiftKey: true });
    await waitFor(() => expect(root.querySelector('[data-testid="transcript-count"]')!.textContent).toBe('4 of 4'));
    fireEvent.input(search, { target: { value: 'zurich' } });
    await waitFor(() => expect(root.querySelector('[data-testid="transcript-count"]')!.textContent).toBe('1 of 1'));
    await waitFor(() => expect(root.querySelector('mark.found')?.textContent).toBe('Zürich'));
    fireEvent.input(search, { target: { value: 'nowhere at all' } });
    await waitFor(() => expect(root.querySelector('[data-testid="transcript-count"]')!.textContent).toBe('No matches'));
    await waitFor(() => expect(marked()).toEqual([]));
  });

  it('loads its body on first open only, and says so when the body cannot be loaded', async () => {
    const map = fixtureMap();
    const { load } = worker(fixtureCues(map), map, []);
    const { root, actions } = setup(readyView({ map }), load);
    expect(actions.loadDrawer).not.toHaveBeenCalled();
    actions.loadDrawer.mockRejectedValueOnce(new Error('blocked'));
    fireEvent.click(openButton(root));
    await waitFor(() => expect(drawer(root).querySelector('[role="status"]')!.textContent).toMatch(/could not be shown \(blocked\)/));
    expect(drawer(root).getAttribute('data-open')).toBe('true');
    expect(rows(root)).toHaveLength(0);
    // Closed and opened again: a new try, which works.
    fireEvent.click(openButton(root));
    await open(root);
    expect(actions.loadDrawer).toHaveBeenCalledTimes(2);
  });

  it('marks the cue under the playhead (aria-current) and seeks when a cue is clicked', async () => {
    const map = fixtureMap();
    const cues = fixtureCues(map);
    const { load } = worker(cues, map, []);
    const { root, clock, video } = setup(readyView({ map }), load);
    await open(root);
    act(() => clock.seek(cues[3]!.startMs + 10));
    expect(root.querySelectorAll('[aria-current="true"]')).toHaveLength(1);
    expect(root.querySelector<HTMLElement>('[aria-current="true"]')!.dataset.cueStartMs).toBe(String(cues[3]!.startMs));
    act(() => clock.seek(cues[4]!.startMs));
    expect(root.querySelector<HTMLElement>('[aria-current="true"]')!.dataset.cueStartMs).toBe(String(cues[4]!.startMs));
    fireEvent.click(rows(root)[7]!.querySelector('.cue-text')!);
    expect(video.currentTime * 1000).toBeCloseTo(cues[7]!.startMs, 3);
  });

  it('clicking a marker with the drawer open seeks and shows that slice', async () => {
    const map = fixtureMap();
    const { load } = worker(fixtureCues(map), map, []);
    const { root, video } = setup(readyView({ map }), load);
    await open(root);
    await waitFor(() => expect(root.querySelector('[data-transcript] .transcript-status')).toBeNull());
    fireEvent.click(root.querySelector('[data-marker="risk"]')!);
    expect(video.currentTime * 1000).toBe(map.slices[MOST_RISK]!.startMs);
    await waitFor(() => expect(root.querySelector(`[data-transcript-slice="${MOST_RISK}"]`)).not.toBeNull());
  });

  it('the tooltip opens the transcript at its slice', async () => {
    const map = fixtureMap();
    const { load } = worker(fixtureCues(map), map, []);
    const { root } = setup(readyView({ map }), load);
    fireEvent.mouseEnter(root.querySelectorAll('.arc-bar')[60]!);
    fireEvent.click(root.querySelector('[role="tooltip"] [data-action="open-transcript"]')!);
    expect(drawer(root).dataset.open).toBe('true');
    await waitFor(() => expect(root.querySelector('[data-transcript-slice="60"]')).not.toBeNull());
  });

  it('Escape closes the drawer and returns focus to the control that opened it', async () => {
    const map = fixtureMap();
    const { load } = worker(fixtureCues(map), map, []);
    const { root, actions } = setup(readyView({ map }), load);
    openButton(root).focus();
    await open(root);
    const search = root.querySelector<HTMLInputElement>('input[type="search"]')!;
    search.focus();
    fireEvent.keyDown(search, { key: 'Escape' });
    expect(drawer(root).dataset.open).toBe('false');
    expect(actions.onTranscriptOpenChange).toHaveBeenLastCalledWith(false);
    await waitFor(() => expect(document.activeElement).toBe(openButton(root)));
  });

  it('reaches every cue from the keyboard: one tab stop, arrows move between rows', async () => {
    const map = fixtureMap();
    const { load } = worker(fixtureCues(map), map, []);
    const { root } = setup(readyView({ map }), load);
    await open(root);
    const tabbable = () => [...root.querySelectorAll<HTMLElement>('[data-transcript] .cue-time[tabindex="0"]')];
    expect(tabbable()).toHaveLength(1);
    const list = root.querySelector<HTMLElement>('[data-transcript] .transcript-list')!;
    fireEvent.keyDown(tabbable()[0]!, { key: 'ArrowDown' });
    await waitFor(() => expect(tabbable()[0]!.closest<HTMLElement>('[data-cue-index]')!.dataset.cueIndex).toBe('1'));
    fireEvent.keyDown(list, { key: 'End' });
    await waitFor(() => expect(tabbable()[0]?.closest<HTMLElement>('[data-cue-index]')!.dataset.cueIndex).toBe(String(map.slices.at(-1)!.lastCue)));
  });

  it('copies a slice with its time range and the video link at that time', async () => {
    const map = fixtureMap();
    const cues = fixtureCues(map);
    const { load } = worker(cues, map, []);
    const { root, actions } = setup(readyView({ map }), load);
    await open(root);
    fireEvent.click(root.querySelector('[data-transcript-slice="0"] [data-action="copy-slice"]')!);
    const text = actions.copyText.mock.calls[0]![0];
    const slice = map.slices[0]!;
    expect(text).toContain(cues[slice.firstCue]!.text);
    expect(text).toContain(cues[slice.lastCue]!.text);
    expect(text).toContain(`${clock(slice.startMs)}–${clock(slice.endMs)}`);
    expect(text).toContain(`https://www.youtube.com/watch?v=4WNWeUQ7Hfc&t=${Math.floor(slice.startMs / 1000)}s`);
    await waitFor(() => expect(root.querySelector('[data-testid="transcript-count"]')!.textContent).toMatch(/^Copied slice 1 /));
  });

  it('keeps at most 200 rows in the DOM for a 100,000-cue transcript, wherever it is shown', async () => {
    const slices = fixtureSlices(3334, 13_000); // 30 cues each: 100,020 cues
    const map = fixtureMap(slices);
    const cues = fixtureCues(map);
    expect(cues.length).toBeGreaterThanOrEqual(100_000);
    const { load, calls } = worker(cues, map, []);
    const { root, video } = setup(readyView({ map }), load);
    await open(root);
    expect(rows(root).length).toBeLessThanOrEqual(200);
    await waitFor(() => expect(calls.length).toBe(Math.ceil(cues.length / 1000)), { timeout: 10_000 });
    expect(calls.every(([, count]) => count <= 1000)).toBe(true);
    expect(rows(root).length).toBeLessThanOrEqual(200);
    // Near the end: a bar click seeks and the drawer shows that slice, still few rows.
    fireEvent.click(root.querySelectorAll('.arc-bar')[3300]!);
    expect(video.currentTime * 1000).toBe(slices[3300]!.startMs);
    await waitFor(() => expect(root.querySelector('[data-transcript-slice="3300"]')).not.toBeNull());
    expect(rows(root).length).toBeLessThanOrEqual(200);
    expect(rows(root).length).toBeGreaterThan(0);
  }, 60_000);
});

function clock(ms: number): string {
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}
