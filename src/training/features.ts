import { GENERIC_SENTIMENT_WORDS } from '../lexicons/generic-words';
import type { Lexicon } from '../lexicons/lexicon';
import { compileMatcher, type CompiledMatcher } from '../scoring/compile-matcher';
import { matchTokenIds } from '../scoring/match-tokens';
import { modify, type TokenWords } from '../scoring/modifiers';
import { findAiMentions } from '../scoring/topic';
import { tokenizeCueIds, type TokenIdStream } from '../scoring/tokenize-cues';
import { WRITTEN_SOURCE, type Passage } from './passages';

/**
 * Features exactly as the runtime scorer will apply the learned weights: the candidate patterns (words and
 * short phrases from the scorer's own tokeniser) are compiled into one lexicon and run through the scorer's
 * matcher (leftmost-longest, a phrase consumes its words) and modifiers (negation flips and damps, hedges damp,
 * "but" shifts weight). A passage's feature j is the sum of the modifier factors of pattern j's matches, so
 * the runtime net of a slice is exactly Σ weight_j · feature_j.
 */

/**
 * Function words, fillers and the modifiers' own words are never patterns on their own: they carry no stance
 * and would make explanations unreadable ("the +0.3"). They may be part of a phrase (`not worried`).
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if then else so because as of at by for with about against between into through during before after ' +
    'above below to from up down in out on off over under again further once here there when where why how all any both each few ' +
    'more most other some such no nor not only own same than too very s t can will just don should now i me my myself we our ours ' +
    'ourselves you your yours yourself yourselves he him his himself she her hers herself it its itself they them their theirs ' +
    'themselves what which who whom this that these those am is are was were be been being have has had having do does did doing ' +
    'would could might may must shall also like yeah yes okay ok oh well um uh really actually basically literally kind sort thing ' +
    'things stuff know mean think guess right get got go going gonna wanna let say said says one two lot lots way even still ' +
    'much many maybe perhaps probably something anything everything nothing someone anyone everyone people person time times ' +
    'make made see look want need come came take took put give gave use used us ' +
    // discourse markers carry emphasis, not a side ("honestly" opens dismissals and warnings alike)
    'honestly frankly listen obviously clearly sure course anyway totally definitely ' +
    // page furniture and the corpus's recurring host
    'http https www com org youtube watch subscribe podcast episode transcript lex fridman'
  ).split(' '),
);

export interface CandidateOptions {
  /** Longest phrase, in words. */
  maxWords: number;
  /** A pattern must occur in at least this many training passages… */
  minPassages: number;
  /** …from at least this many sources (episodes, or our written passages), so one episode's names cannot become stance words. */
  minSources: number;
  /**
   * A pattern in more than this share of passages is too generic to carry a side (`better`, `problem`, `work`):
   * it says what talk is like, and would tilt every slice a little.
   */
  maxPassageShare: number;
  /**
   * A pattern must also occur in at least this many of our written passages (0: no such floor). Written
   * passages are written to carry stance in varied words; a pattern only the corpus's references hold is far
   * more likely to say which episode a passage came from than which side it takes.
   */
  minWritten: number;
  /** Numbers and number words (`three`, `thousand`, `2019`) never make a pattern: they date or place talk, they take no side. */
  dropNumbers: boolean;
  /** Proper names (see `properNameWords`) never make a pattern: a name says who talks, not the side. */
  dropNames: boolean;
}

export const DEFAULT_CANDIDATES: CandidateOptions = { maxWords: 3, minPassages: 4, minSources: 2, maxPassageShare: 0.06, minWritten: 0, dropNumbers: false, dropNames: false };

/** Token strings of a text, as the scorer sees them. */
export function tokensOf(text: string): string[] {
  const stream = tokenizeCueIds([{ startMs: 0, endMs: 1000, text }]);
  const out = new Array<string>(stream.length);
  for (let i = 0; i < stream.length; i++) out[i] = stream.words.spellings[stream.ids[i] as number] as string;
  return out;
}

