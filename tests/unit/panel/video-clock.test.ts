// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createVideoClock, type ClockTick } from '../../../src/panel/video-clock';

/** A real <video> in the document with scriptable playback state (happy-dom does not play media). */
function video(): HTMLVideoElement & { setPlaying(p: boolean): void } {
  const el = document.createElement('video') as HTMLVideoElement & { setPlaying(p: boolean): void };
  let paused = true;
  let time = 0;
  Object.defineProperty(el, 'paused', { get: () => paused });
  Object.defineProperty(el, 'ended', { get: () => false });
  Object.defineProperty(el, 'duration', { get: () => 600 });
  Object.defineProperty(el, 'currentTime', { get: () => time, set: (t: number) => void (time = t) });
  el.setPlaying = (p) => {
    paused = !p;
    el.dispatchEvent(new Event(p ? 'play' : 'pause'));
  };
  document.body.append(el);
  return el;
}

function frames() {
  const queue = new Map<number, () => void>();
  let next = 1;
  return {
    request: (cb: () => void) => {
      queue.set(next, cb);
      return next++;
    },
    cancel: (h: number) => void queue.delete(h),
    pending: () => queue.size,
    run() {
      const cbs = [...queue.values()];
      queue.clear();
      cbs.forEach((cb) => cb());
    },
  };
}

afterEach(() => document.body.replaceChildren());

describe('video clock', () => {
  it('animates only while the current video plays, and is idle when paused', () => {
    const v = video();
    const f = frames();
    const clock = createVideoClock({ events: document, getVideo: () => v, requestFrame: f.request, cancelFrame: f.cancel });
    const ticks: ClockTick[] = [];
    clock.subscribe((t) => ticks.push(t));
    expect(f.pending()).toBe(0);
    v.setPlaying(true);
    expect(f.pending()).toBe(1);
    v.currentTime = 12.5;
    f.run();
    expect(ticks.at(-1)).toEqual({ ms: 12_500, playing: true, durationMs: 600_000 });
    expect(f.pending()).toBe(1); // keeps going while playing
    v.setPlaying(false);
    expect(f.pending()).toBe(0);
    expect(ticks.at(-1)?.playing).toBe(false);
    clock.dispose();
  });

  it('follows a swapped <video> without re-binding and ignores other videos (hover previews)', () => {
    let current = video();
    const preview = video();
    const f = frames();
    const clock = createVideoClock({ events: document, getVideo: () => current, requestFrame: f.request, cancelFrame: f.cancel });
    const ticks: ClockTick[] = [];
    clock.subscribe((t) => ticks.push(t));
    const before = ticks.length;
    preview.setPlaying(true);
    expect(ticks.length).toBe(before);
    expect(f.pending()).toBe(0);
    current = video();
    current.currentTime = 42;
    current.dispatchEvent(new Event('seeked'));
    expect(ticks.at(-1)?.ms).toBe(42_000);
    clock.dispose();
  });

  it('seek sets currentTime on the video current at the time of the call', () => {
    const a = video();
    const b = video();
    let current = a;
    const f = frames();
    const clock = createVideoClock({ events: document, getVideo: () => current, requestFrame: f.request, cancelFrame: f.cancel });
    clock.seek(90_000);
    expect(a.currentTime).toBe(90);
    current = b;
    clock.seek(-5);
    expect(b.currentTime).toBe(0);
    clock.dispose();
  });

  it('stops frames when the last subscriber leaves and after dispose', () => {
    const v = video();
    const f = frames();
    const clock = createVideoClock({ events: document, getVideo: () => v, requestFrame: f.request, cancelFrame: f.cancel });
    const off = clock.subscribe(() => {});
    v.setPlaying(true);
    expect(f.pending()).toBe(1);
    off();
    expect(f.pending()).toBe(0);
    clock.subscribe(() => {});
    expect(f.pending()).toBe(1);
    clock.dispose();
    expect(f.pending()).toBe(0);
    v.dispatchEvent(new Event('play'));
    expect(f.pending()).toBe(0);
  });

  it('reports no video as time 0, paused, unknown duration', () => {
    const clock = createVideoClock({ events: document, getVideo: () => null, requestFrame: () => 1, cancelFrame: () => {} });
    expect(clock.read().ms).toBe(0);
    expect(clock.read().playing).toBe(false);
    expect(clock.read().durationMs).toBeNaN();
    clock.seek(1000); // no throw
  });
});
