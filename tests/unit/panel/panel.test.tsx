// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render } from '@testing-library/preact';
import { Panel, CAVEAT, type PanelActions } from '../../../src/panel/components/panel';
import { createVideoClock, type ClockVideo, type VideoClock } from '../../../src/panel/video-clock';
import { PALETTES, scoreColour } from '../../../src/panel/colour-scale';
import { scoreToFraction } from '../../../src/panel/geometry';
import type { PanelView } from '../../../src/panel/panel-view';
import { HOSTILE, MOST_OPPORTUNITY, MOST_RISK, fixtureMap, readyView } from './fixtures';
import { TranscriptDrawerBody } from '../../../src/panel/components/transcript-drawer';
import { DiagnosticsBox } from '../../../src/panel/components/diagnostics-box';

interface Harness {
  video: ClockVideo;
  clock: VideoClock;
  actions: { [K in keyof PanelActions]: ReturnType<typeof vi.fn> };
  container: HTMLElement;
  rerender(view: PanelView): void;
}

function setup(view: PanelView): Harness {
  const video: ClockVideo = { currentTime: 0, paused: true, duration: 5400 };
  const clock = createVideoClock({ events: document, getVideo: () => video, now: () => 0, setTimer: () => 1, clearTimer: () => {} });
  const actions = { onRetry: vi.fn(), onTrackChange: vi.fn(), onCollapsedChange: vi.fn(), onShowAnyway: vi.fn(), onTranscriptOpenChange: vi.fn(), loadTranscript: vi.fn(async (from: number) => ({ total: 0, from, cues: [] })), copyText: vi.fn(async () => undefined), loadDrawer: vi.fn(async () => TranscriptDrawerBody), loadDiagnostics: vi.fn(async () => DiagnosticsBox) };
  const result = render(<Panel view={view} actions={actions} clock={clock} />);
  return {
    video,
    clock,
    actions,
    container: result.container as HTMLElement,
    rerender: (v) => result.rerender(<Panel view={v} actions={actions} clock={clock} />),
  };
}

const bars = (root: HTMLElement) => [...root.querySelectorAll<HTMLElement>('.arc-bar')];
const arc = (root: HTMLElement) => root.querySelector<HTMLElement>('[role="slider"]')!;

afterEach(cleanup);

