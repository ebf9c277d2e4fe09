/**
 * The episode arc: one bar per slice, early → late, evenly spaced in transcript order; height and
 * direction from the zero line = score, colour = the strip's scale. A playhead follows the video.
 *
 * Keyboard: the arc is one focusable slider (107 tab stops would be hostile); Left/Right/Home/End move
 * between slices, Enter or Space seeks. Bars are clickable with the mouse.
 */
import { pureView } from './pure-view';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SliceScore } from '../../scoring/perspective-map';
import { scoreColour, type Palette } from '../colour-scale';
import { arcScale, BAND_EDGE, barBox, formatClockRange, formatScore, percent, scoreToArcY, sliceSpan } from '../geometry';
import { bandLabel } from '../headline-text';
import { createPlayheadMotion, type PlayheadTarget } from '../playhead-motion';
import type { VideoClock } from '../video-clock';
import { SliceTooltip } from './slice-tooltip';

export interface EpisodeArcProps {
  slices: readonly SliceScore[];
  palette: Palette;
  clock: VideoClock;
  onSeekSlice(index: number): void;
  /** Slices with a transcript match (the drawer's find): their bars carry data-match="true". */
  matchSlices?: ReadonlySet<number>;
  /** The tooltip's "Open the transcript there" for a slice. */
  onOpenTranscript?(event: Event, index: number): void;
}

/** The playhead moves in steps of about this many CSS pixels… */
const STEP_PX = 1;
/** …but never more often than this (a short slice on a wide arc). */
const MIN_STEP_MS = 100;

/**
 * The playhead element as a motion target: a full-width track moved with `transform: translateX(%)` (a percentage
 * of its own width = of the arc). A glide is a handful of timed steps, one per pixel the line actually moves (a
 * slice of a long episode is a few pixels wide and lasts a minute), each a single transform write. Not an
 * animation: a running animation, even a compositor one, keeps the renderer's main thread busy every frame
 * (about 5 ms/s of CPU in headless Chromium, measured with `npm run bench -- playback`).
 */
function elementTarget(el: HTMLElement, clock: Pick<VideoClock, 'after'>): PlayheadTarget & { cancel(): void } {
  let cancelStep: (() => void) | null = null;
  const put = (fraction: number) => {
    el.style.transform = `translateX(${percent(fraction)})`;
  };
  const cancel = () => {
    cancelStep?.();
    cancelStep = null;
  };
  return {
    place(fraction) {
      cancel();
      put(fraction);
    },
    glide(from, to, durationMs) {
      cancel();
      put(from);
      const px = Math.abs(to - from) * el.getBoundingClientRect().width;
      const steps = Math.max(1, Math.min(Math.ceil(px / STEP_PX), Math.floor(durationMs / MIN_STEP_MS)));
      let step = 0;
      const next = () => {
        step++;
        put(from + ((to - from) * step) / steps);
        cancelStep = step < steps ? clock.after(durationMs / steps, next) : null;
      };
      cancelStep = clock.after(durationMs / steps, next);
    },
    cancel,
  };
}

/** Gap between bars as a share of a bar's slot; none when bars would be thinner than the gap. */
function barGap(count: number): number {
  return count > 300 ? 0 : 0.18;
}

/** Memoised: drawn again only when its data changes (a long episode has thousands of bars). */
export const EpisodeArc = pureView(EpisodeArcView);