/**
 * Candidate patterns from training passages: content words, and phrases of 2…maxWords words that start and
 * end with a content word or hold a negator (`not worried`, `no reason to`), above the frequency floors.
 * Sorted, so the feature space is deterministic.
 */
export function candidatePatterns(passages: readonly Passage[], options: CandidateOptions = DEFAULT_CANDIDATES, excludedWords: ReadonlySet<string> = new Set()): string[] {
  const docs = new Map<string, number>();
  const written = new Map<string, number>();
  const sources = new Map<string, Set<string>>();
  const names = options.dropNames ? new Set([...properNameWords(passages), ...excludedWords]) : excludedWords;
  for (const passage of passages) {
    const tokens = tokensOf(passage.text);
    const seen = new Set<string>();
    for (let i = 0; i < tokens.length; i++) {
      for (let n = 1; n <= options.maxWords && i + n <= tokens.length; n++) {
        const gram = tokens.slice(i, i + n);
        if (!isCandidate(gram)) continue;
        if (options.dropNumbers && gram.some(isNumberWord)) continue;
        if (names.size > 0 && gram.some((w) => names.has(w))) continue;
        seen.add(gram.join(' '));
      }
    }
    const isWritten = passage.source === WRITTEN_SOURCE;
    for (const pattern of seen) {
      docs.set(pattern, (docs.get(pattern) ?? 0) + 1);
      if (isWritten) written.set(pattern, (written.get(pattern) ?? 0) + 1);
      let set = sources.get(pattern);
      if (!set) sources.set(pattern, (set = new Set()));
      set.add(passage.source);
    }
  }
  const ceiling = options.maxPassageShare * passages.length;
  return [...docs.entries()]
    .filter(([pattern, count]) => count >= options.minPassages && count <= ceiling && (sources.get(pattern)?.size ?? 0) >= options.minSources)
    .filter(([pattern]) => (written.get(pattern) ?? 0) >= options.minWritten)
    .filter(([pattern]) => !isTopicWord(pattern))
    .map(([pattern]) => pattern)
    .sort();
}

/**
 * A pattern that is itself an AI topic term (`ai`, `agi`, `robots`, `model`) says what the talk is about, not
 * which side it takes: the topic gate counts those; the stance lexicon leaves them alone.
 */
function isTopicWord(pattern: string): boolean {
  const stream = tokenizeCueIds([{ startMs: 0, endMs: 1, text: pattern }]);
  const mentions = findAiMentions(stream.ids, stream.length, stream.words);
  return mentions.starts.length === 1 && mentions.starts[0] === 0 && !pattern.includes(' ');
}

const NUMBER_WORDS: ReadonlySet<string> = new Set(
  (
    'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen ' +
    'nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million millions billion ' +
    'billions trillion trillions dozen dozens half first second third fourth fifth sixth seventh eighth ninth tenth percent'
  ).split(' '),
);

/** Digits and number words: `three`, `thousands`, `2019`, `10x`. */
export function isNumberWord(word: string): boolean {
  return NUMBER_WORDS.has(word) || /^\d/.test(word);
}

/**
 * Proper names, read from how the passages we have in mixed case spell them: a word written with a capital
 * in the middle of a sentence at least twice, and in lower case in at most a tenth of its mid-sentence uses
 * (`lecun`, `google`, `europe`). Passages in the auto-caption form (no capitals) do not vote. Returned in the
 * scorer's lower-case spelling.
 */
