import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Cue } from '../captions/cue';
import { parseCaptions } from '../captions/parse-captions';
import { autoCaptionForm } from './passages';

/** One entry of a corpus folder's `labels.json` (the format of ../shared/corpus/labels.json). */
export interface CorpusLabel {
  id: string;
  /** R, O, M (AI talk) or N (not about AI). */
  group: string;
  /** −2 … +2 for AI episodes; null when not about AI. */
  ordinal: number | null;
  file: string;
  title?: string;
  /** Who speaks (labels.json `speakers`): their names are never stance patterns. */
  speakers?: string[];
}

export interface CorpusEpisode extends CorpusLabel {
  /** The raw file as read (references index into it, line ends normalised). */
  raw: string;
  cues: Cue[];
}

/** Reads `DIR/labels.json` and every transcript it lists; a problem is one clear Error naming the file. */
export function readCorpus(dir: string, readFile: (path: string) => string = (path) => readFileSync(path, 'utf8')): CorpusEpisode[] {
  const labelsPath = join(dir, 'labels.json');
  let labels: unknown;
  try {
    labels = JSON.parse(readFile(labelsPath));
  } catch (error) {
    throw new Error(`${labelsPath}: cannot read labels (${(error as Error).message.split('\n')[0]})`);
  }
  if (!Array.isArray(labels)) throw new Error(`${labelsPath}: must be a JSON array of episodes`);
  return labels.map((raw: unknown, i: number) => {
    const label = toLabel(raw, `${labelsPath}[${i}]`);
    const path = join(dir, label.file);
    let text: string;
    try {
      text = readFile(path);
    } catch {
      throw new Error(`${path}: cannot read the transcript listed for ${label.id}`);
    }
    let cues: Cue[];
    try {
      cues = parseCaptions(text).cues;
    } catch (error) {
      throw new Error(`${path}: not a transcript the scorer can read (${(error as Error).message})`);
    }
    return { ...label, raw: text, cues };
  });
}

function toLabel(raw: unknown, where: string): CorpusLabel {
  const r = raw as Record<string, unknown>;
  if (typeof r !== 'object' || r === null || typeof r.id !== 'string' || typeof r.file !== 'string') {
    throw new Error(`${where}: needs "id" and "file"`);
  }
  const ordinal = r.ordinal === null || r.ordinal === undefined ? null : Number(r.ordinal);
  if (ordinal !== null && !Number.isFinite(ordinal)) throw new Error(`${where}: "ordinal" must be a number or null`);
  const group = typeof r.group === 'string' ? r.group : ordinal === null ? 'N' : ordinal < 0 ? 'R' : ordinal > 0 ? 'O' : 'M';
  const speakers = Array.isArray(r.speakers) ? r.speakers.filter((s): s is string => typeof s === 'string') : [];
  return { id: r.id, group, ordinal, file: r.file, ...(typeof r.title === 'string' ? { title: r.title } : {}), ...(speakers.length > 0 ? { speakers } : {}) };
}

/** The words of every speaker's name (`stuart`, `russell`, `lex`, …), in the scorer's lower-case spelling. */
export function speakerWords(corpus: readonly CorpusLabel[]): string[] {
  const words = new Set<string>();
  for (const episode of corpus) for (const name of episode.speakers ?? []) for (const w of name.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (w.length > 1) words.add(w);
  return [...words].sort();
}

/** An episode is about AI unless its group is N (or it has no ordinal). */
export function isAiEpisode(label: CorpusLabel): boolean {
  return label.group !== 'N' && label.ordinal !== null;
}

/** The cues as YouTube's auto-captions would deliver them: lower case, no punctuation. */
export function autoCaptionCues(cues: readonly Cue[]): Cue[] {
  return cues.map((cue) => ({ ...cue, text: autoCaptionForm(cue.text) })).filter((cue) => cue.text !== '');
}