function EpisodeArcView({ slices, palette, clock, onSeekSlice, matchSlices, onOpenTranscript }: EpisodeArcProps) {
  const count = slices.length;
  const [current, setCurrent] = useState(-1);
  const [active, setActive] = useState(-1);
  const [hover, setHover] = useState(-1);
  const [focused, setFocused] = useState(false);
  const playhead = useRef<HTMLDivElement>(null);

  // The playhead glides between slice boundaries (playhead-motion.ts); the component re-renders only when the
  // current slice changes.
  useEffect(() => {
    const el = playhead.current;
    if (!el) return;
    const target = elementTarget(el, clock);
    const motion = createPlayheadMotion({ slices, clock, target, onSlice: setCurrent });
    const unsubscribe = clock.subscribe(motion.onTick);
    return () => {
      unsubscribe();
      motion.stop();
      target.cancel();
    };
  }, [clock, slices]);

  const selected = active >= 0 && active < count ? active : current >= 0 ? current : 0;
  const shown = hover >= 0 ? hover : focused ? selected : -1;
  const shownSlice = slices[shown];
  const gap = barGap(count);
  const scale = useMemo(() => arcScale(slices.map((s) => s.score)), [slices]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (count === 0) return;
    const moves: Record<string, number> = { ArrowLeft: selected - 1, ArrowDown: selected - 1, ArrowRight: selected + 1, ArrowUp: selected + 1, Home: 0, End: count - 1, PageUp: selected - 10, PageDown: selected + 10 };
    const next = moves[event.key];
    if (next !== undefined) {
      setActive(Math.min(count - 1, Math.max(0, next)));
    } else if (event.key === 'Enter' || event.key === ' ') {
      onSeekSlice(selected);
    } else {
      return;
    }
    // Arrow keys and space would otherwise also seek / pause the YouTube player or scroll the page.
    event.preventDefault();
    event.stopPropagation();
  };

  const selectedSlice = slices[selected];
  const valueText = selectedSlice
    ? `Slice ${selected + 1} of ${count}, ${formatClockRange(selectedSlice.startMs, selectedSlice.endMs)}, score ${formatScore(selectedSlice.score)}, ${bandLabel(selectedSlice.band)}${selectedSlice.onTopic === false ? ', off-topic' : ''}`
    : 'No slices';

  return (
    <div
      class="arc-wrap"
      onMouseLeave={() => setHover(-1)}
      // The tooltip (with its button) belongs to the arc: focus moving into it keeps it open.
      onFocusOut={(event: FocusEvent) => {
        const next = event.relatedTarget as Node | null;
        if (!next || !(event.currentTarget as HTMLElement).contains(next)) setFocused(false);
      }}
    >
      <div
        class="arc"
        tabIndex={0}
        role="slider"
        aria-label="Episode arc: one bar per slice, early to late. Arrow keys move between slices, Enter seeks."
        aria-orientation="horizontal"
        aria-valuemin={1}
        aria-valuemax={Math.max(1, count)}
        aria-valuenow={selected + 1}
        aria-valuetext={valueText}
        aria-describedby={focused && shownSlice ? 'arc-tooltip' : undefined}
        data-testid="arc"
        onKeyDown={onKeyDown}
        onFocus={() => setFocused(true)}
      >
        <div class="arc-edge arc-edge-opportunity" style={{ top: percent(scoreToArcY(BAND_EDGE, scale) / 100) }} aria-hidden="true" />
        <div class="arc-zero" aria-hidden="true" />
        <div class="arc-edge arc-edge-risk" style={{ top: percent(scoreToArcY(-BAND_EDGE, scale) / 100) }} aria-hidden="true" />
        <span class="arc-scale arc-scale-top" aria-hidden="true">
          +{scale}
        </span>
        <span class="arc-scale arc-scale-bottom" aria-hidden="true">
          −{scale}
        </span>
        {slices.map((slice, i) => {
          const span = sliceSpan(i, count);
          const box = barBox(slice.score, scale);
          // Off-topic slices keep their score and height but no palette colour: an outline with hatching (§9.1).
          const muted = slice.onTopic === false;
          return (
            <div
              key={i}
              class={muted ? 'arc-bar arc-bar-off-topic' : 'arc-bar'}
              data-on-topic={muted ? 'false' : undefined}
              data-slice-index={String(i)}
              data-start-ms={String(slice.startMs)}
              data-score={String(slice.score)}
              data-current={i === current ? 'true' : undefined}
              data-match={matchSlices?.has(i) ? 'true' : undefined}
              data-active={focused && i === selected ? 'true' : undefined}
              style={{
                left: percent(span.left + (span.width * gap) / 2),
                width: percent(span.width * (1 - gap)),
                top: percent(box.top / 100),
                height: percent(box.height / 100),
                ...(muted ? {} : { backgroundColor: scoreColour(slice.score, palette) }),
              }}
              onMouseEnter={() => setHover(i)}
              onClick={() => {
                setActive(i);
                onSeekSlice(i);
              }}
            />
          );
        })}
        <div class="arc-playhead-lane" aria-hidden="true">
          <div class="arc-playhead-track" ref={playhead} data-testid="playhead">
            <div class="arc-playhead" />
          </div>
        </div>
      </div>
      {shownSlice ? (
        <SliceTooltip
          slice={shownSlice}
          count={count}
          id="arc-tooltip"
          onOpenTranscript={onOpenTranscript ? (event) => onOpenTranscript(event, shownSlice.index) : undefined}
          onMouseEnter={() => setHover(shownSlice.index)}
        />
      ) : null}
      <div class="arc-axis" aria-hidden="true">
        <span>Early</span>
        <span class="arc-axis-note">
          Scale ±{scale} · dashed lines: band edges ±{BAND_EDGE}
        </span>
        <span>Late</span>
      </div>
    </div>
  );
}
