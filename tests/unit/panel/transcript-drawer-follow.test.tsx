// @vitest-environment happy-dom
/**
 * Issue 9: following playback with the drawer open costs the page one row's work per cue change, not a redraw of
 * every row on screen. Each drawn row cuts its text into pieces (`cutText`) when it renders; counting those calls
 * counts rows rendered.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { transcriptPages } from '../../../src/background/transcript-pages';
import { Panel } from '../../../src/panel/components/panel';
import { createVideoClock, type ClockVideo } from '../../../src/panel/video-clock';
import * as transcriptText from '../../../src/panel/transcript-text';
import { drawerActions, fixtureCues, fixtureMap, readyView } from './fixtures';

vi.mock('../../../src/panel/transcript-text', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/panel/transcript-text')>();
  return { ...original, cutText: vi.fn(original.cutText) };
});

afterEach(cleanup);

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
