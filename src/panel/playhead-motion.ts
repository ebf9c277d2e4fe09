/**
 * Moves the episode arc's playhead without per-frame JavaScript (issue 9, DESIGN §5).
 *
 * The playhead crosses one slice's span of the arc while the video plays through that slice's clock time: a
 * straight line at constant speed. So it is planned in **legs**: from where it is now to the end of the current
 * slice (or held still through a silence between slices, or before the first one), over the wall time that takes
 * at the current rate. The target walks there (episode-arc.tsx: a transform write per pixel) and a single timer wakes us at the
 * boundary to plan the next leg. Between boundaries the clock's ticks (`timeupdate`, ~4/s) cost a comparison:
 * where the leg says the video should be vs where it is. A seek, a rate change, a stall or a pause puts it off
 * course and the leg is re-planned at once, from the tick that reported it.
 *
 * No DOM here: the target (an element, in episode-arc.tsx) and the clock are passed in.
 */
import { playheadFraction, sliceIndexAt, type TimedScore } from './geometry';
import type { ClockTick, VideoClock } from './video-clock';

export interface PlayheadTarget {
  /** Shows the playhead at `fraction` (0…1 of the arc) and holds it there (cancelling any glide). */
  place(fraction: number): void;
  /** Moves it at constant speed from `from` to `to` over `durationMs` of wall time, then holds it at `to`. */
  glide(from: number, to: number, durationMs: number): void;
}

export interface PlayheadMotionDeps {
  slices: readonly TimedScore[];
  clock: Pick<VideoClock, 'read' | 'after'>;
  target: PlayheadTarget;
  /** The current slice changed (−1: before the first or after the last). */
  onSlice(index: number): void;
}

export interface PlayheadMotion {
  /** Feed every clock tick here. */
  onTick(tick: ClockTick): void;
  /** Cancels the pending boundary timer (unmount). */
  stop(): void;
}

/** How far (media ms) the video may be from where the current leg puts it before the leg is re-planned. */
export const DRIFT_TOLERANCE_MS = 250;

/** One straight stretch of the playhead: from where it is at `ms` to where it will be at `untilMs` (null: never moves again). */
export interface Leg {
  from: number;
  to: number;
  untilMs: number | null;
}

export function legAt(slices: readonly TimedScore[], ms: number): Leg {
  const count = slices.length;
  const first = slices[0];
  if (!first) return { from: 0, to: 0, untilMs: null };
  if (ms < first.startMs) return { from: 0, to: 0, untilMs: first.startMs };
  const index = sliceIndexAt(slices, ms);
  if (index === -1) return { from: 1, to: 1, untilMs: null };
  const slice = slices[index] as TimedScore;
  const from = playheadFraction(slices, ms);
  if (ms < slice.endMs) return { from, to: (index + 1) / count, untilMs: slice.endMs };
  // A silence between two slices holds at the end of the earlier one until the next begins.
  const next = slices[index + 1];
  return { from, to: from, untilMs: next ? next.startMs : null };
}

export function createPlayheadMotion(deps: PlayheadMotionDeps): PlayheadMotion {
  const { slices, clock, target } = deps;
  let shownIndex: number | null = null;
  /** The leg under way while playing: where it started (media ms, wall ms), at which rate, until when. */
  let leg: { fromMs: number; at: number; rate: number; untilMs: number | null } | null = null;
  let placed: number | null = null;
  let cancelTimer: (() => void) | null = null;

  const stopTimer = () => {
    cancelTimer?.();
    cancelTimer = null;
  };

  const hold = (fraction: number) => {
    stopTimer();
    if (leg === null && placed === fraction) return;
    leg = null;
    placed = fraction;
    target.place(fraction);
  };

  const onCourse = (tick: ClockTick): boolean => {
    if (!leg || leg.rate !== tick.rate) return false;
    if (leg.untilMs !== null && tick.ms >= leg.untilMs) return false;
    const expected = leg.fromMs + (tick.at - leg.at) * leg.rate;
    return Math.abs(expected - tick.ms) <= DRIFT_TOLERANCE_MS;
  };

  const startLeg = (tick: ClockTick) => {
    stopTimer();
    const next = legAt(slices, tick.ms);
    const wallMs = next.untilMs === null ? 0 : (next.untilMs - tick.ms) / tick.rate;
    if (next.to !== next.from && wallMs > 0) target.glide(next.from, next.to, wallMs);
    else target.place(next.from);
    placed = null; // moving (or about to): the next hold always writes
    leg = { fromMs: tick.ms, at: tick.at, rate: tick.rate, untilMs: next.untilMs };
    if (next.untilMs !== null) {
      // +1 ms: wake just past the boundary, inside the next slice.
      cancelTimer = clock.after(wallMs + 1, () => {
        cancelTimer = null;
        leg = null;
        onTick(clock.read());
      });
    }
  };

  function onTick(tick: ClockTick): void {
    const index = sliceIndexAt(slices, tick.ms);
    if (index !== shownIndex) {
      shownIndex = index;
      deps.onSlice(index);
    }
    if (!tick.active || !tick.playing) return hold(playheadFraction(slices, tick.ms));
    if (onCourse(tick)) return;
    startLeg(tick);
  }

  return {
    onTick,
    stop() {
      stopTimer();
      leg = null;
    },
  };
}
