/**
 * A perspective map as CSV (DESIGN §9): one row per slice, `index,startMs,endMs,score,band,topTerms`, RFC 4180
 * quoting. One implementation for the CLI and the options page's export, so both files read the same.
 */
import type { PerspectiveMap, SliceTerm } from './perspective-map';

export const CSV_FIELDS = ['index', 'startMs', 'endMs', 'score', 'band', 'topTerms'] as const;
export const CSV_HEADER = CSV_FIELDS.join(',');

/** `alignment(+1.2)` / `deception(-2.0)`: the term and its signed contribution to one decimal. */
export function formatTerm(term: Pick<SliceTerm, 'term' | 'contribution'>): string {
  const value = Math.round(term.contribution * 10) / 10;
  return `${term.term}(${value < 0 ? '-' : '+'}${Math.abs(value).toFixed(1)})`;
}

/**
 * Quotes a field when it holds a delimiter, quote or line break. Text that a spreadsheet would run as a
 * formula (leading = + - @ tab or CR — terms can come from user-imported lexicons) gets a leading `'`.
 */
export function csvText(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The data rows of one map, fields already quoted. */
export function sliceCsvRows(map: PerspectiveMap): string[][] {
  return map.slices.map((s) => [
    String(s.index),
    String(s.startMs),
    String(s.endMs),
    String(s.score),
    csvText(s.band),
    csvText(s.terms.map(formatTerm).join('; ')),
  ]);
}

export function mapToCsv(map: PerspectiveMap): string {
  return [CSV_HEADER, ...sliceCsvRows(map).map((row) => row.join(','))].join('\n') + '\n';
}
