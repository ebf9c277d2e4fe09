/**
 * Follows the watch page's <video>: tells subscribers the current time, animates only while playing.
 *
 * Why document-level capture listeners instead of listeners on the element: YouTube swaps the <video>
 * (SPA navigation, ads), and hover previews add other <video>s. Media events do not bubble, but they do
 * pass the document in the capture phase, so one set of listeners sees whichever element is current —
 * and `event.target === getVideo()` filters out the previews. Nothing to re-bind when the element changes.
 *
 * requestAnimationFrame runs only while the current video is playing and someone is listening; paused,
 * the clock is idle (it wakes on play / seeked / timeupdate).
 */

export interface ClockTick {
  ms: number;
  playing: boolean;
  /** The video's duration in ms, or NaN while unknown (live, metadata not loaded). */
  durationMs: number;
}

export type ClockListener = (tick: ClockTick) => void;

export interface VideoClock {
  read(): ClockTick;
  /** Calls `listener` at once with the current tick, then on every change; returns the unsubscribe. */
  subscribe(listener: ClockListener): () => void;
  /** Seeks the current video (looked up now — it may have been swapped). */
  seek(ms: number): void;
  dispose(): void;
}

/** The parts of a media element the clock uses (a real HTMLVideoElement, or a test double). */
export interface ClockVideo {
  currentTime: number;
  paused: boolean;
  ended?: boolean;
  duration?: number;
}

export interface VideoClockDeps {
  /** Where media events are captured: the watch page's document. */
  events: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  getVideo(): ClockVideo | null;
  requestFrame(callback: () => void): number;
  cancelFrame(handle: number): void;
}

const MEDIA_EVENTS = ['play', 'playing', 'pause', 'ended', 'seeking', 'seeked', 'timeupdate', 'durationchange', 'loadedmetadata', 'emptied'] as const;

export function createVideoClock(deps: VideoClockDeps): VideoClock {
  const listeners = new Set<ClockListener>();
  let frame: number | null = null;
  let disposed = false;

  const read = (): ClockTick => {
    const video = deps.getVideo();
    if (!video) return { ms: 0, playing: false, durationMs: Number.NaN };
    const duration = video.duration;
    return {
      ms: (Number.isFinite(video.currentTime) ? video.currentTime : 0) * 1000,
      playing: !video.paused && video.ended !== true,
      durationMs: typeof duration === 'number' && Number.isFinite(duration) ? duration * 1000 : Number.NaN,
    };
  };

  const emit = (tick: ClockTick) => {
    for (const listener of [...listeners]) listener(tick);
  };

  const stopFrames = () => {
    if (frame !== null) deps.cancelFrame(frame);
    frame = null;
  };

  const onFrame = () => {
    frame = null;
    const tick = read();
    emit(tick);
    if (tick.playing && listeners.size > 0 && !disposed) frame = deps.requestFrame(onFrame);
  };

  const sync = () => {
    const tick = read();
    emit(tick);
    if (tick.playing && listeners.size > 0 && !disposed) {
      if (frame === null) frame = deps.requestFrame(onFrame);
    } else {
      stopFrames();
    }
  };

  const onMediaEvent = (event: Event) => {
    if (event.target !== deps.getVideo()) return;
    sync();
  };

  for (const type of MEDIA_EVENTS) deps.events.addEventListener(type, onMediaEvent, true);

  return {
    read,
    subscribe(listener) {
      listeners.add(listener);
      sync();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) stopFrames();
      };
    },
    seek(ms) {
      const video = deps.getVideo();
      if (!video) return;
      video.currentTime = Math.max(0, ms) / 1000;
      // Paused videos fire `seeked` later (or never, for a test double): show the new position now.
      sync();
    },
    dispose() {
      disposed = true;
      stopFrames();
      listeners.clear();
      for (const type of MEDIA_EVENTS) deps.events.removeEventListener(type, onMediaEvent, true);
    },
  };
}
