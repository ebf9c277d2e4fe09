/**
 * Follows the watch page's <video> from its media events alone: no animation frames, no polling.
 *
 * What runs on YouTube's page is a budget (STYLE habit 13, DESIGN §5). A per-frame loop cost 55–80 ms of main
 * thread per second of playback (issue 9); the playhead now moves a pixel at a time on timers planned between the
 * moments that matter (see playhead-motion.ts), and the clock only reports those moments: play, pause, seeks,
 * rate changes, stalls, and `timeupdate` (about 4 per second) as the drift check.
 *
 * Why document-level capture listeners instead of listeners on the element: YouTube swaps the <video>
 * (SPA navigation, ads), and hover previews add other <video>s. Media events do not bubble, but they do
 * pass the document in the capture phase, so one set of listeners sees whichever element is current.
 * The current element is cached: it is looked up again only when it has left the page or when another
 * element sends anything but a `timeupdate` (a swap announces itself with loadstart / play / seeked…),
 * so a hover preview's stream of `timeupdate`s costs one comparison each, never a `querySelector`.
 *
 * Nothing at all while nobody can see the result: the listeners exist only while the clock is active (the
 * panel expanded, on screen and in a visible tab — mount-panel.ts decides) and someone is subscribed.
 */

export interface ClockTick {
  ms: number;
  playing: boolean;
  /** The video's duration in ms, or NaN while unknown (live, metadata not loaded). */
  durationMs: number;
  /** The playback rate (1 when unknown). */
  rate: number;
  /** Whether the clock is active (its subscribers are seen); an inactive tick means "stop, nothing is watched". */
  active: boolean;
  /** When the tick was read (the `now` dep, ms): with `ms` and `rate`, where the video will be later. */
  at: number;
}

export type ClockListener = (tick: ClockTick) => void;

export interface VideoClock {
  read(): ClockTick;
  /** Calls `listener` at once with the current tick, then on every media event that matters; returns the unsubscribe. */
  subscribe(listener: ClockListener): () => void;
  /** Seeks the current video (looked up now — it may have been swapped). */
  seek(ms: number): void;
  /**
   * Active: media events are followed and delivered. Inactive (panel collapsed or off screen, tab hidden): every
   * media listener is removed and subscribers get one tick with `active: false`. Becoming active again delivers
   * a fresh tick at once, so whatever follows the clock lands on the right place.
   */
  setActive(active: boolean): void;
  /** Runs `callback` once after `delayMs` of wall time unless cancelled (the returned function) or disposed. */
  after(delayMs: number, callback: () => void): () => void;
  dispose(): void;
}

/** The parts of a media element the clock uses (a real HTMLVideoElement, or a test double). */
export interface ClockVideo {
  currentTime: number;
  paused: boolean;
  ended?: boolean;
  duration?: number;
  playbackRate?: number;
  /** Undefined for test doubles (treated as connected). */
  isConnected?: boolean;
}

export interface VideoClockDeps {
  /** Where media events are captured: the watch page's document, in the capture phase. */
  events: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  getVideo(): ClockVideo | null;
  now(): number;
  setTimer(callback: () => void, ms: number): number;
  clearTimer(handle: number): void;
}

export const CLOCK_MEDIA_EVENTS = [
  'loadstart',
  'loadedmetadata',
  'durationchange',
  'emptied',
  'play',
  'playing',
  'pause',
  'waiting',
  'ended',
  'seeking',
  'seeked',
  'ratechange',
  'timeupdate',
] as const;

export function createVideoClock(deps: VideoClockDeps): VideoClock {
  const listeners = new Set<ClockListener>();
  const timers = new Set<number>();
  let video: ClockVideo | null = null;
  let active = true;
  let listening = false;
  let disposed = false;

  const currentVideo = (): ClockVideo | null => {
    if (!video || video.isConnected === false) video = deps.getVideo();
    return video;
  };

  const read = (): ClockTick => {
    const v = currentVideo();
    const at = deps.now();
    if (!v) return { ms: 0, playing: false, durationMs: Number.NaN, rate: 1, active, at };
    const duration = v.duration;
    const rate = v.playbackRate;
    return {
      ms: (Number.isFinite(v.currentTime) ? v.currentTime : 0) * 1000,
      playing: !v.paused && v.ended !== true,
      durationMs: typeof duration === 'number' && Number.isFinite(duration) ? duration * 1000 : Number.NaN,
      rate: typeof rate === 'number' && Number.isFinite(rate) && rate > 0 ? rate : 1,
      active,
      at,
    };
  };

  const emit = (tick: ClockTick) => {
    for (const listener of [...listeners]) listener(tick);
  };

  const onMediaEvent = (event: Event) => {
    if (event.target !== video) {
      // Another element: a hover preview's timeupdate is dropped without a lookup; anything else may be a swap.
      if (event.type === 'timeupdate' && video && video.isConnected !== false) return;
      video = deps.getVideo();
      if (event.target !== video) return;
    }
    emit(read());
  };

  /** Listeners exist only while they are worth something: active, subscribed, not disposed. */
  const syncListening = () => {
    const wanted = active && listeners.size > 0 && !disposed;
    if (wanted === listening) return;
    listening = wanted;
    for (const type of CLOCK_MEDIA_EVENTS) {
      if (wanted) deps.events.addEventListener(type, onMediaEvent, true);
      else deps.events.removeEventListener(type, onMediaEvent, true);
    }
  };

  return {
    read,
    subscribe(listener) {
      listeners.add(listener);
      syncListening();
      listener(read());
      return () => {
        listeners.delete(listener);
        syncListening();
      };
    },
    seek(ms) {
      const v = currentVideo();
      if (!v) return;
      v.currentTime = Math.max(0, ms) / 1000;
      // Paused videos fire `seeked` later (or never, for a test double): show the new position now.
      emit(read());
    },
    setActive(next) {
      if (disposed || next === active) return;
      active = next;
      syncListening();
      emit(read());
    },
    after(delayMs, callback) {
      if (disposed) return () => {};
      const handle = deps.setTimer(() => {
        timers.delete(handle);
        if (!disposed) callback();
      }, Math.max(0, delayMs));
      timers.add(handle);
      return () => {
        if (timers.delete(handle)) deps.clearTimer(handle);
      };
    },
    dispose() {
      disposed = true;
      listeners.clear();
      syncListening();
      for (const handle of timers) deps.clearTimer(handle);
      timers.clear();
      video = null;
    },
  };
}
