/**
 * The perspective strip: the amber → cyan → white band with the seed's three markers (most risk-forward,
 * median, most opportunity-forward) and a fourth for the episode's stance (DESIGN §9.1): a diamond outlined in
 * the page's text colour, on the strip's line rather than standing over it, so it never reads as a fourth
 * slice. Clicking the band seeks to the slice whose score is nearest the clicked position; clicking a marker
 * seeks to its slice — for the stance, the on-topic slice whose score is nearest the stance (the stance is
 * computed from on-topic talk), or any slice when none is on topic.
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
  kind: 'risk' | 'median' | 'opportunity' | 'stance';
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
    { kind: 'stance', label: 'Episode stance', score: headline.stance, sliceIndex: stanceSlice(slices, headline.stance) },
  ];
}

/** The slice a click on the stance marker seeks to: nearest the stance among on-topic slices, else among all. */
export function stanceSlice(slices: readonly SliceScore[], stance: number): number {
  const onTopic = slices.filter((s) => s.onTopic !== false);
  const pool = onTopic.length > 0 ? onTopic : slices;
  const i = nearestSliceForScore(pool, stance);
  return i < 0 ? -1 : (pool[i]?.index ?? i);
}

/** The markers' key, for sighted users (each marker also says itself to screen readers). */
export const MARKER_LEGEND: readonly { kind: MarkerSpec['kind']; text: string }[] = [
  { kind: 'stance', text: 'stance' },
  { kind: 'median', text: 'median' },
  { kind: 'risk', text: 'most risk-forward' },
  { kind: 'opportunity', text: 'most opportunity-forward' },
];

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
  // The stance marker is not a score colour: it is drawn in the page's text colour (panel.css).
  const markerColour = { risk: palette.risk, median: palette.median, opportunity: palette.opportunity, stance: undefined };

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
              style={{ left: percent(scoreToFraction(m.score)), ...(markerColour[m.kind] ? { backgroundColor: markerColour[m.kind] } : {}) }}
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
      <ul class="strip-legend" aria-hidden="true" data-testid="marker-legend">
        {MARKER_LEGEND.map((item) => (
          <li key={item.kind}>
            <span class={`legend-swatch legend-swatch-${item.kind}`} style={markerColour[item.kind] ? { backgroundColor: markerColour[item.kind] } : undefined} />
            {item.text}
          </li>
        ))}
      </ul>
    </div>
  );
}
