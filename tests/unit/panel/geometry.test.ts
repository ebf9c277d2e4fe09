import { describe, expect, it } from 'vitest';
import {
  arcScale,
  barBox,
  clockSpan,
  formatClock,
  formatClockRange,
  formatScore,
  fractionToScore,
  nearestSliceForScore,
  percent,
  playheadFraction,
  scoreToArcY,
  scoreToFraction,
  sliceAtFraction,
  sliceIndexAt,
  sliceSpan,
} from '../../../src/panel/geometry';

// Three slices with a silence gap between the 2nd and 3rd (20 s … 25 s).
const slices = [
  { startMs: 0, endMs: 10_000, score: -18 },
  { startMs: 10_000, endMs: 20_000, score: 0 },
  { startMs: 25_000, endMs: 40_000, score: 9 },
];

describe('spectrum axis', () => {
  it.each([
    [-100, 0],
    [-18, 0.41],
    [0, 0.5],
    [9, 0.545],
    [100, 1],
    [-250, 0],
    [250, 1],
    [Number.NaN, 0.5],
  ])('scoreToFraction(%s) = %s', (score, fraction) => {
    expect(scoreToFraction(score)).toBeCloseTo(fraction, 6);
  });

  it.each([
    [0, -100],
    [0.5, 0],
    [1, 100],
    [-1, -100],
    [2, 100],
  ])('fractionToScore(%s) = %s', (fraction, score) => {
    expect(fractionToScore(fraction)).toBeCloseTo(score, 6);
  });

  it.each([
    [0.5, '50%'],
    [1 / 3, '33.333%'],
    [0, '0%'],
  ])('percent(%s) = %s', (f, text) => {
    expect(percent(f)).toBe(text);
  });
});

describe('arc bars', () => {
  it.each([
    // score, top, height: opportunity grows up from the zero line at 50, risk down, |score| → height
    [100, 0, 50],
    [50, 25, 25],
    [18, 41, 9],
    [-18, 50, 9],
    [-100, 50, 50],
    [0, 49, 2],
    [1, 49, 2],
    [-1, 49, 2],
  ])('barBox(%s) = top %s height %s', (score, top, height) => {
    const box = barBox(score);
    expect(box.top).toBeCloseTo(top, 6);
    expect(box.height).toBeCloseTo(height, 6);
  });

  it('bars keep their sign: positive scores sit above the zero line, negative below', () => {
    for (let s = -100; s <= 100; s += 5) {
      const { top, height } = barBox(s);
      if (s >= 4) expect(top + height).toBeCloseTo(50, 6);
      if (s <= -4) expect(top).toBe(50);
      expect(height).toBeGreaterThan(0);
    }
  });

  it.each([
    [18, 100, 41],
    [-18, 100, 59],
    [0, 100, 50],
    [18, 25, 14],
    [-18, 25, 86],
    [60, 25, 0], // clamped to the scale
  ])('scoreToArcY(%s, ±%s) = %s', (score, scale, y) => {
    expect(scoreToArcY(score, scale)).toBeCloseTo(y, 6);
  });

  it.each([
    [[-18, 0, 9], 25],
    [[0], 25],
    [[], 25],
    [[-25, 3], 25],
    [[-26, 3], 50],
    [[70], 75],
    [[-100, 100], 100],
    [[300], 100],
  ])('arcScale(%o) = ±%s', (scores, scale) => {
    expect(arcScale(scores)).toBe(scale);
  });

  it.each([
    // score, scale, top, height — on the seed's ±25 scale a −18 slice fills 72 % of the lower half
    [-18, 25, 50, 36],
    [9, 25, 32, 18],
    [25, 25, 0, 50],
    [0, 25, 49, 2],
  ])('barBox(%s, ±%s) = top %s height %s', (score, scale, top, height) => {
    const box = barBox(score, scale);
    expect(box.top).toBeCloseTo(top, 6);
    expect(box.height).toBeCloseTo(height, 6);
  });
});

