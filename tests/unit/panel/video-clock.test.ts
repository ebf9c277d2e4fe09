// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CLOCK_MEDIA_EVENTS, createVideoClock, type ClockTick, type VideoClockDeps } from '../../../src/panel/video-clock';

/** A real <video> in the document with scriptable playback state (happy-dom does not play media). */
function video(): HTMLVideoElement & { setPlaying(p: boolean): void } {
  const el = document.createElement('video') as HTMLVideoElement & { setPlaying(p: boolean): void };
  let paused = true;
  let time = 0;
  let rate = 1;
  Object.defineProperty(el, 'paused', { get: () => paused });
  Object.defineProperty(el, 'ended', { get: () => false });
  Object.defineProperty(el, 'duration', { get: () => 600 });
  Object.defineProperty(el, 'playbackRate', { get: () => rate, set: (r: number) => void (rate = r) });
  Object.defineProperty(el, 'currentTime', { get: () => time, set: (t: number) => void (time = t) });
  el.setPlaying = (p) => {
    paused = !p;
    el.dispatchEvent(new Event(p ? 'play' : 'pause'));
  };
  document.body.append(el);
  return el;
}

/** Clock deps over a fake timer queue and a counting event target (the document). */
function clockDeps(getVideo: VideoClockDeps['getVideo']) {
  const timers = new Map<number, () => void>();
  let next = 1;
  let now = 0;
  const deps: VideoClockDeps = {
    events: document,
    getVideo: vi.fn(getVideo),
    now: () => now,
    setTimer: (cb) => {
      timers.set(next, cb);
      return next++;
    },
    clearTimer: (h) => void timers.delete(h),
  };
  return {
    deps,
    timers,
    advance(ms: number) {
      now += ms;
    },
  };
}

/** How many of the clock's media listeners are on the document right now. */
function countListeners(): { count(): number; restore(): void } {
  const live = new Set<string>();
  const add = vi.spyOn(document, 'addEventListener').mockImplementation(function (this: Document, type: string) {
    live.add(type);
  } as never);
  const remove = vi.spyOn(document, 'removeEventListener').mockImplementation(function (this: Document, type: string) {
    live.delete(type);
  } as never);
  return {
    count: () => [...live].filter((t) => (CLOCK_MEDIA_EVENTS as readonly string[]).includes(t)).length,
    restore() {
      add.mockRestore();
      remove.mockRestore();
    },
  };
}

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('video clock', () => {
  it('reports media events only: play, timeupdate, rate and pause, with no timers or frames of its own', () => {
    const v = video();
    const { deps, timers, advance } = clockDeps(() => v);
    const clock = createVideoClock(deps);
    const ticks: ClockTick[] = [];
    clock.subscribe((t) => ticks.push(t));
    expect(ticks).toHaveLength(1);
    v.setPlaying(true);
    expect(ticks.at(-1)).toMatchObject({ playing: true, ms: 0, rate: 1, durationMs: 600_000, active: true });
    advance(250);
    v.currentTime = 12.5;
    v.dispatchEvent(new Event('timeupdate'));
    expect(ticks.at(-1)).toEqual({ ms: 12_500, playing: true, durationMs: 600_000, rate: 1, active: true, at: 250 });
    v.playbackRate = 2;
    v.dispatchEvent(new Event('ratechange'));
    expect(ticks.at(-1)?.rate).toBe(2);
    v.setPlaying(false);
    expect(ticks.at(-1)?.playing).toBe(false);
    expect(timers.size).toBe(0);
    clock.dispose();
  });

  it('caches the video: a stream of timeupdates costs no lookup', () => {
    const v = video();
    const { deps } = clockDeps(() => v);
    const clock = createVideoClock(deps);
    clock.subscribe(() => {});
    v.setPlaying(true);
    const lookups = vi.mocked(deps.getVideo).mock.calls.length;
    for (let i = 0; i < 20; i++) v.dispatchEvent(new Event('timeupdate'));
    expect(vi.mocked(deps.getVideo).mock.calls.length).toBe(lookups);
    clock.dispose();
  });

  it('follows a swapped <video> without re-binding and ignores other videos (hover previews) without a lookup per timeupdate', () => {
    let current = video();
    const preview = video();
    const { deps } = clockDeps(() => current);
    const clock = createVideoClock(deps);
    const ticks: ClockTick[] = [];
    clock.subscribe((t) => ticks.push(t));
    const before = ticks.length;
    const lookups = vi.mocked(deps.getVideo).mock.calls.length;
    for (let i = 0; i < 10; i++) preview.dispatchEvent(new Event('timeupdate'));
    expect(vi.mocked(deps.getVideo).mock.calls.length).toBe(lookups);
    preview.setPlaying(true);
    expect(ticks.length).toBe(before);
    current.remove();
    current = video();
    current.currentTime = 42;
    current.dispatchEvent(new Event('seeked'));
    expect(ticks.at(-1)?.ms).toBe(42_000);
    clock.dispose();
  });

  it('seek sets currentTime on the video current at the time of the call and reports it at once', () => {
    const a = video();
    const b = video();
    let current = a;
    const { deps } = clockDeps(() => current);
    const clock = createVideoClock(deps);
    const ticks: ClockTick[] = [];
    clock.subscribe((t) => ticks.push(t));
    clock.seek(90_000);
    expect(a.currentTime).toBe(90);
    expect(ticks.at(-1)?.ms).toBe(90_000);
    a.remove();
    current = b;
    clock.seek(-5);
    expect(b.currentTime).toBe(0);
    clock.dispose();
  });

  it('listens to the page only while active and subscribed; inactive → one tick with active false; active again → a fresh tick', () => {
    const listeners = countListeners();
    const v = video();
    const { deps } = clockDeps(() => v);
    const clock = createVideoClock(deps);
    expect(listeners.count()).toBe(0);
    const ticks: ClockTick[] = [];
    const off = clock.subscribe((t) => ticks.push(t));
    expect(listeners.count()).toBe(CLOCK_MEDIA_EVENTS.length);
    clock.setActive(false);
    expect(listeners.count()).toBe(0);
    expect(ticks.at(-1)?.active).toBe(false);
    const count = ticks.length;
    clock.setActive(false); // no change, no tick
    expect(ticks.length).toBe(count);
    v.currentTime = 77;
    clock.setActive(true);
    expect(listeners.count()).toBe(CLOCK_MEDIA_EVENTS.length);
    expect(ticks.at(-1)).toMatchObject({ active: true, ms: 77_000 });
    off();
    expect(listeners.count()).toBe(0);
    clock.subscribe(() => {});
    clock.dispose();
    expect(listeners.count()).toBe(0);
    listeners.restore();
  });

  it('after() runs once unless cancelled; dispose clears pending timers', () => {
    const { deps, timers } = clockDeps(() => null);
    const clock = createVideoClock(deps);
    const fired = vi.fn();
    clock.after(100, fired);
    const cancel = clock.after(200, fired);
    cancel();
    expect(timers.size).toBe(1);
    for (const [handle, cb] of [...timers]) {
      timers.delete(handle);
      cb();
    }
    expect(fired).toHaveBeenCalledTimes(1);
    clock.after(300, fired);
    clock.dispose();
    expect(timers.size).toBe(0);
  });

  it('reports no video as time 0, paused, unknown duration', () => {
    const { deps } = clockDeps(() => null);
    const clock = createVideoClock(deps);
    expect(clock.read()).toMatchObject({ ms: 0, playing: false, rate: 1 });
    expect(clock.read().durationMs).toBeNaN();
    clock.seek(1000); // no throw
  });
});
