/**
 * A perspective map as downloadable files. JSON is the map as is (the DESIGN §9 CLI shape); CSV is one
 * row per slice: `index,startMs,endMs,score,band,topTerms` (RFC 4180 quoting).
 * TODO(dedupe): if src/scoring gains its own map-to-CSV for the CLI, use that one here.
 */
import type { PerspectiveMap, SliceTerm } from '../../scoring/perspective-map';

export const CSV_HEADER = 'index,startMs,endMs,score,band,topTerms';

export function formatTerm(term: Pick<SliceTerm, 'term' | 'contribution'>): string {
  const value = Math.round(term.contribution * 10) / 10;
  const text = Math.abs(value).toFixed(1);
  return `${term.term}(${value < 0 ? '-' : '+'}${text})`;
}

/**
 * Quotes a text field when it holds a delimiter, quote or line break. Text that a spreadsheet would run
 * as a formula (leading = + - @ tab or CR — terms come from user-imported lexicons) gets a leading `'`.
 */
export function csvText(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function mapToCsv(map: PerspectiveMap): string {
  const rows = map.slices.map((s) =>
    [
      String(s.index),
      String(s.startMs),
      String(s.endMs),
      String(s.score),
      csvText(s.band),
      csvText(s.terms.map(formatTerm).join('; ')),
    ].join(','),
  );
  return [CSV_HEADER, ...rows].join('\n') + '\n';
}

export function mapToJson(map: PerspectiveMap): string {
  return JSON.stringify(map, null, 2) + '\n';
}

/** `perspective-map-<videoId>.<ext>`, with anything unsafe for a file name replaced. */
export function exportFileName(map: PerspectiveMap, ext: 'json' | 'csv'): string {
  const id = (map.videoId ?? 'video').replace(/[^A-Za-z0-9_-]/g, '_');
  return `perspective-map-${id}.${ext}`;
}