describe('transcript-order axis', () => {
  it.each([
    [0, 4, 0, 0.25],
    [3, 4, 0.75, 0.25],
    [0, 0, 0, 0],
  ])('sliceSpan(%s, %s) = left %s width %s', (index, count, left, width) => {
    expect(sliceSpan(index, count)).toEqual({ left, width });
  });

  it.each([
    [0, 4, 0],
    [0.249, 4, 0],
    [0.25, 4, 1],
    [0.999, 4, 3],
    [1, 4, 3],
    [-0.5, 4, 0],
    [0.5, 0, -1],
  ])('sliceAtFraction(%s, %s) = %s', (f, count, index) => {
    expect(sliceAtFraction(f, count)).toBe(index);
  });

  it.each([
    [-1, -1],
    [0, 0],
    [9_999, 0],
    [10_000, 1],
    [19_999, 1],
    [22_000, 1], // silence between slices belongs to the earlier one
    [25_000, 2],
    [39_999, 2],
    [40_000, -1], // past the last slice
  ])('sliceIndexAt(%s ms) = %s', (ms, index) => {
    expect(sliceIndexAt(slices, ms)).toBe(index);
  });

  it.each([
    [-5, 0],
    [0, 0],
    [5_000, 0.5 / 3],
    [10_000, 1 / 3],
    [15_000, 1.5 / 3],
    [22_000, 2 / 3],
    [32_500, 2.5 / 3],
    [40_000, 1],
    [99_000, 1],
  ])('playheadFraction(%s ms) = %s', (ms, fraction) => {
    expect(playheadFraction(slices, ms)).toBeCloseTo(fraction, 6);
  });

  it('playheadFraction never goes backwards while time moves forward', () => {
    let previous = -1;
    for (let ms = -1000; ms <= 45_000; ms += 250) {
      const f = playheadFraction(slices, ms);
      expect(f).toBeGreaterThanOrEqual(previous);
      previous = f;
    }
  });

  it('handles no slices', () => {
    expect(sliceIndexAt([], 100)).toBe(-1);
    expect(playheadFraction([], 100)).toBe(0);
    expect(nearestSliceForScore([], 0)).toBe(-1);
  });
});

describe('nearest slice for a score', () => {
  it.each([
    [-100, 0],
    [-10, 0], // |−10 − (−18)| = 8 < |−10 − 0| = 10
    [-9, 0], // tie 9 vs 9 → earliest
    [-8, 1],
    [4, 1],
    [5, 2],
    [100, 2],
  ])('nearestSliceForScore(%s) = %s', (score, index) => {
    expect(nearestSliceForScore(slices, score)).toBe(index);
  });
});

describe('clock axis (progress-bar strip)', () => {
  it.each([
    [{ startMs: 0, endMs: 10_000, score: 0 }, 40_000, { left: 0, width: 0.25 }],
    [{ startMs: 30_000, endMs: 50_000, score: 0 }, 40_000, { left: 0.75, width: 0.25 }],
    [{ startMs: 50_000, endMs: 60_000, score: 0 }, 40_000, null],
    [{ startMs: 0, endMs: 10_000, score: 0 }, 0, null],
    [{ startMs: 0, endMs: 10_000, score: 0 }, Number.NaN, null],
  ])('clockSpan(%o, %s) = %o', (slice, duration, span) => {
    expect(clockSpan(slice, duration)).toEqual(span);
  });
});

describe('text', () => {
  it.each([
    [0, '0:00'],
    [4_999, '0:04'],
    [65_000, '1:05'],
    [3_599_000, '59:59'],
    [3_600_000, '1:00:00'],
    [3_725_000, '1:02:05'],
    [43_200_000, '12:00:00'],
    [-5, '0:00'],
    [Number.NaN, '0:00'],
  ])('formatClock(%s) = %s', (ms, text) => {
    expect(formatClock(ms)).toBe(text);
  });

  it('formatClockRange', () => {
    expect(formatClockRange(600_000, 3_660_000)).toBe('10:00–1:01:00');
  });

  it.each([
    [0, '0'],
    [9, '+9'],
    [-18, '−18'],
    [-0.4, '0'],
    [17.6, '+18'],
  ])('formatScore(%s) = %s', (score, text) => {
    expect(formatScore(score)).toBe(text);
  });
});
