/**
 * The small inline strip of one episode: the perspective band (same palette as the panel's strip) with its
 * p10–p90 range outlined, a median tick and a stance mark (when the scorer gives a stance).
 */
import type { LibraryEntry } from '../../library/library-schema';
import { stripGradient, type Palette } from '../../panel/colour-scale';
import { formatScore, percent, scoreToFraction } from '../../panel/geometry';

export function rangeLabel(h: LibraryEntry['headline']): string {
  const stance = h.stance === null ? '' : ` · stance ${formatScore(h.stance)}`;
  return `p10–p90 ${formatScore(h.p10)} to ${formatScore(h.p90)} · median ${formatScore(h.median)}${stance}`;
}

export default function MiniStrip({ headline, palette, large = false }: { headline: LibraryEntry['headline']; palette: Palette; large?: boolean }) {
  const from = scoreToFraction(Math.min(headline.p10, headline.p90));
  const to = scoreToFraction(Math.max(headline.p10, headline.p90));
  return (
    <div class={`mini-strip${large ? ' mini-strip-large' : ''}`} style={{ backgroundImage: stripGradient(palette) }} role="img" aria-label={rangeLabel(headline)} title={rangeLabel(headline)}>
      <span class="mini-range" style={{ left: percent(from), width: percent(Math.max(to - from, 0.005)) }} />
      <span class="mini-median" style={{ left: percent(scoreToFraction(headline.median)), backgroundColor: palette.median }} />
      {headline.stance !== null ? <span class="mini-stance" style={{ left: percent(scoreToFraction(headline.stance)) }} /> : null}
    </div>
  );
}
