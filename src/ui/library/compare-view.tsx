/**
 * Two episodes one above the other: their strips and arcs on the same scale, and their figures side by side.
 */
import { entryPosition } from '../../library/library-entry';
import type { LibraryEntry } from '../../library/library-schema';
import type { Palette } from '../../panel/colour-scale';
import { arcScale, formatScore } from '../../panel/geometry';
import { bandLabel } from '../../panel/headline-text';
import EpisodeArcMini from './episode-arc-mini';
import { displayTitle, formatDuration } from './library-rows';
import MiniStrip from './mini-strip';

const STATS: { label: string; value: (e: LibraryEntry) => string }[] = [
  { label: 'Channel', value: (e) => e.channel ?? '' },
  { label: 'Length', value: (e) => formatDuration(e.durationSec) },
  { label: 'Position (stance, else median)', value: (e) => formatScore(entryPosition(e)) },
  { label: 'Leaning', value: (e) => bandLabel(e.headline.leaning) },
  { label: 'Median · mean', value: (e) => `${formatScore(e.headline.median)} · ${formatScore(e.headline.mean)}` },
  { label: 'Spread (min–max)', value: (e) => `${formatScore(e.headline.min)} – ${formatScore(e.headline.max)}` },
  { label: 'p10–p90', value: (e) => `${formatScore(e.headline.p10)} – ${formatScore(e.headline.p90)}` },
  {
    label: 'Slices: risk / mixed / opportunity',
    value: (e) => `${e.headline.bandShares['risk-forward']}% / ${e.headline.bandShares.mixed}% / ${e.headline.bandShares['opportunity-forward']}%`,
  },
  { label: 'Lens', value: (e) => e.headline.lens },
  { label: 'Evidence mode', value: (e) => e.headline.evidenceMode },
  { label: 'Confidence', value: (e) => e.headline.confidence },
  { label: 'On topic', value: (e) => (e.headline.topic === null ? 'not measured' : e.headline.topic.onTopic ? 'yes' : 'no') },
  { label: 'Slices', value: (e) => String(e.slices.length) },
  { label: 'Scorer', value: (e) => e.scorerVersion },
];

export default function CompareView({ pair, palette }: { pair: readonly LibraryEntry[]; palette: Palette }) {
  if (pair.length < 2) return <p class="muted">Tick two episodes in the list to compare them here.</p>;
  const scale = arcScale(pair.flatMap((e) => e.slices));
  return (
    <div class="compare" data-compare="">
      {pair.map((entry, i) => (
        <section class="compare-episode" key={entry.videoId} data-video-id={entry.videoId} aria-label={`Episode ${i + 1}`}>
          <h3>
            <a href={`https://www.youtube.com/watch?v=${encodeURIComponent(entry.videoId)}`} target="_blank" rel="noopener noreferrer">
              {displayTitle(entry)}
            </a>
          </h3>
          <MiniStrip headline={entry.headline} palette={palette} large />
          <EpisodeArcMini slices={entry.slices} onTopic={entry.sliceOnTopic} scale={scale} palette={palette} />
        </section>
      ))}
      <p class="muted small">Arcs share one vertical scale (±{scale}); bars are evenly spaced in transcript order.</p>
      <table class="compare-stats">
        <thead>
          <tr>
            <th scope="col" />
            {pair.map((e) => (
              <th scope="col" key={e.videoId}>
                {displayTitle(e)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {STATS.map((s) => (
            <tr key={s.label}>
              <th scope="row">{s.label}</th>
              {pair.map((e) => (
                <td key={e.videoId}>{s.value(e)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
