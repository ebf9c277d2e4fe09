/**
 * Every episode at a glance: one horizontal range per episode on the −100…+100 axis (p10–p90, filled with the
 * colour of its position on the strip's scale), a median tick and a stance mark, grouped by channel or ordered
 * by date. Each range is a link that opens the episode on YouTube.
 */
import { entryPosition } from '../../library/library-entry';
import type { LibraryEntry } from '../../library/library-schema';
import { scoreColour, type Palette } from '../../panel/colour-scale';
import { BAND_EDGE, scoreToFraction } from '../../panel/geometry';
import { displayTitle } from './library-rows';
import { rangeLabel } from './mini-strip';

export type ChartGrouping = 'channel' | 'date';

const ROW = 14;
const LABEL = 260;
const PLOT = 520;
const WIDTH = LABEL + PLOT + 10;

interface Group {
  name: string;
  entries: LibraryEntry[];
}

export function chartGroups(entries: readonly LibraryEntry[], grouping: ChartGrouping): Group[] {
  if (grouping === 'date') return [{ name: '', entries: [...entries].sort((a, b) => b.lastWatchedAt - a.lastWatchedAt) }];
  const byChannel = new Map<string, LibraryEntry[]>();
  for (const entry of entries) {
    const name = entry.channel ?? 'Unknown channel';
    const list = byChannel.get(name);
    if (list) list.push(entry);
    else byChannel.set(name, [entry]);
  }
  return [...byChannel.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, list]) => ({ name, entries: list.sort((a, b) => entryPosition(a) - entryPosition(b)) }));
}

const x = (score: number) => LABEL + scoreToFraction(score) * PLOT;

export default function OverviewChart({ entries, grouping, palette }: { entries: readonly LibraryEntry[]; grouping: ChartGrouping; palette: Palette }) {
  const groups = chartGroups(entries, grouping);
  const rows = groups.reduce((n, g) => n + g.entries.length + (g.name ? 1 : 0), 0);
  const height = (rows + 2) * ROW;
  let y = ROW * 1.5;
  return (
    <svg class="overview" width={WIDTH} height={height} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={`Overview: ${entries.length} episodes on the risk-forward to opportunity-forward axis`}>
      <g class="axis">
        {[-100, -BAND_EDGE, 0, BAND_EDGE, 100].map((s) => (
          <line key={s} x1={x(s)} x2={x(s)} y1={ROW} y2={height} class={s === 0 ? 'axis-zero' : 'axis-line'} />
        ))}
        <text x={x(-100)} y={ROW * 0.8} class="axis-label">
          Risk-forward
        </text>
        <text x={x(0)} y={ROW * 0.8} class="axis-label" text-anchor="middle">
          Mixed
        </text>
        <text x={x(100)} y={ROW * 0.8} class="axis-label" text-anchor="end">
          Opportunity-forward
        </text>
      </g>
      {groups.map((group) => {
        const heading = group.name ? (
          <text key={`g-${group.name}`} x={4} y={(y += ROW) - 3} class="group-label">
            {group.name}
          </text>
        ) : null;
        return [
          heading,
          ...group.entries.map((entry) => {
            const h = entry.headline;
            const top = (y += ROW) - ROW + 3;
            const from = x(Math.min(h.p10, h.p90));
            const to = x(Math.max(h.p10, h.p90));
            const title = displayTitle(entry);
            return (
              <a key={entry.videoId} href={`https://www.youtube.com/watch?v=${encodeURIComponent(entry.videoId)}`} target="_blank" rel="noopener noreferrer" class="chart-episode" data-video-id={entry.videoId}>
                <title>{`${title} — ${rangeLabel(h)}`}</title>
                <text x={group.name ? 14 : 4} y={top + ROW - 5} class="chart-title">
                  {title.length > 42 ? `${title.slice(0, 41)}…` : title}
                </text>
                <rect class="chart-range" x={from} y={top} width={Math.max(2, to - from)} height={ROW - 6} rx={2} fill={scoreColour(entryPosition(entry), palette)} />
                <rect class="chart-median" x={x(h.median) - 1} y={top - 1} width={2} height={ROW - 4} fill={palette.median} />
                {h.stance !== null ? <circle class="chart-stance" cx={x(h.stance)} cy={top + (ROW - 6) / 2} r={3} /> : null}
              </a>
            );
          }),
        ];
      })}
    </svg>
  );
}
