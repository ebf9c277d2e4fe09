import type { PerspectiveMap } from '../scoring/perspective-map';
import { emphasizesLine, leaningLine } from '../panel/headline-text';
import { CSV_HEADER, csvText, sliceCsvRows } from '../scoring/map-csv';

/** What the CLI scored: the map and the file it came from. */
export interface ScoredFile {
  file: string;
  map: PerspectiveMap;
}

/**
 * The seed page's summary: the sentence, then the panel's leaning line ("Stance -4: Mixed leaning, primarily
 * in the Technical lens. Evidence mode: interview. Confidence: medium.", the same function the panel and the
 * popup read, so the three never word it differently) with emphases and segment count, then the topic.
 */
export function formatText(scored: ScoredFile): string {
  const { map } = scored;
  const h = map.headline;
  const emphases = emphasizesLine(h);
  const topic = h.topic.onTopic ? 'About AI' : 'Not about AI (off-topic)';
  const lines = [
    scored.file,
    h.sentence,
    `${leaningLine(h)}${emphases ? ` ${emphases}.` : ''} ${map.captionSegments.toLocaleString('en-US')} caption segments.`,
    `${topic}: ${h.topic.aiMentionsPerHour} AI mentions per hour · ${map.slices.filter((s) => s.onTopic).length} of ${map.slices.length} slices on topic.`,
  ];
  if (h.confidenceReasons.length > 0) lines.push(`Confidence reasons: ${h.confidenceReasons.join('; ')}.`);
  return lines.join('\n') + '\n';
}

/** Several files: one row each, aligned, after the individual results. */
export function formatSummaryTable(scored: readonly ScoredFile[]): string {
  const header = ['file', 'slices', 'median', 'mean', 'p10', 'p90', 'stance', 'leaning', 'topic', 'lens', 'mode', 'confidence'];
  const rows = scored.map(({ file, map }) => {
    const h = map.headline;
    const r = (x: number): string => String(Math.round(x) + 0);
    const topic = h.topic.onTopic ? 'ai' : 'off-topic';
    return [file, String(map.slices.length), r(h.median), r(h.mean), r(h.p10), r(h.p90), r(h.stance), h.leaning, topic, h.lens, h.evidenceMode, h.confidence];
  });
  const widths = header.map((title, c) => Math.max(title.length, ...rows.map((row) => (row[c] as string).length)));
  const line = (cells: string[]): string => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] as number) : cell.padStart(widths[c] as number))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

/** DESIGN §9: one object for one file, an array for several. */
export function formatJson(scored: readonly ScoredFile[]): string {
  const maps = scored.map((s) => s.map);
  return JSON.stringify(maps.length === 1 ? maps[0] : maps, null, 2) + '\n';
}

/** The CSV of DESIGN §9 (src/scoring/map-csv.ts); with several files a leading `file` column tells the rows apart. */
export function formatCsv(scored: readonly ScoredFile[]): string {
  const several = scored.length > 1;
  const lines = [several ? `file,${CSV_HEADER}` : CSV_HEADER];
  for (const { file, map } of scored) {
    for (const row of sliceCsvRows(map)) lines.push((several ? [csvText(file), ...row] : row).join(','));
  }
  return lines.join('\n') + '\n';
}
