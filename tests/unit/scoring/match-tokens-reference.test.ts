import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCaptions } from '../../../src/captions/parse-captions';
import { DEFAULT_LEXICONS } from '../../../src/lexicons/builtin-lexicons';
import type { Lexicon, LexiconEntry } from '../../../src/lexicons/lexicon';
import { compileMatcher } from '../../../src/scoring/compile-matcher';
import { EVIDENCE_MARKER_LEXICONS } from '../../../src/scoring/evidence-mode';
import { matchTokenIds, matchTokens, type Matches } from '../../../src/scoring/match-tokens';
import { tokenizeCueIds } from '../../../src/scoring/tokenize-cues';
import { AI_TOPIC_LEXICON } from '../../../src/scoring/topic-terms';

/**
 * The trie walk (match-tokens.ts) is tuned for speed: word ids, integer-keyed children, per-call tables. This
 * file holds it equal to a reference written for reading, not speed — every pattern tried at every position —
 * on the seed episode with the default lexicons and on seeded random lexicons and token streams.
 *
 * The rules the reference spells out (what matchTokens promises):
 * - Four channels (spectrum, lens, markers, topic), each resolved on its own, left to right.
 * - At a position a channel has not consumed, the longest pattern of that channel wins and consumes its tokens.
 * - A pattern word `stem*` matches any token starting with the stem; other words match the token exactly.
 * - Among patterns of the winning length, entries come in trie order: at the first word where two patterns
 *   differ, an exact word before a wildcard, wildcards in the order they were first compiled; patterns with
 *   the same words in compile order (lexicons in the order given, then the markers, then the topic terms).
 *   The first pattern's entries are all kept; a later one adds an entry only for a lexicon not yet present.
 */
type Channel = keyof Matches;
const CHANNELS: readonly Channel[] = ['spectrum', 'lens', 'markers', 'topic'];

interface Pattern {
  words: { text: string; stem: boolean }[];
  channel: Channel;
  lexicon: Lexicon;
  entry: LexiconEntry;
  lexiconIndex: number;
  /** Per word k: the compile index of the first pattern with the same words up to k (its trie node's birth). */
  born: number[];
}

function referencePatterns(lexicons: readonly Lexicon[]): Pattern[] {
  const all: Omit<Pattern, 'born'>[] = [];
  const add = (lexicon: Lexicon, channel: Channel, lexiconIndex: number): void => {
    for (const entry of lexicon.entries) {
      const words = entry.pattern.trim().split(/\s+/).map((w) => (w.endsWith('*') ? { text: w.slice(0, -1), stem: true } : { text: w, stem: false }));
      all.push({ words, channel, lexicon, entry, lexiconIndex });
    }
  };
  lexicons.forEach((lexicon, i) => add(lexicon, lexicon.kind === 'lens' ? 'lens' : 'spectrum', i));
  for (const lexicon of EVIDENCE_MARKER_LEXICONS) add(lexicon, 'markers', -1);
  add(AI_TOPIC_LEXICON, 'topic', -1);
  const firstWithPrefix = new Map<string, number>();
  return all.map((pattern, index) => {
    const born = pattern.words.map((_, k) => {
      const prefix = JSON.stringify(pattern.words.slice(0, k + 1));
      if (!firstWithPrefix.has(prefix)) firstWithPrefix.set(prefix, index);
      return firstWithPrefix.get(prefix) as number;
    });
    return { ...pattern, born };
  });
}

const matchesAt = (pattern: Pattern, tokens: readonly string[], at: number): boolean =>
  at + pattern.words.length <= tokens.length &&
  pattern.words.every((w, k) => (w.stem ? (tokens[at + k] as string).startsWith(w.text) : tokens[at + k] === w.text));

/** Trie order of two patterns of the same length (see the rules above). */
function trieOrder(a: Pattern, b: Pattern): number {
  for (let k = 0; k < a.words.length; k++) {
    const wa = a.words[k] as Pattern['words'][number];
    const wb = b.words[k] as Pattern['words'][number];
    if (wa.stem !== wb.stem) return wa.stem ? 1 : -1;
    if (a.born[k] !== b.born[k]) return (a.born[k] as number) - (b.born[k] as number);
  }
  return 0; // same words: Array.prototype.sort is stable, so compile order stays
}

