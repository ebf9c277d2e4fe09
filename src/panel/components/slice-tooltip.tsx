/** What a slice says about itself: time range, score, band, top terms and its opening words — all as text. */
import type { SliceScore } from '../../scoring/perspective-map';
import { formatClockRange, formatScore, percent, sliceSpan } from '../geometry';
import { bandLabel } from '../headline-text';

export interface SliceTooltipProps {
  slice: SliceScore;
  count: number;
  id?: string;
  /** "Open the transcript there" (a visible button in the tooltip). */
  onOpenTranscript?(event: Event): void;
  onMouseEnter?(): void;
}

export function SliceTooltip({ slice, count, id, onOpenTranscript, onMouseEnter }: SliceTooltipProps) {
  const span = sliceSpan(slice.index, count);
  const centre = span.left + span.width / 2;
  // Keep the box inside the panel near the edges.
  const align = centre < 0.2 ? 'start' : centre > 0.8 ? 'end' : 'middle';
  return (
    <div class={`tooltip tooltip-${align}`} role="tooltip" id={id} style={{ left: percent(centre) }} data-tooltip-index={String(slice.index)} onMouseEnter={onMouseEnter}>
      <div class="tooltip-head">
        <span class="tooltip-time">{formatClockRange(slice.startMs, slice.endMs)}</span>
        <span class="tooltip-score">
          {formatScore(slice.score)} · {bandLabel(slice.band)}
        </span>
      </div>
      {slice.onTopic === false ? <p class="tooltip-off-topic">Off-topic: little talk about AI here, so this slice does not count toward the stance.</p> : null}
      {slice.terms.length > 0 ? (
        <ul class="tooltip-terms">
          {slice.terms.slice(0, 5).map((t, i) => (
            <li key={i} class={t.contribution < 0 ? 'term-risk' : t.contribution > 0 ? 'term-opportunity' : 'term-neutral'}>
              <span class="term-sign">{t.contribution < 0 ? '−' : t.contribution > 0 ? '+' : '·'}</span>
              {t.term}
            </li>
          ))}
        </ul>
      ) : (
        <p class="tooltip-none">No scored terms in this slice.</p>
      )}
      {/* The scorer marks a cut excerpt with its own ellipsis. */}
      {slice.excerpt ? <p class="tooltip-excerpt">“{slice.excerpt}”</p> : null}
      {onOpenTranscript ? (
        <button type="button" class="button tooltip-open" data-action="open-transcript" data-open-slice={String(slice.index)} onClick={(event) => onOpenTranscript(event)}>
          Open the transcript there
        </button>
      ) : null}
    </div>
  );
}
