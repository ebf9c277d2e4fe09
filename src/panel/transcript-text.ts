/**
 * Pure: the drawer's text work — finding a query in cue text with case and diacritics ignored, and cutting a
 * cue's text into plain / counted-term / found pieces, all as character ranges of the original text (the
 * drawer renders each piece as a text node in a span; caption text is never parsed as markup).
 */
import type { TranscriptMark } from '../messaging/protocol';

/** A query found in one cue: chars [start, end) of its original text. */
export interface FoundRange {
  cue: number;
  start: number;
  end: number;
}

/** Text folded for search, and where each folded char came from (null: the same place). */
export interface FoldedText {
  folded: string;
  origin: Int32Array | null;
}

const PLAIN = /^[\x20-\x7e]*$/;
const MARKS = /\p{M}/gu;

/** Lower case, accents and other combining marks removed (`Café` → `cafe`, `İ` → `i`). */
export function foldText(text: string): FoldedText {
  if (PLAIN.test(text)) return { folded: text.toLowerCase(), origin: null };
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; ) {
    const point = text.codePointAt(i) as number;
    const width = point > 0xffff ? 2 : 1;
    const part = text.slice(i, i + width).normalize('NFD').replace(MARKS, '').toLowerCase().normalize('NFD').replace(MARKS, '');
    for (let k = 0; k < part.length; k++) origin.push(i);
    folded += part;
    i += width;
  }
  origin.push(text.length);
  return { folded, origin: Int32Array.from(origin) };
}

/** The query as it is compared (folded; surrounding space ignored). */
export function foldQuery(query: string): string {
  return foldText(query.trim()).folded;
}

/** Most matches listed for one query (a one-letter query in a 12-hour transcript would otherwise list a million). */
export const MAX_FOUND = 10_000;

/**
 * Every occurrence of `query` (already folded) in the cues given (sparse: pages not loaded yet are holes), in
 * transcript order, as ranges of the original text. `foldedOf(i)` supplies (and may cache) cue i's folding.
 */
export function findInCues(count: number, foldedOf: (cue: number) => FoldedText | undefined, query: string, limit = MAX_FOUND): FoundRange[] {
  const found: FoundRange[] = [];
  if (query === '') return found;
  for (let cue = 0; cue < count && found.length < limit; cue++) {
    const text = foldedOf(cue);
    if (!text) continue;
    let at = text.folded.indexOf(query);
    while (at >= 0 && found.length < limit) {
      const end = at + query.length;
      found.push({ cue, start: originOf(text, at), end: endOriginOf(text, end) });
      at = text.folded.indexOf(query, end);
    }
  }
  return found;
}

function originOf(text: FoldedText, i: number): number {
  return text.origin === null ? i : (text.origin[i] as number);
}

/** The original index just past the char that folded char `end - 1` came from. */
function endOriginOf(text: FoldedText, end: number): number {
  if (text.origin === null) return end;
  const last = text.origin[end - 1] as number;
  let next = end;
  while (next < text.origin.length - 1 && text.origin[next] === last) next++;
  return text.origin[next] as number;
}

/** A piece of a cue's text: plain, inside a counted term (`mark`), and/or inside a found range (`found`). */
export interface TextPiece {
  text: string;
  start: number;
  mark?: TranscriptMark;
  /** Index of the found range (into the drawer's list) covering this piece. */
  found?: number;
}

/**
 * Cuts `text` at every boundary of its marks and found ranges. `found` are [start, end, index] in text order.
 * Overlaps are allowed (a search inside a counted term): each piece knows both.
 */
export function cutText(text: string, marks: readonly TranscriptMark[], found: readonly (readonly [number, number, number])[]): TextPiece[] {
  if (marks.length === 0 && found.length === 0) return [{ text, start: 0 }];
  const cuts = new Set<number>([0, text.length]);
  for (const m of marks) cuts.add(clamp(m.start, text.length)).add(clamp(m.end, text.length));
  for (const [s, e] of found) cuts.add(clamp(s, text.length)).add(clamp(e, text.length));
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: TextPiece[] = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const start = points[k] as number;
    const end = points[k + 1] as number;
    if (end <= start) continue;
    const piece: TextPiece = { text: text.slice(start, end), start };
    const mark = marks.find((m) => m.start <= start && m.end >= end);
    if (mark) piece.mark = mark;
    const hit = found.find(([s, e]) => s <= start && e >= end);
    if (hit) piece.found = hit[2];
    pieces.push(piece);
  }
  return pieces;
}

function clamp(i: number, length: number): number {
  return Math.max(0, Math.min(length, i));
}