function referenceMatch(tokens: readonly string[], patterns: readonly Pattern[]): Matches {
  const found: Matches = { spectrum: [], lens: [], markers: [], topic: [] };
  for (const channel of CHANNELS) {
    const own = patterns.filter((p) => p.channel === channel);
    // Only to keep the seed episode quick: the patterns whose first word is exact, by that word.
    const byFirstWord = new Map<string, Pattern[]>();
    for (const p of own.filter((q) => !q.words[0]?.stem)) {
      const first = (p.words[0] as Pattern['words'][number]).text;
      byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), p]);
    }
    const wildcardFirst = own.filter((p) => p.words[0]?.stem);
    let free = 0;
    for (let at = 0; at < tokens.length; at++) {
      if (at < free) continue;
      const tried = [...(byFirstWord.get(tokens[at] as string) ?? []), ...wildcardFirst];
      const hits = tried.filter((p) => matchesAt(p, tokens, at));
      if (hits.length === 0) continue;
      const longest = Math.max(...hits.map((p) => p.words.length));
      const winners = hits.filter((p) => p.words.length === longest).sort(trieOrder);
      const first = winners[0] as Pattern;
      const entries = winners
        .filter((p) => trieOrder(p, first) === 0)
        .map(({ lexicon, entry, lexiconIndex }) => ({ lexicon, entry, lexiconIndex }));
      for (const p of winners.filter((w) => trieOrder(w, first) !== 0)) {
        if (!entries.some((e) => e.lexicon === p.lexicon)) entries.push({ lexicon: p.lexicon, entry: p.entry, lexiconIndex: p.lexiconIndex });
      }
      found[channel].push({ start: at, end: at + longest, entries });
      free = at + longest;
    }
  }
  return found;
}

/** Matches as plain data: entries by lexicon id and entry index, so a mismatch prints readably. */
function described(matches: Matches): Record<Channel, string[]> {
  const name = (e: Matches['spectrum'][number]['entries'][number]): string => `${e.lexicon.id}#${e.lexicon.entries.indexOf(e.entry)}@${e.lexiconIndex}`;
  const out = {} as Record<Channel, string[]>;
  for (const channel of CHANNELS) out[channel] = matches[channel].map((m) => `${m.start}-${m.end}:${m.entries.map(name).join(',')}`);
  return out;
}

/** A small seeded generator (an LCG, as modifier-factor.test.ts uses): the same cases on every run. */
function generator(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state % n;
  };
}

/**
 * Words that share prefixes (so wildcards overlap and exact words compete with them), words of the marker and
 * topic lists (so those channels match too), and words no pattern holds.
 */
const VOCABULARY = [
  'risk', 'risks', 'risky', 'riskier', 'safe', 'safety', 'safer', 'lose', 'loses', 'losing', 'control', 'controls',
  'the', 'you', 'a', 'i', 'not', 'model', 'models', 'modest', 'ai', 'agi', 'language', 'neural', 'network', 'networks',
  'thanks', 'for', 'having', 'me', 'do', 'think', 'this', 'episode', 'lecture', 'panel', 'xyz', 'qqq', 'catastrophe', 'catastrophic',
];

function randomLexicons(random: (n: number) => number): Lexicon[] {
  const word = (): string => {
    const w = VOCABULARY[random(VOCABULARY.length)] as string;
    // A wildcard: a prefix of at least three letters of a vocabulary word (the schema's rule for stems).
    return w.length >= 3 && random(4) === 0 ? `${w.slice(0, 3 + random(w.length - 2))}*` : w;
  };
  return Array.from({ length: 1 + random(4) }, (_, l) => {
    const kind = random(3) === 0 ? 'lens' : 'spectrum';
    const patterns = new Set<string>();
    const size = 1 + random(14);
    while (patterns.size < size) patterns.add(Array.from({ length: 1 + random(random(2) === 0 ? 1 : 4) }, word).join(' '));
    return {
      id: `random-${l}`, name: `random ${l}`, version: '1', description: '', kind,
      entries: [...patterns].map((pattern) =>
        kind === 'lens' ? { pattern, weight: 0, lens: 'Technical' as const } : { pattern, weight: (random(9) - 4) / 2 },
      ),
    };
  });
}