describe('ready panel', () => {
  it('draws one bar per slice with the contract data attributes, in transcript order', () => {
    const { container } = setup(readyView());
    const drawn = bars(container);
    const slices = fixtureMap().slices;
    expect(drawn).toHaveLength(107);
    drawn.forEach((bar, i) => {
      expect(bar.dataset.sliceIndex).toBe(String(i));
      expect(bar.dataset.startMs).toBe(String(slices[i]!.startMs));
    });
    const lefts = drawn.map((b) => parseFloat(b.style.left));
    expect([...lefts].sort((a, b) => a - b)).toEqual(lefts);
  });

  it('shows the headline lines, the track, the segment count and the caveat', () => {
    const { container } = setup(readyView());
    const text = container.textContent ?? '';
    expect(text).toContain('Perspective map');
    expect(text).toContain('Across 107 full-transcript segments: median 0');
    expect(text).toContain('Mixed leaning, primarily in the Technical lens. Evidence mode: interview. Confidence: medium.');
    expect(text).toContain('Emphasizes alignment · Emphasizes safety');
    expect(text).toContain('3,261 caption segments');
    expect(text).toContain(CAVEAT);
    expect(container.querySelector('select')?.value).toBe('a.en');
  });

  it('shows the channel baseline line only when the session has one, as text', () => {
    expect(setup(readyView()).container.querySelector('[data-channel-baseline]')).toBeNull();
    cleanup();
    const { container } = setup({ ...readyView(), channelBaseline: `More risk-forward than 4 of your 5 other episodes from this channel ${HOSTILE}` });
    const line = container.querySelector('[data-channel-baseline]');
    expect(line?.textContent).toContain('More risk-forward than 4 of your 5 other episodes from this channel');
    expect(container.querySelector('img')).toBeNull();
  });

  it('bar height follows the score on the printed scale (zoomed to ±25 for the seed-like spread)', () => {
    const { container } = setup(readyView());
    const risk = bars(container)[MOST_RISK]!;
    const opportunity = bars(container)[MOST_OPPORTUNITY]!;
    expect(container.textContent).toContain('Scale ±25');
    expect(parseFloat(risk.style.top)).toBeCloseTo(50, 3); // grows down from the zero line
    expect(parseFloat(risk.style.height)).toBeCloseTo(36, 3);
    expect(parseFloat(opportunity.style.top)).toBeCloseTo(32, 3); // grows up
    expect(parseFloat(opportunity.style.height)).toBeCloseTo(18, 3);
  });

  it('clicking a bar seeks the video to that slice start', () => {
    const h = setup(readyView());
    fireEvent.click(bars(h.container)[10]!);
    expect(h.video.currentTime).toBe(fixtureMap().slices[10]!.startMs / 1000);
  });

  it('keyboard: arrows, Home and End move between slices, Enter seeks', () => {
    const h = setup(readyView());
    const slider = arc(h.container);
    fireEvent.focus(slider);
    expect(slider.getAttribute('aria-valuenow')).toBe('1');
    fireEvent.keyDown(slider, { key: 'ArrowRight' });
    fireEvent.keyDown(slider, { key: 'ArrowRight' });
    expect(slider.getAttribute('aria-valuenow')).toBe('3');
    expect(h.container.querySelector('.arc-bar[data-active="true"]')?.getAttribute('data-slice-index')).toBe('2');
    fireEvent.keyDown(slider, { key: 'ArrowLeft' });
    expect(slider.getAttribute('aria-valuenow')).toBe('2');
    fireEvent.keyDown(slider, { key: 'End' });
    expect(slider.getAttribute('aria-valuenow')).toBe('107');
    fireEvent.keyDown(slider, { key: 'ArrowRight' }); // clamped
    expect(slider.getAttribute('aria-valuenow')).toBe('107');
    fireEvent.keyDown(slider, { key: 'Home' });
    fireEvent.keyDown(slider, { key: 'ArrowRight' });
    fireEvent.keyDown(slider, { key: 'Enter' });
    expect(h.video.currentTime).toBe(fixtureMap().slices[1]!.startMs / 1000);
    expect(slider.getAttribute('tabindex')).toBe('0');
  });

  it('arrow keys do not reach the page (YouTube would seek 5 s)', () => {
    const h = setup(readyView());
    const onPage = vi.fn();
    document.addEventListener('keydown', onPage);
    fireEvent.keyDown(arc(h.container), { key: 'ArrowRight' });
    document.removeEventListener('keydown', onPage);
    expect(onPage).not.toHaveBeenCalled();
  });

  it('renders hostile caption text in terms and excerpts as literal text', () => {
    const h = setup(readyView());
    fireEvent.mouseEnter(bars(h.container)[3]!);
    const tooltip = h.container.querySelector('[role="tooltip"]')!;
    expect(tooltip.textContent).toContain(HOSTILE);
    expect(tooltip.textContent).toContain(`so ${HOSTILE} said the model`);
    expect(h.container.querySelector('img')).toBeNull();
    expect(tooltip.textContent).toContain('2:32–3:21'); // 2 s + 3 × 50 s, and 49.5 s on
  });

  it('the tooltip gives time range, score, band and signed terms', () => {
    const h = setup(readyView());
    fireEvent.mouseEnter(bars(h.container)[MOST_RISK]!);
    const text = h.container.querySelector('[role="tooltip"]')!.textContent ?? '';
    expect(text).toContain('34:12–35:01'); // 2 s + 41 × 50 s … + 49.5 s
    expect(text).toContain('−18 · Risk-forward');
    expect(text).toContain('−existential risk');
    // The pointer may move from the bar into the tooltip (its "Open the transcript there" button): it stays.
    fireEvent.mouseLeave(arc(h.container));
    fireEvent.mouseEnter(h.container.querySelector('[role="tooltip"]')!);
    expect(h.container.querySelector('[role="tooltip"] [data-action="open-transcript"]')).not.toBeNull();
    fireEvent.mouseLeave(h.container.querySelector('.arc-wrap')!);
    expect(h.container.querySelector('[role="tooltip"]')).toBeNull();
  });

  it('places the three markers at the most risk-forward, median and most opportunity-forward scores', () => {
    const h = setup(readyView());
    const marker = (kind: string) => h.container.querySelector<HTMLElement>(`[data-marker="${kind}"]`)!;
    expect(parseFloat(marker('risk').style.left)).toBeCloseTo(scoreToFraction(-18) * 100, 3);
    expect(parseFloat(marker('median').style.left)).toBeCloseTo(50, 3);
    expect(parseFloat(marker('opportunity').style.left)).toBeCloseTo(scoreToFraction(9) * 100, 3);
    expect(marker('risk').dataset.markerSlice).toBe(String(MOST_RISK));
    fireEvent.click(marker('opportunity'));
    expect(h.video.currentTime).toBe(fixtureMap().slices[MOST_OPPORTUNITY]!.startMs / 1000);
    fireEvent.click(marker('risk'));
    expect(h.video.currentTime).toBe(fixtureMap().slices[MOST_RISK]!.startMs / 1000);
  });

  it('clicking the band seeks to the slice whose score is nearest the clicked position', () => {
    const h = setup(readyView());
    const band = h.container.querySelector<HTMLElement>('[data-testid="strip-band"]')!;
    band.getBoundingClientRect = () => ({ left: 100, width: 200, top: 0, height: 10, right: 300, bottom: 10, x: 100, y: 0, toJSON: () => ({}) });
    fireEvent.click(band, { clientX: 100 }); // score −100 → nearest is the −18 slice
    expect(h.video.currentTime).toBe(fixtureMap().slices[MOST_RISK]!.startMs / 1000);
    fireEvent.click(band, { clientX: 300 }); // score +100 → the +9 slice
    expect(h.video.currentTime).toBe(fixtureMap().slices[MOST_OPPORTUNITY]!.startMs / 1000);
  });

  it('switching the palette changes the bar colours to the colour-blind scale', () => {
    const h = setup(readyView());
    const before = bars(h.container).map((b) => b.style.backgroundColor);
    h.rerender(readyView({ display: { palette: 'colorblind', progressBarStrip: false, collapsed: false } }));
    const after = bars(h.container).map((b) => b.style.backgroundColor);
    expect(after).not.toEqual(before);
    const riskBar = bars(h.container)[MOST_RISK]!;
    // happy-dom may normalise the colour; compare through a probe element.
    const probe = document.createElement('div');
    probe.style.backgroundColor = scoreColour(-18, PALETTES.colorblind);
    expect(riskBar.style.backgroundColor).toBe(probe.style.backgroundColor);
  });

  it('the track picker reports the chosen vssId', () => {
    const h = setup(readyView());
    const select = h.container.querySelector('select')!;
    select.value = '.de';
    fireEvent.change(select);
    expect(h.actions.onTrackChange).toHaveBeenCalledWith('.de');
  });

  it('the playhead follows the clock and marks the current slice', () => {
    const h = setup(readyView());
    const slices = fixtureMap().slices;
    act(() => h.clock.seek(slices[20]!.startMs + 25_000));
    const current = h.container.querySelector('.arc-bar[data-current="true"]');
    expect(current?.getAttribute('data-slice-index')).toBe('20');
    const transform = h.container.querySelector<HTMLElement>('[data-testid="playhead"]')!.style.transform;
    const left = parseFloat(/translateX\(([-\d.]+)%\)/.exec(transform)?.[1] ?? 'NaN');
    expect(left).toBeGreaterThan((20 / 107) * 100);
    expect(left).toBeLessThan((21 / 107) * 100);
  });
});

