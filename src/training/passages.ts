/**
 * The labelled passages the stance lexicon is learned from (src/lexicons/stance-passages/): references into
 * the development corpus (episode, character range, label — never the text) and passages we wrote ourselves.
 */

export type StanceLabel = 'risk' | 'opportunity' | 'neutral' | 'off-topic';
export const STANCE_LABELS: readonly StanceLabel[] = ['risk', 'opportunity', 'neutral', 'off-topic'];

/** A passage of a corpus transcript: `start`/`end` are character offsets into the raw file (line ends as `\n`). */
export interface PassageReference {
  episode: string;
  start: number;
  end: number;
  timeMs: number | null;
  label: StanceLabel;
  note: string;
  /** Who labelled it (A or B); the agreement sample pairs the two. */
  labeller: string;
}

/** A passage we wrote ourselves, stored with its text. */
export interface WrittenPassage {
  id: string;
  text: string;
  label: StanceLabel;
  form: 'punctuated' | 'auto-caption';
  note: string;
  labeller: string;
}

/** A passage ready for training or evaluation: its text and where it came from. */
export interface Passage {
  id: string;
  /** The corpus episode, or `written` for our own passages (which may always be in the training set). */
  source: string;
  text: string;
  label: StanceLabel;
}

export const WRITTEN_SOURCE = 'written';

/** The keys a reference may have: a test holds every stored reference to exactly these (no text). */
export const REFERENCE_KEYS: readonly string[] = ['episode', 'start', 'end', 'timeMs', 'label', 'note', 'labeller'];

/** One JSON object per non-empty line. */
export function parseJsonLines(text: string, file: string): unknown[] {
  return text
    .split('\n')
    .map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line !== '')
    .map(([line, n]) => {
      try {
        return JSON.parse(line) as unknown;
      } catch (error) {
        throw new Error(`${file}:${n}: not valid JSON (${(error as Error).message})`);
      }
    });
}

export function toReference(raw: unknown, where: string): PassageReference {
  const r = raw as Record<string, unknown>;
  if (typeof r !== 'object' || r === null) throw new Error(`${where}: not an object`);
  const extra = Object.keys(r).filter((k) => !REFERENCE_KEYS.includes(k));
  if (extra.length > 0) throw new Error(`${where}: unexpected field(s) ${extra.join(', ')} (references carry no text)`);
  if (typeof r.episode !== 'string' || !Number.isInteger(r.start) || !Number.isInteger(r.end) || (r.end as number) <= (r.start as number)) {
    throw new Error(`${where}: needs episode, and integer start < end`);
  }
  return {
    episode: r.episode,
    start: r.start as number,
    end: r.end as number,
    timeMs: typeof r.timeMs === 'number' ? r.timeMs : null,
    label: labelOf(r.label, where),
    note: typeof r.note === 'string' ? r.note : '',
    labeller: typeof r.labeller === 'string' ? r.labeller : '',
  };
}

export function toWritten(raw: unknown, where: string): WrittenPassage {
  const r = raw as Record<string, unknown>;
  if (typeof r !== 'object' || r === null || typeof r.id !== 'string' || typeof r.text !== 'string' || r.text.trim() === '') {
    throw new Error(`${where}: needs id and text`);
  }
  return {
    id: r.id,
    text: r.text,
    label: labelOf(r.label, where),
    form: r.form === 'auto-caption' ? 'auto-caption' : 'punctuated',
    note: typeof r.note === 'string' ? r.note : '',
    labeller: typeof r.labeller === 'string' ? r.labeller : '',
  };
}

/** A second, independent label of a written passage (the agreement sample): its id, the label, who gave it. */
export function toSecondLabel(raw: unknown, where: string): { id: string; label: StanceLabel; labeller: string } {
  const r = raw as Record<string, unknown>;
  if (typeof r !== 'object' || r === null || typeof r.id !== 'string') throw new Error(`${where}: needs id`);
  if ('text' in r) throw new Error(`${where}: a second label carries no text (the passage is in written.jsonl)`);
  return { id: r.id, label: labelOf(r.label, where), labeller: typeof r.labeller === 'string' ? r.labeller : '' };
}

function labelOf(value: unknown, where: string): StanceLabel {
  if (!STANCE_LABELS.includes(value as StanceLabel)) throw new Error(`${where}: label must be one of ${STANCE_LABELS.join(', ')}`);
  return value as StanceLabel;
}

const TIMING = /^\s*(\d+:)?\d+:\d+\.\d+\s*-->.*$/;

/**
 * A reference's text from the raw transcript: line ends normalised to `\n` (offsets were taken that way),
 * the range cut out, VTT timing lines, the `WEBVTT` line and blank lines dropped, lines trimmed and joined by
 * single spaces.
 */
export function referenceText(raw: string, start: number, end: number): string {
  const text = normalizeLineEnds(raw).slice(start, end);
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !TIMING.test(line) && line.trim() !== 'WEBVTT')
    .map((line) => line.trim())
    .join(' ');
}

export function normalizeLineEnds(raw: string): string {
  return raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
}

/** YouTube's auto-caption form of a text: lower case, no punctuation (apostrophes kept), single spaces. */
export function autoCaptionForm(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}'’\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