export function properNameWords(passages: readonly Pick<Passage, 'text'>[]): Set<string> {
  const capital = new Map<string, number>();
  const lower = new Map<string, number>();
  for (const { text } of passages) {
    if (!/[A-Z]/.test(text) || !/[a-z]/.test(text)) continue;
    const word = /[A-Za-z][A-Za-z'’]*/g;
    let previousEnd = -1;
    for (let m = word.exec(text); m; m = word.exec(text)) {
      const between = previousEnd < 0 ? '.' : text.slice(previousEnd, m.index);
      previousEnd = m.index + m[0].length;
      // Sentence starts, speaker labels and headings capitalise anything.
      if (/[.!?:"“*#\n[\]]/.test(between)) continue;
      const key = m[0].toLowerCase().replace(/['’]s$/, '');
      if (key === 'i' || key.startsWith("i'") || key.startsWith('i’')) continue;
      const table = /^[A-Z]/.test(m[0]) ? capital : lower;
      table.set(key, (table.get(key) ?? 0) + 1);
    }
  }
  const names = new Set<string>();
  for (const [key, caps] of capital) {
    const low = lower.get(key) ?? 0;
    if (caps >= 2 && low <= 0.1 * (caps + low)) names.add(key);
  }
  return names;
}

/** Generic praise and complaint never become stance words, alone (`amazing`) or as a phrase's last word (`really bad`). */
const GENERIC: ReadonlySet<string> = new Set(GENERIC_SENTIMENT_WORDS);

const NEGATORS = new Set(['not', 'no', 'never', 'nobody', 'nothing', 'without']);

function isCandidate(gram: readonly string[]): boolean {
  // Single letters are URL and spelling debris (`watch v`), never a stance.
  if (gram.some((w) => !/^[a-z0-9]+$/.test(w) || w.length > 30 || (w.length === 1 && w !== 'a' && w !== 'i'))) return false;
  const first = gram[0] as string;
  const last = gram[gram.length - 1] as string;
  if (gram.length === 1) return !STOPWORDS.has(first) && !GENERIC.has(first) && first.length >= 3 && !/^\d+$/.test(first);
  if (STOPWORDS.has(last) || GENERIC.has(last)) return false;
  return !STOPWORDS.has(first) || NEGATORS.has(first);
}

/** A set of candidate patterns compiled as the runtime would compile a lexicon of them. */
export interface FeatureSpace {
  patterns: readonly string[];
  index: ReadonlyMap<string, number>;
  lexicon: Lexicon;
  matcher: CompiledMatcher;
}

export function featureSpace(patterns: readonly string[]): FeatureSpace {
  const lexicon: Lexicon = {
    id: 'ai-stance',
    name: 'candidates',
    version: '0',
    description: 'training candidates',
    kind: 'spectrum',
    entries: patterns.map((pattern) => ({ pattern, weight: 1 })),
  };
  const lexicons = [lexicon];
  return { patterns, index: new Map(patterns.map((p, i) => [p, i])), lexicon, matcher: compileMatcher(lexicons) };
}

/** One passage's sparse feature vector (sorted indexes) and its word count. */
export interface FeatureRow {
  index: Int32Array;
  value: Float64Array;
  words: number;
}

export function featuresOf(text: string, space: FeatureSpace): FeatureRow {
  const stream = tokenizeCueIds([{ startMs: 0, endMs: 1000, text }]);
  return featuresOfStream(stream, space);
}

export function featuresOfStream(stream: TokenIdStream, space: FeatureSpace): FeatureRow {
  const { spellings } = stream.words;
  const tokenWords: TokenWords = { length: stream.length, word: (i) => (i >= 0 && i < stream.length ? spellings[stream.ids[i] as number] : undefined) };
  const matches = matchTokenIds(stream.ids, stream.length, stream.words, space.matcher);
  const sums = new Map<number, number>();
  for (const match of matches.spectrum) {
    const { factor } = modify(tokenWords, match.start, match.end);
    for (const { entry } of match.entries) {
      const j = space.index.get(entry.pattern);
      if (j === undefined) continue;
      sums.set(j, (sums.get(j) ?? 0) + factor);
    }
  }
  const keys = [...sums.keys()].sort((a, b) => a - b);
  return { index: Int32Array.from(keys), value: Float64Array.from(keys, (k) => sums.get(k) as number), words: stream.length };
}
