import type { ScoreStatistics } from './score-statistics';

/**
 * The headline in the seed's wording, numbers rounded to integers:
 * `Across 107 full-transcript segments: median 0 · mean -1 · spread -18–9 (p10–p90 -10–5) · 2% risk-forward,
 * 98% mixed, 0% opportunity-forward slices.`
 */
export function headlineSentence(stats: ScoreStatistics, slices: number, excerpts: boolean): string {
  if (slices === 0) return 'No caption text to score.';
  const r = (x: number): string => String(Math.round(x) + 0);
  const parts = slices >= 3 ? 'beginning, middle, end' : slices === 2 ? 'beginning, end' : 'whole transcript';
  const what = excerpts ? `${slices} excerpts (${parts})` : `${slices} full-transcript segments`;
  const shares = stats.bandShares;
  return (
    `Across ${what}: median ${r(stats.median)} · mean ${r(stats.mean)} · spread ${r(stats.min)}–${r(stats.max)} ` +
    `(p10–p90 ${r(stats.p10)}–${r(stats.p90)}) · ${shares['risk-forward']}% risk-forward, ${shares.mixed}% mixed, ` +
    `${shares['opportunity-forward']}% opportunity-forward slices.`
  );
}
