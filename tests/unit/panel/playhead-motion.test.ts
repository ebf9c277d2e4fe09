import { describe, expect, it } from 'vitest';
import { createPlayheadMotion, DRIFT_TOLERANCE_MS, legAt, type PlayheadTarget } from '../../../src/panel/playhead-motion';
import type { ClockTick } from '../../../src/panel/video-clock';

/** Four slices of 10 s with a 5 s silence between the 2nd and the 3rd, starting at 2 s. */
const SLICES = [
  { startMs: 2_000, endMs: 12_000, score: 0 },
  { startMs: 12_000, endMs: 22_000, score: 0 },
  { startMs: 27_000, endMs: 37_000, score: 0 },
  { startMs: 37_000, endMs: 47_000, score: 0 },
];

/** A fake media clock: wall time, media time that advances while playing, and a timer queue. */
function world() {
  let wall = 0;
  let media = 0;
  let playing = false;
  let rate = 1;
  let active = true;
  const timers = new Map<number, { at: number; cb: () => void }>();
  let next = 1;
  const calls: string[] = [];
  const target: PlayheadTarget = {
    place: (f) => void calls.push(`place ${f.toFixed(4)}`),
    glide: (from, to, ms) => void calls.push(`glide ${from.toFixed(4)}→${to.toFixed(4)} in ${Math.round(ms)}`),
  };
  const read = (): ClockTick => ({ ms: media, playing, durationMs: 60_000, rate, active, at: wall });
  const clock = {
    read,
    after(ms: number, cb: () => void) {
      const handle = next++;
      timers.set(handle, { at: wall + ms, cb });
      return () => void timers.delete(handle);
    },
  };
  const slices: number[] = [];
  const motion = createPlayheadMotion({ slices: SLICES, clock, target, onSlice: (i) => slices.push(i) });
  return {
    calls,
    slices,
    timers,
    motion,
    tick: () => motion.onTick(read()),
    set(state: { media?: number; playing?: boolean; rate?: number; active?: boolean }) {
      media = state.media ?? media;
      playing = state.playing ?? playing;
      rate = state.rate ?? rate;
      active = state.active ?? active;
    },
    /** Lets `ms` of wall time pass: media advances while playing; due timers fire in order. */
    pass(ms: number, drift = 0) {
      const end = wall + ms;
      for (;;) {
        const due = [...timers].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        if (playing) media += (due[1].at - wall) * rate;
        wall = due[1].at;
        timers.delete(due[0]);
        due[1].cb();
      }
      if (playing) media += (end - wall) * rate + drift;
      wall = end;
    },
  };
}

describe('legAt', () => {
  it.each([
    ['before the first slice: hold at 0 until it starts', 0, { from: 0, to: 0, untilMs: 2_000 }],
    ['inside slice 0: glide to its end', 7_000, { from: 0.125, to: 0.25, untilMs: 12_000 }],
    ['in the silence after slice 1: hold at its end until slice 2', 24_000, { from: 0.5, to: 0.5, untilMs: 27_000 }],
    ['inside the last slice', 42_000, { from: 0.875, to: 1, untilMs: 47_000 }],
    ['after the last slice: hold at the end for good', 50_000, { from: 1, to: 1, untilMs: null }],
  ])('%s', (_label, ms, leg) => {
    expect(legAt(SLICES, ms)).toEqual(leg);
  });
});

describe('playhead motion', () => {
  it('plays as one glide per slice, woken by one timer per boundary; timeupdates on course do nothing', () => {
    const w = world();
    w.set({ media: 7_000, playing: true });
    w.tick();
    expect(w.calls).toEqual(['glide 0.1250→0.2500 in 5000']);
    expect(w.slices).toEqual([0]);
    for (let i = 0; i < 16; i++) {
      w.pass(250);
      w.tick(); // timeupdate, ~4 per second
    }
    expect(w.calls).toHaveLength(1);
    w.pass(1_200); // crosses 12 s: the boundary timer plans slice 1
    // The timer wakes 1 ms past the boundary, inside slice 1.
    expect(w.calls).toEqual(['glide 0.1250→0.2500 in 5000', 'glide 0.2500→0.5000 in 9999']);
    expect(w.slices).toEqual([0, 1]);
    w.pass(10_000); // crosses 22 s into the silence: hold, then slice 2 at 27 s
    expect(w.calls.slice(2)).toEqual(['place 0.5000']);
    w.pass(5_000);
    expect(w.calls.slice(3)).toEqual(['glide 0.5000→0.7500 in 9999']);
    expect(w.slices).toEqual([0, 1, 2]);
    expect(w.timers.size).toBe(1);
  });

  it('a seek lands on the right slice at once, playing or paused', () => {
    const w = world();
    w.set({ media: 7_000, playing: true });
    w.tick();
    w.set({ media: 40_000 }); // seeking: currentTime already the target
    w.tick();
    expect(w.calls.at(-1)).toBe('glide 0.8250→1.0000 in 7000');
    expect(w.slices.at(-1)).toBe(3);
    w.set({ playing: false, media: 15_000 });
    w.tick();
    expect(w.calls.at(-1)).toBe('place 0.3250');
    expect(w.slices.at(-1)).toBe(1);
    expect(w.timers.size).toBe(0); // nothing runs while paused
  });

  it('a rate change re-plans the glide at the new speed', () => {
    const w = world();
    w.set({ media: 12_000, playing: true });
    w.tick();
    expect(w.calls.at(-1)).toBe('glide 0.2500→0.5000 in 10000');
    w.set({ rate: 2 });
    w.tick();
    expect(w.calls.at(-1)).toBe('glide 0.2500→0.5000 in 5000');
    w.pass(5_001);
    expect(w.calls.at(-1)).toBe('place 0.5000'); // the silence after slice 1, reached in half the time
  });

  it('drift beyond the tolerance (a stall) re-plans from where the video really is', () => {
    const w = world();
    w.set({ media: 2_000, playing: true });
    w.tick();
    w.pass(1_000, -(DRIFT_TOLERANCE_MS - 50));
    w.tick();
    expect(w.calls).toHaveLength(1);
    w.pass(1_000, -(DRIFT_TOLERANCE_MS + 100));
    w.tick();
    expect(w.calls).toHaveLength(2);
    // 2 s of wall time played only 1.45 s of media: 3.45 s is 14.5 % into slice 0, 8.55 s from its end.
    expect(w.calls.at(-1)).toBe('glide 0.0362→0.2500 in 8550');
  });

  it('inactive (collapsed, off screen, hidden tab): holds still with no timer; active again: back on the right slice', () => {
    const w = world();
    w.set({ media: 7_000, playing: true });
    w.tick();
    w.set({ active: false });
    w.tick();
    expect(w.calls.at(-1)).toBe('place 0.1250');
    expect(w.timers.size).toBe(0);
    w.pass(31_000); // still playing, unseen
    expect(w.calls).toHaveLength(2);
    w.set({ active: true });
    w.tick();
    expect(w.calls.at(-1)).toBe('glide 0.7750→1.0000 in 9000');
    expect(w.slices.at(-1)).toBe(3);
  });

  it('stop() cancels the boundary timer', () => {
    const w = world();
    w.set({ media: 7_000, playing: true });
    w.tick();
    expect(w.timers.size).toBe(1);
    w.motion.stop();
    expect(w.timers.size).toBe(0);
  });
});
