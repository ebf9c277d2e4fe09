// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createProgressStrip as createStrip, PROGRESS_STRIP_ATTRIBUTE, type ProgressStrip } from '../../../src/panel/progress-strip';
import { PALETTES } from '../../../src/panel/colour-scale';
import { fixtureSlices } from './fixtures';

/** The player's bottom chrome with the bars named (classic bar, and optionally the newer hosts of FACTS §7). */
function player(parts: { classic?: boolean; lineHost?: boolean; chapteredHost?: boolean; preview?: boolean } = { classic: true }) {
  const make = (cls: string, parent: Element) => {
    const el = document.createElement('div');
    el.className = cls;
    parent.append(el);
    return el;
  };
  // The hover preview sits before the page manager in ytd-app: first in document order, never ours.
  const preview = parts.preview ? make('ytp-progress-bar', make('html5-video-player', Object.assign(document.createElement('ytd-video-preview'), { id: 'video-preview' }))) : null;
  if (preview) document.body.append(preview.closest('ytd-video-preview')!);
  const root = document.createElement('div');
  root.id = 'movie_player';
  document.body.append(root);
  const container = make('ytp-progress-bar-container', make('ytp-chrome-bottom', root));
  return {
    root,
    preview,
    classic: parts.classic ? make('ytp-progress-bar', container) : null,
    lineHost: parts.lineHost ? make('ytProgressBarLineHost', container) : null,
    chapteredHost: parts.chapteredHost ? make('ytChapteredProgressBarHost', container) : null,
  };
}

const video = { duration: 50 };
const stripIn = (el: Element | null) => el?.querySelector(`[${PROGRESS_STRIP_ATTRIBUTE}]`) ?? null;
const flush = () => new Promise((r) => setTimeout(r, 0));

// Every strip a test made is removed after it, as a session's teardown does: a strip left wanted would re-attach
// itself to the next test's bar and fight that test's strip over it.
const made: ProgressStrip[] = [];
function createProgressStrip(deps: Parameters<typeof createStrip>[0]): ProgressStrip {
  const strip = createStrip(deps);
  made.push(strip);
  return strip;
}
afterEach(() => {
  for (const strip of made.splice(0)) strip.remove();
  document.body.replaceChildren();
});

