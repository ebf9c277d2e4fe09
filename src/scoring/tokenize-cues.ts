import type { Cue } from '../captions/cue';
import { ACRONYMS, ALIASES, CLITICS, CONTRACTIONS, FILLERS } from './token-rules';

/**
 * The whole transcript as one stream of normalised words, each remembering the cue it came from, so that
 * phrases match across caption boundaries and every match can still be placed in time.
 */
export interface TokenStream {
  tokens: string[];
  /** `cueOf[i]` is the index (into the cues given) of the cue token i came from. */
  cueOf: number[];
}

/** Bracketed sound tags (`[Music]`, `[Applause]`), music notes, and parenthesised stage directions. */
const NOISE = /\[[^\]]*\]|♪|\((?:music|applause|laughter|laughs|laughing|inaudible|crosstalk|silence|cheering)\)/g;
/** Characters that need a rewrite before splitting; most ASR cues have none, so one test skips the rest. */
const NEEDS_CLEANING = /[[(♪’‘`.]/;
/** Dotted acronyms (`a.i.`, `u.s.`) lose their dots before splitting, so they become one token. */
const DOTTED = /\b(?:[a-z]\.){2,}/g;
const NON_WORD = /[^a-z0-9']+/;

/** What to do with one raw word: replace it (fillers → nothing), and/or look ahead because an alias starts with it. */
interface WordRule {
  replace?: readonly string[];
  aliases?: { from: string[]; to: string[] }[];
}

/**
 * Lower-cases, drops noise tags and fillers, expands contractions (with or without apostrophes), joins
 * spelled-out acronyms and applies the alias table for common mis-hearings.
 */
export function tokenizeCues(cues: readonly Cue[]): TokenStream {
  const rules = wordRules();
  const tokens: string[] = [];
  const cueOf: number[] = [];
  // Token indexes where an acronym or alias may start; most turn out not to, and then nothing is rewritten.
  const candidates: number[] = [];
  for (let c = 0; c < cues.length; c++) {
    let text = (cues[c] as Cue).text.toLowerCase();
    if (NEEDS_CLEANING.test(text)) {
      text = text.replace(NOISE, ' ').replace(/[’‘`]/g, "'").replace(DOTTED, (m) => m.replace(/\./g, '') + ' ');
    }
    const words = text.split(NON_WORD);
    for (let w = 0; w < words.length; w++) {
      let word = words[w] as string;
      if (word === '') continue;
      const quoted = word.includes("'");
      if (quoted) {
        word = word.replace(/^'+|'+$/g, '');
        if (word === '') continue;
      }
      const rule = rules.get(word);
      if (rule !== undefined) {
        if (rule.aliases) candidates.push(tokens.length);
        if (rule.replace) {
          for (const part of rule.replace) {
            tokens.push(part);
            cueOf.push(c);
          }
          continue;
        }
      } else if (quoted) {
        word = expandClitic(word, tokens, cueOf, c);
        if (word === '') continue;
      }
      if (word.length === 1 && tokens.length > 0 && (tokens[tokens.length - 1] as string).length === 1) candidates.push(tokens.length - 1);
      tokens.push(word);
      cueOf.push(c);
    }
  }
  if (candidates.length > 0) joinInPlace(tokens, cueOf, candidates, rules);
  return { tokens, cueOf };
}

/** `shouldn't` → `should` + `not` (pushes the base, returns the word still to push, or '' if none). */
function expandClitic(word: string, tokens: string[], cueOf: number[], cue: number): string {
  for (const [suffix, replacement] of CLITICS) {
    if (word.endsWith(suffix) && word.length > suffix.length) {
      const base = word.slice(0, -suffix.length).replace(/'/g, '');
      if (replacement === null) return base;
      tokens.push(base);
      cueOf.push(cue);
      return replacement;
    }
  }
  return word.replace(/'/g, '');
}

/** The word table, built per call from the constant tables (no module state; a few hundred entries). */
function wordRules(): Map<string, WordRule> {
  const rules = new Map<string, WordRule>();
  for (const filler of FILLERS) rules.set(filler, { replace: [] });
  for (const [from, to] of CONTRACTIONS) rules.set(from, { replace: to });
  for (const [from, to] of ALIASES) {
    const fromWords = from.split(' ');
    const first = fromWords[0] as string;
    const rule = rules.get(first) ?? {};
    rule.aliases = [...(rule.aliases ?? []), { from: fromWords, to: to.split(' ') }].sort((a, b) => b.from.length - a.from.length);
    rules.set(first, rule);
  }
  return rules;
}

/** What replaces the words at `i`: an acronym joined from single letters, or an alias; null if neither. */
function rewriteAt(words: readonly string[], i: number, rules: Map<string, WordRule>): { to: readonly string[]; length: number } | null {
  const word = words[i] as string;
  if (word.length === 1 && (words[i + 1]?.length ?? 0) === 1) {
    const joined = joinAcronym(words, i);
    if (joined) return { to: [joined.word], length: joined.length };
  }
  const alias = rules.get(word)?.aliases?.find((a) => a.from.every((w, k) => words[i + k] === w));
  return alias ? { to: alias.to, length: alias.from.length } : null;
}

/**
 * Second pass over the candidate positions only, compacting in place. Safe because no rewrite is longer
 * than what it replaces (a unit test holds the alias table to that), so writing never overtakes reading.
 */
function joinInPlace(tokens: string[], cueOf: number[], candidates: readonly number[], rules: Map<string, WordRule>): void {
  let write = 0;
  let read = 0;
  const copyUpTo = (end: number): void => {
    if (write === read) {
      write = end;
      read = end;
      return;
    }
    while (read < end) {
      tokens[write] = tokens[read] as string;
      cueOf[write] = cueOf[read] as number;
      write++;
      read++;
    }
  };
  for (const at of candidates) {
    if (at < read) continue; // inside an earlier rewrite
    const rewrite = rewriteAt(tokens, at, rules);
    if (!rewrite) continue;
    copyUpTo(at);
    const cue = cueOf[at] as number;
    for (const word of rewrite.to) {
      tokens[write] = word;
      cueOf[write] = cue;
      write++;
    }
    read += rewrite.length;
  }
  copyUpTo(tokens.length);
  tokens.length = write;
  cueOf.length = write;
}

/** The longest run of single letters starting at `start` that spells a known acronym. */
function joinAcronym(words: readonly string[], start: number): { word: string; length: number } | null {
  let end = start;
  while (end < words.length && (words[end] as string).length === 1 && end - start < 6) end++;
  for (let length = end - start; length >= 2; length--) {
    const word = words.slice(start, start + length).join('');
    if (ACRONYMS.has(word)) return { word, length };
  }
  return null;
}
