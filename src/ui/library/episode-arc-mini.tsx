/**
 * An episode's arc from its stored slice scores (for comparing two episodes): one bar per slice, early → late,
 * evenly spaced in transcript order, up for opportunity and down for risk on the smallest ±25/50/75/100 scale
 * that holds both compared episodes, coloured on the palette's scale; off-topic slices drawn as outlines.
 */
import { scoreColour, type Palette } from '../../panel/colour-scale';

export default function EpisodeArcMini({ slices, onTopic, scale, palette }: { slices: readonly number[]; onTopic: readonly boolean[] | null; scale: number; palette: Palette }) {
  const width = 600;
  const height = 80;
  const mid = height / 2;
  const slot = width / Math.max(1, slices.length);
  const gap = slices.length > 300 ? 0 : slot * 0.18;
  return (
    <svg class="arc-mini" viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" role="img" aria-label={`Episode arc: ${slices.length} slices`}>
      <line x1="0" x2={width} y1={mid} y2={mid} class="arc-zero" />
      {slices.map((score, i) => {
        const h = (Math.abs(score) / scale) * mid;
        const muted = onTopic !== null && onTopic[i] === false;
        return (
          <rect
            key={i}
            data-arc-slice={String(i)}
            x={i * slot + gap / 2}
            width={Math.max(0.5, slot - gap)}
            y={score >= 0 ? mid - h : mid}
            height={Math.max(1, h)}
            fill={muted ? 'none' : scoreColour(score, palette)}
            stroke={muted ? '#888888' : 'none'}
          />
        );
      })}
    </svg>
  );
}
