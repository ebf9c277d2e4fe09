// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createProgressStrip, PROGRESS_STRIP_ATTRIBUTE } from '../../../src/panel/progress-strip';
import { PALETTES } from '../../../src/panel/colour-scale';
import { fixtureSlices } from './fixtures';

function player(): HTMLElement {
  const root = document.createElement('div');
  root.id = 'movie_player';
  const bar = document.createElement('div');
  bar.className = 'ytp-progress-bar';
  root.append(bar);
  document.body.append(root);
  return bar;
}

afterEach(() => document.body.replaceChildren());

describe('progress-bar strip', () => {
  it('draws one clock-aligned segment per slice inside the progress bar', () => {
    const bar = player();
    const slices = fixtureSlices(4, 10_000); // 2 s … 41.5 s
    const strip = createProgressStrip(document);
    strip.update(slices, 50_000, PALETTES.default);
    const segments = [...bar.querySelectorAll<HTMLElement>(`[${PROGRESS_STRIP_ATTRIBUTE}] > div`)];
    expect(segments).toHaveLength(4);
    expect(segments[0]!.style.left).toBe('4%');
    expect(segments[0]!.style.width).toBe('19%');
    expect(segments[3]!.style.left).toBe('64%');
    expect(bar.querySelector(`[${PROGRESS_STRIP_ATTRIBUTE}]`)?.getAttribute('aria-hidden')).toBe('true');
    strip.remove();
    expect(bar.querySelector(`[${PROGRESS_STRIP_ATTRIBUTE}]`)).toBeNull();
  });

  it('skips quietly without a progress bar or a known duration', () => {
    const strip = createProgressStrip(document);
    strip.update(fixtureSlices(4), 50_000, PALETTES.default);
    expect(document.querySelector(`[${PROGRESS_STRIP_ATTRIBUTE}]`)).toBeNull();
    const bar = player();
    strip.update(fixtureSlices(4), Number.NaN, PALETTES.default);
    expect(bar.querySelector(`[${PROGRESS_STRIP_ATTRIBUTE}]`)).toBeNull();
  });

  it('never leaves two strips in one bar (stale strip from an earlier session)', () => {
    const bar = player();
    const first = createProgressStrip(document);
    first.update(fixtureSlices(3), 200_000, PALETTES.default);
    const second = createProgressStrip(document);
    second.update(fixtureSlices(3), 200_000, PALETTES.colorblind);
    expect(bar.querySelectorAll(`[${PROGRESS_STRIP_ATTRIBUTE}]`)).toHaveLength(1);
  });

  it('segments past the end of the video are left out', () => {
    const bar = player();
    createProgressStrip(document).update(fixtureSlices(10, 10_000), 30_000, PALETTES.default);
    expect(bar.querySelectorAll(`[${PROGRESS_STRIP_ATTRIBUTE}] > div`)).toHaveLength(3);
  });
});
