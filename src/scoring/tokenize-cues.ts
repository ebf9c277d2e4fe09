import type { Cue } from '../captions/cue';
import { ACRONYMS, ALIASES, CLITICS, CONTRACTIONS, FILLERS } from './token-rules';

/**
 * The whole transcript as one stream of normalised words, each remembering the cue it came from, so that
 * phrases match across caption boundaries and every match can still be placed in time.
 */
export interface TokenStream {
  tokens: string[];
  /** `cueOf[i]` is the index (into the cues given) of the cue token i came from. */
  cueOf: Int32Array;
}

/** Bracketed sound tags (`[Music]`, `[Applause]`), music notes, and parenthesised stage directions. */
const NOISE = /\[[^\]]*\]|♪|\((?:music|applause|laughter|laughs|laughing|inaudible|crosstalk|silence|cheering)\)/g;
/** Dotted acronyms (`a.i.`, `u.s.`) lose their dots before splitting, so they become one token. */
const DOTTED = /\b(?:[a-z]\.){2,}/g;
const NON_WORD = /[^a-z0-9']+/;

/**
 * Lower-cases, drops noise tags and fillers, expands contractions (with or without apostrophes), joins
 * spelled-out acronyms and applies the alias table for common mis-hearings.
 */
export function tokenizeCues(cues: readonly Cue[]): TokenStream {
  const raw: string[] = [];
  const rawCue: number[] = [];
  for (let c = 0; c < cues.length; c++) {
    let text = (cues[c] as Cue).text.toLowerCase();
    if (text.includes('[') || text.includes('(') || text.includes('♪')) text = text.replace(NOISE, ' ');
    if (text.includes('’') || text.includes('‘') || text.includes('`')) text = text.replace(/[’‘`]/g, "'");
    if (text.includes('.')) text = text.replace(DOTTED, (m) => m.replace(/\./g, '') + ' ');
    for (const word of text.split(NON_WORD)) if (word !== '') pushWord(word, c, raw, rawCue);
  }
  return joinAndAlias(raw, rawCue);
}

function pushWord(word: string, cue: number, out: string[], outCue: number[]): void {
  const quoted = word.includes("'");
  if (quoted) {
    word = word.replace(/^'+|'+$/g, '');
    if (word === '') return;
  }
  if (FILLERS.has(word)) return;
  const expansion = CONTRACTIONS.get(word);
  if (expansion) {
    for (const part of expansion) {
      out.push(part);
      outCue.push(cue);
    }
    return;
  }
  if (quoted && word.includes("'")) {
    for (const [suffix, replacement] of CLITICS) {
      if (word.endsWith(suffix) && word.length > suffix.length) {
        const base = word.slice(0, -suffix.length).replace(/'/g, '');
        out.push(base);
        outCue.push(cue);
        if (replacement) {
          out.push(replacement);
          outCue.push(cue);
        }
        return;
      }
    }
    word = word.replace(/'/g, '');
  }
  out.push(word);
  outCue.push(cue);
}

/** Alias table indexed by first word, longest alias first; built per call so the module holds no state. */
function aliasIndex(): Map<string, { from: string[]; to: string[] }[]> {
  const index = new Map<string, { from: string[]; to: string[] }[]>();
  for (const [from, to] of ALIASES) {
    const fromWords = from.split(' ');
    const first = fromWords[0] as string;
    const list = index.get(first) ?? [];
    list.push({ from: fromWords, to: to.split(' ') });
    list.sort((a, b) => b.from.length - a.from.length);
    index.set(first, list);
  }
  return index;
}

function joinAndAlias(raw: string[], rawCue: number[]): TokenStream {
  const aliases = aliasIndex();
  const tokens: string[] = [];
  const cueOf: number[] = [];
  let i = 0;
  while (i < raw.length) {
    const word = raw[i] as string;
    const cue = rawCue[i] as number;
    if (word.length === 1 && (raw[i + 1]?.length ?? 0) === 1) {
      const joined = joinAcronym(raw, i);
      if (joined) {
        tokens.push(joined.word);
        cueOf.push(cue);
        i += joined.length;
        continue;
      }
    }
    const candidates = aliases.get(word);
    const alias = candidates?.find((a) => a.from.every((w, k) => raw[i + k] === w));
    if (alias) {
      for (const w of alias.to) {
        tokens.push(w);
        cueOf.push(cue);
      }
      i += alias.from.length;
      continue;
    }
    tokens.push(word);
    cueOf.push(cue);
    i++;
  }
  return { tokens, cueOf: Int32Array.from(cueOf) };
}

/** The longest run of single letters starting at `start` that spells a known acronym. */
function joinAcronym(raw: string[], start: number): { word: string; length: number } | null {
  let end = start;
  while (end < raw.length && (raw[end] as string).length === 1 && end - start < 6) end++;
  for (let length = end - start; length >= 2; length--) {
    const word = raw.slice(start, start + length).join('');
    if (ACRONYMS.has(word)) return { word, length };
  }
  return null;
}
