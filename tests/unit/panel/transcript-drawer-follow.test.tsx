// @vitest-environment happy-dom
/**
 * Issue 9: following playback with the drawer open costs the page one row's work per cue change, not a redraw of
 * every row on screen. Each drawn row cuts its text into pieces (`cutText`) when it renders; counting those calls
 * counts rows rendered.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { transcriptPages } from '../../../src/background/transcript-pages';
import type { Cue } from '../../../src/captions/cue';
import { Panel } from '../../../src/panel/components/panel';
import { createVideoClock, type ClockVideo } from '../../../src/panel/video-clock';
import type { PerspectiveMap } from '../../../src/scoring/perspective-map';
import * as transcriptText from '../../../src/panel/transcript-text';
import { fixtureMap, readyView, drawerActions } from './fixtures';

vi.mock('../../../src/panel/transcript-text', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/panel/transcript-text')>();
  return { ...original, cutText: vi.fn(original.cutText) };
});

afterEach(cleanup);

/** Cues for the fixture map: 30 per slice. */
function fixtureCues(map: PerspectiveMap): Cue[] {
  const cues: Cue[] = [];
  for (const slice of map.slices) {
    const step = (slice.endMs - slice.startMs) / (slice.lastCue - slice.firstCue + 1);
    for (let c = slice.firstCue; c <= slice.lastCue; c++) {
      const startMs = Math.round(slice.startMs + (c - slice.firstCue) * step);
      cues.push({ startMs, endMs: Math.round(startMs + step), text: `words of cue ${c}` });
    }
  }
  return cues;
}

describe('transcript drawer following playback', () => {
  it('a cue change renders the two rows whose mark changed, not every row drawn', async () => {
    const map = fixtureMap();
    const cues = fixtureCues(map);
    const pages = transcriptPages(cues, map, []);
    const video: ClockVideo = { currentTime: 0, paused: false, duration: 6000 };
    const clock = createVideoClock({ events: document, getVideo: () => video, now: () => 0, setTimer: () => 1, clearTimer: () => {} });
    const actions = drawerActions(async (from: number, count: number) => pages.page(from, count));
    const { container } = render(<Panel view={readyView({ map })} actions={actions} clock={clock} />);
    const root = container as HTMLElement;
    fireEvent.click(root.querySelector<HTMLElement>('.transcript-toggle [data-action="open-transcript"]')!);
    await waitFor(() => expect(root.querySelectorAll('[data-cue-start-ms]').length).toBeGreaterThan(10));
    // The body arrives from a load (load-chunks.ts), after the click's act(): its effects run after the next frame.
    await act(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    act(() => clock.seek(cues[3]!.startMs + 10));
    const drawn = root.querySelectorAll('[data-cue-start-ms]').length;
    const cut = vi.mocked(transcriptText.cutText);

    cut.mockClear();
    act(() => clock.seek(cues[4]!.startMs + 10));
    expect(root.querySelector<HTMLElement>('[aria-current="true"]')!.dataset.cueStartMs).toBe(String(cues[4]!.startMs));
    expect(cut.mock.calls.length).toBeLessThanOrEqual(2);
    expect(drawn).toBeGreaterThan(10);

    // A tick inside the same cue renders no row at all.
    cut.mockClear();
    act(() => clock.seek(cues[4]!.startMs + 20));
    expect(cut.mock.calls.length).toBe(0);

    // Clicking a row still seeks there (the rows' handlers are not stale).
    fireEvent.click(root.querySelectorAll<HTMLElement>('[data-cue-start-ms]')[7]!.querySelector('.cue-text')!);
    expect(video.currentTime * 1000).toBeCloseTo(cues[7]!.startMs, 3);
  });
});
