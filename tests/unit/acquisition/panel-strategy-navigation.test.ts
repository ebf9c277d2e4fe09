// @vitest-environment happy-dom
/**
 * Defect 2 (issue 10), every timing: the panel strategy against the replica's own inferred transcript panel (a
 * language menu, and the previous video's rows kept for a while after in-page navigation), with the rows' arrival,
 * a language's load and the session's end moved around. Whatever the timing it never returns rows that are not the
 * chosen track of this video, and it leaves the panel as it found it: the language put back, open or closed.
 */
import { describe, expect, it, vi } from 'vitest';
import { createPanelStrategy } from '../../../src/acquisition/panel-strategy';
import { readTranscriptPanel } from '../../../src/acquisition/read-transcript-panel';
import type { AcquireRequest } from '../../../src/acquisition/acquisition-strategy';
import type { CaptionTrack } from '../../../src/captions/caption-track';
import { parseCaptions } from '../../../src/captions/parse-captions';
import {
  buildTranscriptPanel,
  panelTimestamp,
  wirePanelVisibility,
  VISIBILITY_EXPANDED,
  type PanelContent,
  type PanelTiming,
} from '../../e2e/replica/inferred/transcript-panel';

/** The reader as the content script loads it from its chunk (load-chunks.ts), here at once. */
const loadReader = async () => readTranscriptPanel;

const rows = (words: string) => Array.from({ length: 4 }, (_, i) => ({ startMs: 1_000 + i * 4_000, text: `${words} ${i}` }));
/** Video A: one English track. Video B: German first (the panel's default), English (auto-generated) chosen. */
const A: PanelContent = { tracks: [{ name: 'English (auto-generated)', segments: rows('previous video') }], defaultIndex: 0 };
const B: PanelContent = { tracks: [{ name: 'German', segments: rows('deutsche Zeile') }, { name: 'English (auto-generated)', segments: rows('this video') }], defaultIndex: 0 };

const track = (languageCode: string, name: string, kind?: 'asr'): CaptionTrack => ({
  baseUrl: `https://www.youtube.com/api/timedtext?v=BBBBBBBBBBB&lang=${languageCode}`,
  languageCode,
  vssId: `${kind === 'asr' ? 'a' : ''}.${languageCode}`,
  name,
  ...(kind ? { kind } : {}),
});
const english = track('en', 'English (auto-generated)', 'asr');
const request: AcquireRequest = { videoId: 'BBBBBBBBBBB', track: english, tracks: [track('de', 'German'), english], innertube: null };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The replica's watch page, reduced to the transcript panel and its "Show transcript" button, on video A. */
function pageOnA(open: boolean, timing: PanelTiming) {
  const life = new AbortController();
  const panel = buildTranscriptPanel(document, 'modern', A, () => timing);
  const section = document.createElement('ytd-video-description-transcript-section-renderer');
  const button = document.createElement('button');
  button.addEventListener('click', () => panel.element.setAttribute('visibility', VISIBILITY_EXPANDED));
  section.append(button);
  document.body.replaceChildren(section, panel.element);
  wirePanelVisibility(panel, life.signal);
  if (open) panel.element.setAttribute('visibility', VISIBILITY_EXPANDED);
  return {
    panel,
    isOpen: () => panel.element.getAttribute('visibility') === VISIBILITY_EXPANDED,
    /** An in-page navigation to B: yt-navigate-start, then B's content (stale for timing.staleMs). */
    navigateToB: () => {
      document.dispatchEvent(new CustomEvent('yt-navigate-start', { bubbles: true }));
      panel.navigateTo(B);
    },
    stop: () => life.abort(),
  };
}

const cases: [open: boolean, staleMs: number, languageMs: number, endAfterMs: number | null][] = [];
for (const open of [true, false])
  for (const staleMs of [0, 40, 1e9])
    for (const languageMs of [0, 25, 70]) for (const endAfterMs of [null, 15, 60]) cases.push([open, staleMs, languageMs, endAfterMs]);