describe('collapse', () => {
  it('collapsed shows only the one-line headline and an expand button', () => {
    const h = setup(readyView({ display: { palette: 'default', progressBarStrip: true, collapsed: true } }));
    expect(bars(h.container)).toHaveLength(0);
    expect(h.container.textContent).toContain('Mixed leaning · stance 0 · median 0 · confidence medium');
    const toggle = h.container.querySelector<HTMLElement>('[data-testid="collapse"]')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(h.actions.onCollapsedChange).toHaveBeenCalledWith(false);
  });

  it('expanded, the toggle asks to collapse', () => {
    const h = setup(readyView());
    fireEvent.click(h.container.querySelector<HTMLElement>('[data-testid="collapse"]')!);
    expect(h.actions.onCollapsedChange).toHaveBeenCalledWith(true);
  });
});

describe('states', () => {
  const base: Omit<PanelView, 'state'> = { videoId: 'abc', tracks: [], display: { palette: 'default', progressBarStrip: false, collapsed: false } };
  it.each([
    [{ ...base, state: 'loading' }, 'Reading the captions…', false],
    [{ ...base, state: 'no-captions' }, 'This video has no captions', false],
    [{ ...base, state: 'unavailable', attempts: ['player: empty response', `direct: ${HOSTILE}`] }, 'YouTube did not hand over the captions', true],
    [{ ...base, state: 'unavailable', message: 'Sign-in check blocked the captions' }, 'Sign-in check blocked the captions', true],
    [{ ...base, state: 'error', message: 'The caption body did not parse' }, 'The caption body did not parse', true],
    [{ ...base, state: 'error' }, 'Something went wrong while mapping this video', true],
  ] satisfies [PanelView, string, boolean][])('%o says "%s" (retry: %s)', (view, sentence, retry) => {
    const h = setup(view);
    expect(h.container.querySelector('.status-sentence')?.textContent).toBe(sentence);
    const button = [...h.container.querySelectorAll('button')].find((b) => b.textContent === 'Retry');
    expect(Boolean(button)).toBe(retry);
    if (button) {
      fireEvent.click(button);
      expect(h.actions.onRetry).toHaveBeenCalledTimes(1);
    }
  });

  it('unavailable lists what was tried, as text', () => {
    const h = setup({ ...base, state: 'unavailable', attempts: ['player: empty response', `direct: ${HOSTILE}`] });
    const details = h.container.querySelector('details')!;
    expect(details.querySelector('summary')?.textContent).toBe('What was tried');
    expect([...details.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['player: empty response', `direct: ${HOSTILE}`]);
    expect(h.container.querySelector('img')).toBeNull();
  });

  it.each([
    [0.4, '0.4'],
    [undefined, null],
  ])('loading shows a progress bar only when progress is known (%s)', (progress, value) => {
    const h = setup({ ...base, state: 'loading', progress });
    const bar = h.container.querySelector('progress');
    expect(bar?.getAttribute('value') ?? null).toBe(value);
  });

  it('skipped renders nothing but its reason, when it has one', () => {
    const h = setup({ ...base, state: 'skipped' });
    expect(h.container.childElementCount).toBe(0);
    const live = setup({ ...base, state: 'skipped', message: 'This is a live stream' });
    expect(live.container.textContent).toBe('This is a live stream');
    expect(live.container.querySelector('section')).toBeNull();
  });
});

describe('stance, topic and translation (issue 8)', () => {
  const withHeadline = (patch: Partial<ReturnType<typeof fixtureMap>['headline']>, slices = fixtureMap().slices) => {
    const map = fixtureMap(slices);
    return { ...map, headline: { ...map.headline, ...patch } };
  };

  it('off-topic: one sentence with the deciding figure and "Show the map anyway"; no arc; the button asks for the map', () => {
    const map = withHeadline({ topic: { onTopic: false, aiMentionsPerHour: 4.6 } });
    const h = setup(readyView({ state: 'off-topic', map }));
    expect(h.container.querySelector('.status-sentence')?.textContent).toBe('This video says little about AI (4.6 AI mentions per hour), so its map is not drawn.');
    expect(h.container.querySelectorAll('[data-slice-index]')).toHaveLength(0);
    const button = h.container.querySelector<HTMLButtonElement>('[data-action="show-anyway"]')!;
    expect(button.textContent).toBe('Show the map anyway');
    fireEvent.click(button);
    expect(h.actions.onShowAnyway).toHaveBeenCalledTimes(1);
    // The same map, shown anyway, is the ready panel.
    h.rerender(readyView({ map }));
    expect(h.container.querySelectorAll('[data-slice-index]')).toHaveLength(107);
    expect(h.container.querySelector('[data-action="show-anyway"]')).toBeNull();
  });

  it('off-topic collapsed: the one-liner is the off-topic sentence', () => {
    const map = withHeadline({ topic: { onTopic: false, aiMentionsPerHour: 2 } });
    const h = setup(readyView({ state: 'off-topic', map, display: { palette: 'default', progressBarStrip: true, collapsed: true } }));
    expect(h.container.querySelector('.oneline')?.textContent).toContain('2 AI mentions per hour');
  });

  it('the stance marker: a fourth marker at the stance, labelled, not a palette colour; a click seeks to the nearest on-topic slice', () => {
    const slices = fixtureMap().slices.map((s) => (s.index === 7 ? { ...s, onTopic: false } : s)); // slice 7 scores +5, muted
    const map = withHeadline({ stance: 4.6 }, slices);
    const h = setup(readyView({ map }));
    const markers = [...h.container.querySelectorAll<HTMLElement>('[data-marker]')];
    expect(markers.map((m) => m.dataset.marker)).toEqual(['risk', 'median', 'opportunity', 'stance']);
    const stance = h.container.querySelector<HTMLElement>('[data-marker="stance"]')!;
    expect(parseFloat(stance.style.left)).toBeCloseTo(scoreToFraction(4.6) * 100, 3);
    expect(stance.style.backgroundColor).toBe('');
    expect(stance.getAttribute('aria-label')).toMatch(/^Episode stance: /);
    const target = Number(stance.dataset.markerSlice);
    expect(slices[target]!.onTopic).toBe(true);
    expect(slices[target]!.score).toBe(5); // the nearest on-topic score to 4.6 (slice 7 is off-topic)
    expect(target).not.toBe(7);
    fireEvent.click(stance);
    expect(h.video.currentTime).toBe(slices[target]!.startMs / 1000);
    expect(h.container.querySelector('[data-testid="marker-legend"]')?.textContent).toContain('stance');
  });

  it('the headline: stats sentence as the scorer wrote it, then "Stance N: <band> leaning…"', () => {
    const map = withHeadline({ stance: -23, leaning: 'risk-forward' });
    const h = setup(readyView({ map }));
    const lines = [...h.container.querySelectorAll('.headline p')].map((p) => p.textContent);
    expect(lines[0]).toBe(map.headline.sentence);
    expect(lines[1]).toBe('Stance -23: Risk-forward leaning, primarily in the Technical lens. Evidence mode: interview. Confidence: medium.');
  });

  it('off-topic slices are drawn muted (no palette colour), keep their score and count, and say so in the tooltip', () => {
    const slices = fixtureMap().slices.map((s) => (s.index < 10 ? { ...s, onTopic: false } : s));
    const h = setup(readyView({ map: fixtureMap(slices) }));
    const bars = [...h.container.querySelectorAll<HTMLElement>('[data-slice-index]')];
    expect(bars).toHaveLength(107);
    const muted = bars.filter((b) => b.dataset.onTopic === 'false');
    expect(muted.map((b) => Number(b.dataset.sliceIndex))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const bar of muted) {
      expect(bar.classList.contains('arc-bar-off-topic')).toBe(true);
      expect(bar.style.backgroundColor).toBe('');
      expect(bar.dataset.score).toBe(String(slices[Number(bar.dataset.sliceIndex)]!.score));
    }
    expect(bars[10]!.style.backgroundColor).not.toBe('');
    fireEvent.mouseEnter(bars[3]!);
    expect(h.container.querySelector('[role="tooltip"]')?.textContent).toContain('Off-topic');
    fireEvent.mouseEnter(bars[12]!);
    expect(h.container.querySelector('[role="tooltip"]')?.textContent).not.toContain('Off-topic');
  });

  it('a machine-translated track says so on the track line', () => {
    const translated = { languageCode: 'en', kind: 'uploaded' as const, vssId: '.de~tlang.en', name: 'German → English (machine-translated)' };
    const german = { languageCode: 'de', kind: 'uploaded' as const, vssId: '.de', name: 'German' };
    const h = setup(readyView({ track: translated, tracks: [german, translated] }));
    expect(h.container.querySelector('[data-machine-translated]')?.textContent).toBe('machine-translated');
    h.rerender(readyView({ track: german, tracks: [german, translated] }));
    expect(h.container.querySelector('[data-machine-translated]')).toBeNull();
  });
});