/** Up to 60 tokens: vocabulary words, and a third of the time the words of one of the lexicons' patterns (so phrases occur). */
function randomTokens(random: (n: number) => number, lexicons: readonly Lexicon[]): string[] {
  const tokens: string[] = [];
  const length = random(60);
  while (tokens.length < length) {
    const lexicon = lexicons[random(lexicons.length)] as Lexicon;
    if (random(3) > 0) tokens.push(VOCABULARY[random(VOCABULARY.length)] as string);
    else {
      for (const w of (lexicon.entries[random(lexicon.entries.length)] as LexiconEntry).pattern.split(' ')) {
        // A wildcard becomes a vocabulary word it matches, or its stem with a made-up ending.
        const stem = w.slice(0, -1);
        const words = VOCABULARY.filter((v) => v.startsWith(stem));
        tokens.push(!w.endsWith('*') ? w : random(2) === 0 && words.length > 0 ? (words[random(words.length)] as string) : `${stem}zz`);
      }
    }
  }
  return tokens;
}

describe('matchTokens equals the reference matcher', () => {
  it('on the seed episode with the default lexicons (every channel, thousands of matches)', () => {
    const cues = parseCaptions(readFileSync('tests/fixtures/episodes/4WNWeUQ7Hfc/captions.asr.json3', 'utf8')).cues;
    const { ids, length, words } = tokenizeCueIds(cues);
    const tokens = Array.from(ids.subarray(0, length), (id) => words.spellings[id] as string);
    const lexicons = [...DEFAULT_LEXICONS];
    const actual = described(matchTokenIds(ids, length, words, compileMatcher(lexicons)));
    const expected = described(referenceMatch(tokens, referencePatterns(lexicons)));
    for (const channel of CHANNELS) expect(actual[channel], channel).toEqual(expected[channel]);
    // Not vacuous: every channel matches, phrases and several lexicons per match among them.
    for (const channel of CHANNELS) expect(expected[channel].length, channel).toBeGreaterThan(20);
    expect(expected.spectrum.filter((m) => m.includes(',')).length).toBeGreaterThan(10);
  }, 60_000); // the reference tries every pattern at every position of 22k tokens, on a shared CPU

  it('on seeded random lexicons and token streams', () => {
    const random = generator(20261130);
    let matched = 0;
    let phrases = 0;
    let shared = 0;
    for (let round = 0; round < 250; round++) {
      const lexicons = randomLexicons(random);
      const matcher = compileMatcher(lexicons);
      const patterns = referencePatterns(lexicons);
      for (let stream = 0; stream < 3; stream++) {
        const tokens = randomTokens(random, lexicons);
        const expected = described(referenceMatch(tokens, patterns));
        expect(described(matchTokens(tokens, matcher)), `${JSON.stringify(lexicons.map((l) => l.entries.map((e) => e.pattern)))} / ${tokens.join(' ')}`).toEqual(expected);
        matched += expected.spectrum.length + expected.lens.length;
        phrases += [...expected.spectrum, ...expected.lens].filter((m) => {
          const [start, end] = (m.split(':')[0] as string).split('-').map(Number);
          return (end as number) - (start as number) > 1;
        }).length;
        shared += [...expected.spectrum, ...expected.lens].filter((m) => m.includes(',')).length;
      }
    }
    // Not vacuous: many matches, hundreds of phrases and of matches that several lexicons share.
    expect(matched).toBeGreaterThan(10_000);
    expect(phrases).toBeGreaterThan(400);
    expect(shared).toBeGreaterThan(400);
  }, 60_000);
});