describe('progress-bar strip', () => {
  it('draws one clock-aligned segment per slice inside the progress bar', () => {
    const { classic } = player();
    const strip = createProgressStrip({ doc: document, getVideo: () => video });
    strip.show(fixtureSlices(4, 10_000), PALETTES.default); // 2 s … 41.5 s of 50 s
    const segments = [...classic!.querySelectorAll<HTMLElement>(`[${PROGRESS_STRIP_ATTRIBUTE}] > div`)];
    expect(segments).toHaveLength(4);
    expect(segments[0]!.style.left).toBe('4%');
    expect(segments[0]!.style.width).toBe('19%');
    expect(segments[3]!.style.left).toBe('64%');
    expect(segments[3]!.dataset.startMs).toBe('32000');
    expect(stripIn(classic)?.getAttribute('aria-hidden')).toBe('true');
    expect(strip.attachedTo()).toBe('classic-bar');
    strip.remove();
    expect(stripIn(classic)).toBeNull();
  });

  it('skips quietly without a progress bar or a known duration, and draws once both are there', () => {
    const clip = { duration: Number.NaN };
    const strip = createProgressStrip({ doc: document, getVideo: () => clip });
    strip.show(fixtureSlices(4), PALETTES.default);
    expect(document.querySelector(`[${PROGRESS_STRIP_ATTRIBUTE}]`)).toBeNull();
    const { classic } = player();
    strip.refresh();
    expect(stripIn(classic)).toBeNull();
    expect(strip.attachedTo()).toBeNull();
    clip.duration = 300;
    strip.refresh();
    expect(stripIn(classic)).not.toBeNull();
  });

  it.each([
    [{ classic: true, lineHost: true, chapteredHost: true }, 'chapteredHost', 'chaptered-host'],
    [{ classic: true, lineHost: true }, 'lineHost', 'line-host'],
    [{ classic: true }, 'classic', 'classic-bar'],
  ] as const)('attach points by priority (FACTS §7): %o → %s', (parts, where, name) => {
    const bars = player(parts);
    const strip = createProgressStrip({ doc: document, getVideo: () => video });
    strip.show(fixtureSlices(3), PALETTES.default);
    expect(stripIn(bars[where])).not.toBeNull();
    expect(document.querySelectorAll(`[${PROGRESS_STRIP_ATTRIBUTE}]`)).toHaveLength(1);
    expect(strip.attachedTo()).toBe(name);
  });

  it('first *shown* wins: a hidden newer host is passed over for the visible classic bar', () => {
    const bars = player({ classic: true, chapteredHost: true });
    bars.chapteredHost!.style.display = 'none';
    const strip = createProgressStrip({ doc: document, getVideo: () => video });
    strip.show(fixtureSlices(3), PALETTES.default);
    expect(stripIn(bars.classic)).not.toBeNull();
  });

  it('never the hover preview’s bar, even when it comes first in the document', () => {
    const bars = player({ classic: true, preview: true });
    const strip = createProgressStrip({ doc: document, getVideo: () => video });
    strip.show(fixtureSlices(3), PALETTES.default);
    expect(stripIn(bars.preview)).toBeNull();
    expect(stripIn(bars.classic)).not.toBeNull();
    bars.classic!.remove();
    strip.refresh();
    expect(stripIn(bars.preview)).toBeNull();
    expect(strip.attachedTo()).toBeNull();
  });

  it('re-attaches when YouTube rebuilds the bar (ancestor chain only) and on loadstart / durationchange', async () => {
    const bars = player();
    const clip = Object.assign(document.createElement('video'), {});
    Object.defineProperty(clip, 'duration', { value: 50, configurable: true });
    bars.root.append(clip);
    const strip = createProgressStrip({ doc: document, getVideo: () => clip });
    strip.show(fixtureSlices(3), PALETTES.default);
    const container = bars.classic!.parentElement!;
    bars.classic!.remove();
    const rebuilt = document.createElement('div');
    rebuilt.className = 'ytp-progress-bar';
    container.append(rebuilt);
    await flush();
    expect(stripIn(rebuilt)).not.toBeNull();
    // A new video with another duration: the segments are redrawn to its scale.
    Object.defineProperty(clip, 'duration', { value: 100, configurable: true });
    clip.dispatchEvent(new Event('durationchange'));
    expect(stripIn(rebuilt)!.querySelector<HTMLElement>('div')!.style.left).toBe('2%');
    // A newer host appearing with the next video (loadstart) takes over.
    const host = document.createElement('div');
    host.className = 'ytProgressBarLineHost';
    container.append(host);
    clip.dispatchEvent(new Event('loadstart'));
    expect(stripIn(host)).not.toBeNull();
    expect(document.querySelectorAll(`[${PROGRESS_STRIP_ATTRIBUTE}]`)).toHaveLength(1);
  });

  it('two strips wanting the same bar (an old instance after an extension update, another extension): one stands down, no endless fight', async () => {
    const bars = player();
    const first = createProgressStrip({ doc: document, getVideo: () => video });
    const second = createProgressStrip({ doc: document, getVideo: () => video });
    first.show(fixtureSlices(3), PALETTES.default);
    second.show(fixtureSlices(3), PALETTES.default); // removes the first as stale; the first puts itself back…
    for (let i = 0; i < 20; i++) await flush();
    expect(document.querySelectorAll(`[${PROGRESS_STRIP_ATTRIBUTE}]`)).toHaveLength(1);
    expect([first.status(), second.status()].sort()).toEqual(['attached', 'stood-down']);
    expect(stripIn(bars.classic)).not.toBeNull();
    // Stood down for good: a later show or hide does not bring it back into the fight.
    const loser = first.status() === 'stood-down' ? first : second;
    loser.show(fixtureSlices(4), PALETTES.default);
    loser.hide();
    expect(loser.status()).toBe('stood-down');
    expect(document.querySelectorAll(`[${PROGRESS_STRIP_ATTRIBUTE}]`)).toHaveLength(1);
  });

  it('ignores media events of other videos (a hover preview’s)', () => {
    const bars = player();
    const main = { duration: 50 };
    const strip = createProgressStrip({ doc: document, getVideo: () => main });
    strip.show(fixtureSlices(3), PALETTES.default);
    const other = document.createElement('video');
    document.body.append(other);
    const host = document.createElement('div');
    host.className = 'ytChapteredProgressBarHost';
    bars.classic!.parentElement!.append(host);
    other.dispatchEvent(new Event('loadstart'));
    expect(stripIn(host)).toBeNull();
  });

  it('hide() takes it away and stops listening; show() brings it back', () => {
    const bars = player();
    const strip = createProgressStrip({ doc: document, getVideo: () => video });
    strip.show(fixtureSlices(3), PALETTES.default);
    strip.hide();
    expect(stripIn(bars.classic)).toBeNull();
    strip.refresh();
    expect(stripIn(bars.classic)).toBeNull();
    strip.show(fixtureSlices(3), PALETTES.colorblind);
    expect(stripIn(bars.classic)).not.toBeNull();
  });

  it('never leaves two strips on the page (stale strip from an earlier session)', () => {
    player();
    createProgressStrip({ doc: document, getVideo: () => video }).show(fixtureSlices(3), PALETTES.default);
    createProgressStrip({ doc: document, getVideo: () => video }).show(fixtureSlices(3), PALETTES.colorblind);
    expect(document.querySelectorAll(`[${PROGRESS_STRIP_ATTRIBUTE}]`)).toHaveLength(1);
  });

  it('segments past the end of the video are left out', () => {
    const bars = player();
    createProgressStrip({ doc: document, getVideo: () => ({ duration: 30 }) }).show(fixtureSlices(10, 10_000), PALETTES.default);
    expect(bars.classic!.querySelectorAll(`[${PROGRESS_STRIP_ATTRIBUTE}] > div`)).toHaveLength(3);
  });
});
