/**
 * The perspective strip: the amber → cyan → white band with three markers (most risk-forward, median,
 * most opportunity-forward). Clicking the band seeks to the slice whose score is nearest the clicked
 * position; clicking a marker seeks to its slice.
 */
import { pureView } from './pure-view';
import type { Headline, SliceScore } from '../../scoring/perspective-map';
import { stripGradient, type Palette } from '../colour-scale';
import { formatClock, formatScore, fractionToScore, nearestSliceForScore, percent, scoreToFraction } from '../geometry';

export interface PerspectiveStripProps {
  slices: readonly SliceScore[];
  headline: Headline;
  palette: Palette;
  onSeekSlice(index: number): void;
}

interface MarkerSpec {
  kind: 'risk' | 'median' | 'opportunity';
  label: string;
  score: number;
  sliceIndex: number;
}

export function markerSpecs(slices: readonly SliceScore[], headline: Headline): MarkerSpec[] {
  const { mostRisk, median, mostOpportunity } = headline.extremes;
  const scoreOf = (i: number, fallback: number) => slices[i]?.score ?? fallback;
  return [
    { kind: 'risk', label: 'Most risk-forward slice', score: scoreOf(mostRisk, headline.min), sliceIndex: mostRisk },
    // The median marker sits at the headline median (it need not be any slice's exact score).
    { kind: 'median', label: 'Median', score: headline.median, sliceIndex: median },
    { kind: 'opportunity', label: 'Most opportunity-forward slice', score: scoreOf(mostOpportunity, headline.max), sliceIndex: mostOpportunity },
  ];
}

/** Memoised like the arc: its props only change with the map or the palette. */
export const PerspectiveStrip = pureView(PerspectiveStripView);

function PerspectiveStripView({ slices, headline, palette, onSeekSlice }: PerspectiveStripProps) {
  const onBandClick = (event: MouseEvent) => {
    const band = event.currentTarget as HTMLElement;
    const rect = band.getBoundingClientRect();
    if (!(rect.width > 0)) return;
    const index = nearestSliceForScore(slices, fractionToScore((event.clientX - rect.left) / rect.width));
    if (index >= 0) onSeekSlice(index);
  };
  const markerColour = { risk: palette.risk, median: palette.median, opportunity: palette.opportunity };

  return (
    <div class="strip">
      <div class="strip-band" style={{ backgroundImage: stripGradient(palette) }} onClick={onBandClick} data-testid="strip-band">
        {markerSpecs(slices, headline).map((m) => {
          const slice = slices[m.sliceIndex];
          const where = slice ? ` at ${formatClock(slice.startMs)}` : '';
          const text = `${m.label}: ${formatScore(m.score)}${where}`;
          return (
            <button
              type="button"
              key={m.kind}
              class={`strip-marker strip-marker-${m.kind}`}
              data-marker={m.kind}
              data-score={String(m.score)}
              data-marker-slice={String(m.sliceIndex)}
              style={{ left: percent(scoreToFraction(m.score)), backgroundColor: markerColour[m.kind] }}
              title={text}
              aria-label={`${text}. Seek there.`}
              onClick={(event) => {
                event.stopPropagation();
                if (slice) onSeekSlice(m.sliceIndex);
              }}
            />
          );
        })}
      </div>
      <div class="strip-labels" aria-hidden="true">
        <span>Risk-forward</span>
        <span>Mixed</span>
        <span>Opportunity-forward</span>
      </div>
    </div>
  );
}