describe('panel strategy after in-page navigation, every timing', () => {
  it.each(cases)('open %s, stale %i ms, language load %i ms, session ends after %s ms', async (open, staleMs, languageMs, endAfterMs) => {
    const page = pageOnA(open, { staleMs, languageMs });
    // Generous where rows do come (a busy machine delays timers); short where they never can.
    const strategy = createPanelStrategy({ doc: document, rowsTimeoutMs: staleMs >= 1e9 ? 300 : 5_000, intervalMs: 5, loadReader });
    page.navigateToB();
    const session = new AbortController();
    if (endAfterMs !== null) setTimeout(() => session.abort(), endAfterMs);
    const result = await strategy.acquire(request, session.signal);

    if (result.ok) {
      const cues = parseCaptions(result.body).cues.map((c) => c.text);
      expect(cues).toEqual(B.tracks[1]!.segments.map((s) => s.text));
    } else expect(['unavailable', 'timeout']).toContain(result.outcome);
    if (staleMs >= 1e9) expect(result.ok).toBe(false);
    if (endAfterMs === null && staleMs < 1e9) expect(result.ok).toBe(true);

    // Put back: the panel open or closed as it was, and once B's content has come, on B's own default language.
    expect(page.isOpen()).toBe(open);
    await vi.waitFor(() => expect(page.panel.shownTrack()).toBe(staleMs >= 1e9 ? A.tracks[0]!.name : 'German'), { timeout: 3_000 });
    expect(page.isOpen()).toBe(open);
    page.stop();
  });

  it('rows the panel showed when the navigation started are never read, even with no menu to tell', async () => {
    const page = pageOnA(true, { staleMs: 1e9, languageMs: 0 });
    document.querySelector('ytd-transcript-footer-renderer')?.remove();
    const strategy = createPanelStrategy({ doc: document, rowsTimeoutMs: 80, intervalMs: 5, loadReader });
    page.navigateToB();
    const result = await strategy.acquire({ ...request, tracks: [english] }, new AbortController().signal);
    expect(result).toMatchObject({ ok: false, outcome: 'unavailable' });
    page.stop();
  });

  it('the reader loads on first use, yet the rows shown when a navigation started before it came are still never read', async () => {
    const page = pageOnA(true, { staleMs: 1e9, languageMs: 0 });
    document.querySelector('ytd-transcript-footer-renderer')?.remove();
    const load = vi.fn(loadReader);
    const strategy = createPanelStrategy({ doc: document, rowsTimeoutMs: 80, intervalMs: 5, loadReader: load });
    page.navigateToB();
    expect(load).not.toHaveBeenCalled();
    const result = await strategy.acquire({ ...request, tracks: [english] }, new AbortController().signal);
    expect(load).toHaveBeenCalledTimes(1);
    expect(result).toMatchObject({ ok: false, outcome: 'unavailable' });
    page.stop();
  });

  it('a reader that cannot be loaded fails the attempt as an error (said in the tried list); the next attempt loads it again', async () => {
    const page = pageOnA(false, { staleMs: 0, languageMs: 0 });
    const load = vi.fn(loadReader).mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'));
    const strategy = createPanelStrategy({ doc: document, rowsTimeoutMs: 5_000, intervalMs: 5, loadReader: load });
    const single = { ...request, track: english, tracks: [english] };
    expect(await strategy.acquire(single, new AbortController().signal)).toEqual({
      ok: false,
      outcome: 'error',
      detail: 'the transcript panel reader could not be loaded (Failed to fetch dynamically imported module)',
    });
    expect(page.isOpen()).toBe(false);
    const again = await strategy.acquire(single, new AbortController().signal);
    expect(again.ok).toBe(true);
    expect(load).toHaveBeenCalledTimes(2);
    page.stop();
  });

  it('a machine translation needs no reader: not-needed, nothing loaded', async () => {
    const load = vi.fn(loadReader);
    const translated = { ...english, translation: { tlang: 'fr', sourceVssId: english.vssId, sourceLanguageCode: 'en' } };
    const result = await createPanelStrategy({ doc: document, rowsTimeoutMs: 80, loadReader: load }).acquire({ ...request, track: translated }, new AbortController().signal);
    expect(result).toMatchObject({ ok: false, outcome: 'not-needed' });
    expect(load).not.toHaveBeenCalled();
  });

  it('a panel that does not offer the chosen track: unavailable, nothing selected', async () => {
    const page = pageOnA(true, { staleMs: 0, languageMs: 0 });
    page.navigateToB();
    await sleep(5);
    const french = track('fr', 'French');
    const result = await createPanelStrategy({ doc: document, rowsTimeoutMs: 80, intervalMs: 5, loadReader }).acquire({ ...request, track: french, tracks: [...request.tracks, french] }, new AbortController().signal);
    expect(result).toMatchObject({ ok: false, outcome: 'unavailable', detail: expect.stringContaining('French') });
    expect(page.panel.shownTrack()).toBe('German');
    page.stop();
  });

  it('the timestamps the replica shows are the ones the strategy parses', () => {
    expect(panelTimestamp(62_000)).toBe('1:02');
  });
});
