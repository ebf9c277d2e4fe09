import { WordList, type WordIds } from './word-ids';

/**
 * Valence modifiers after VADER (Hutto & Gilbert 2014), adapted to captions: no punctuation, no capitals,
 * so scopes are counted in words and clause words stand in for commas and full stops.
 */

/** Negation flips a term and damps it (VADER's N_SCALAR). */
export const NEGATION_FACTOR = -0.74;
/** How many words before a term a negator still reaches. */
export const NEGATION_SCOPE = 3;
export const BOOSTER_FACTOR = 1.3;
export const DAMPENER_FACTOR = 0.7;
export const HEDGE_FACTOR = 0.75;
/** Words before a term that boosters, dampeners and hedges reach. */
export const INTENSITY_SCOPE = 2;
export const HEDGE_SCOPE = 4;
/** "X but Y": Y counts more, X less (VADER: ×1.5 / ×0.5), within this many words of the `but`. */
export const BUT_SCOPE = 12;
export const AFTER_BUT_FACTOR = 1.5;
export const BEFORE_BUT_FACTOR = 0.5;

const NEGATORS = new Set(['not', 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'without', 'hardly', 'barely', 'rarely', 'seldom', 'nowhere']);
/** A negator followed by one of these does not negate what comes after ("not only", "no doubt"). */
const NEGATION_RELEASES = new Set(['only', 'just', 'doubt', 'question', 'matter']);
/** Words that end a clause: a negator before them does not reach a term after them. */
const CLAUSE_BREAKS = new Set(['but', 'however', 'although', 'though', 'because', 'since', 'while', 'whereas', 'unless', 'and', 'so', 'then', 'which', 'who', 'yet']);
const BOOSTERS = new Set([
  'very', 'extremely', 'really', 'incredibly', 'hugely', 'massively', 'deeply', 'seriously', 'truly', 'absolutely',
  'enormous', 'enormously', 'huge', 'major', 'severe', 'severely', 'serious', 'most', 'particularly', 'especially',
  'highly', 'totally', 'completely', 'utterly', 'vast', 'tremendous', 'tremendously', 'genuinely', 'profoundly', 'radically',
]);
const DAMPENERS = new Set(['slightly', 'somewhat', 'little', 'bit', 'marginally', 'mildly', 'minor', 'less', 'partly', 'partially']);
const HEDGES = new Set(['maybe', 'perhaps', 'possibly', 'might', 'could', 'may', 'probably', 'potentially', 'arguably', 'presumably', 'supposedly', 'allegedly', 'hypothetically', 'if', 'guess']);

/** What the modifiers did to one term, for tests and explanations. */
export interface Modification {
  factor: number;
  negated: boolean;
}

/** A token stream read by index: `word(i)` is undefined outside 0 … length − 1. */
export interface TokenWords {
  readonly length: number;
  word(index: number): string | undefined;
}

/** The multiplier for a term spanning tokens [start, end). */
export function modify(words: TokenWords, start: number, end: number): Modification {
  let factor = 1;
  let negated = false;
  // Look back word by word until a clause break; each rule has its own reach.
  for (let k = 1; k <= HEDGE_SCOPE; k++) {
    const word = words.word(start - k);
    if (word === undefined || CLAUSE_BREAKS.has(word)) break;
    if (k <= NEGATION_SCOPE && !negated && NEGATORS.has(word) && !NEGATION_RELEASES.has(words.word(start - k + 1) ?? '')) {
      negated = true;
      factor *= NEGATION_FACTOR;
    } else if (k <= INTENSITY_SCOPE && BOOSTERS.has(word)) factor *= BOOSTER_FACTOR;
    else if (k <= INTENSITY_SCOPE && DAMPENERS.has(word)) factor *= DAMPENER_FACTOR;
    else if (HEDGES.has(word) || (word === 'of' && (words.word(start - k - 1) === 'kind' || words.word(start - k - 1) === 'sort'))) factor *= HEDGE_FACTOR;
  }
  // Terms are sparse (a few per hundred words), so scanning the but-window per term beats indexing every word.
  for (let k = 1; k <= BUT_SCOPE && start - k >= 0; k++) {
    if (isBut(words.word(start - k))) {
      factor *= AFTER_BUT_FACTOR;
      break;
    }
  }
  for (let k = 0; k < BUT_SCOPE && end + k < words.length; k++) {
    if (isBut(words.word(end + k))) {
      factor *= BEFORE_BUT_FACTOR;
      break;
    }
  }
  return { factor, negated };
}

function isBut(word: string | undefined): boolean {
  return word === 'but' || word === 'however';
}

/*
 * The same rules over word ids, for the scorer's loop over every hit (a learned lexicon gives ~1,500 per episode):
 * each distinct word's lists are looked up once (`modifierFlags`), then a hit's scans read one flag per word, with
 * no string compare and no closure call. `modify` stays the definition (training reads through it); the unit test
 * holds `modifierFactor` equal to it at every position of the seed episode and on random modifier-word sequences.
 */
const NEGATOR = 1;
const RELEASE = 2;
const CLAUSE = 4;
const BOOSTER = 8;
const DAMPENER = 16;
const HEDGE = 32;
const BUT = 64;
const OF = 128;
const KIND_OR_SORT = 256;

/** Every word some modifier rule reads, with its flags (fixed data, built once at load and only read). */
const FLAGS_OF: ReadonlyMap<string, number> = ((): Map<string, number> => {
  const flags = new Map<string, number>();
  const mark = (words: Iterable<string>, flag: number): void => {
    for (const word of words) flags.set(word, (flags.get(word) ?? 0) | flag);
  };
  mark(NEGATORS, NEGATOR);
  mark(NEGATION_RELEASES, RELEASE);
  mark(CLAUSE_BREAKS, CLAUSE);
  mark(BOOSTERS, BOOSTER);
  mark(DAMPENERS, DAMPENER);
  mark(HEDGES, HEDGE);
  mark(['but', 'however'], BUT);
  mark(['of'], OF);
  mark(['kind', 'sort'], KIND_OR_SORT);
  return flags;
})();

/** FLAGS_OF's words, searched by the hash a transcript's WordIds keeps (no string hashed per call). */
const MODIFIER_WORDS = new WordList([...FLAGS_OF.keys()]);
const MODIFIER_FLAGS = Uint16Array.from(FLAGS_OF.values());

/** `flags[id]`: the modifier lists word `id` of `words` is in (one lookup per distinct word). */
export function modifierFlags(words: WordIds): Uint16Array {
  const flags = new Uint16Array(words.size);
  for (let id = 0; id < flags.length; id++) {
    const index = MODIFIER_WORDS.indexOf(words.spellings[id] as string, words.hashOf(id));
    if (index >= 0) flags[id] = MODIFIER_FLAGS[index] as number;
  }
  return flags;
}

/** `modify(words, start, end).factor` for the token stream `ids[0 … length)` whose words' flags are `flags`. */
export function modifierFactor(ids: Int32Array, length: number, flags: Uint16Array, start: number, end: number): number {
  let factor = 1;
  let negated = false;
  for (let k = 1; k <= HEDGE_SCOPE; k++) {
    const at = start - k;
    if (at < 0 || at >= length) break;
    const f = flags[ids[at] as number] as number;
    if ((f & CLAUSE) !== 0) break;
    if (k <= NEGATION_SCOPE && !negated && (f & NEGATOR) !== 0 && ((flags[ids[at + 1] as number] as number) & RELEASE) === 0) {
      negated = true;
      factor *= NEGATION_FACTOR;
    } else if (k <= INTENSITY_SCOPE && (f & BOOSTER) !== 0) factor *= BOOSTER_FACTOR;
    else if (k <= INTENSITY_SCOPE && (f & DAMPENER) !== 0) factor *= DAMPENER_FACTOR;
    else if ((f & HEDGE) !== 0 || ((f & OF) !== 0 && at >= 1 && ((flags[ids[at - 1] as number] as number) & KIND_OR_SORT) !== 0)) factor *= HEDGE_FACTOR;
  }
  for (let k = 1; k <= BUT_SCOPE && start - k >= 0; k++) {
    if (((flags[ids[start - k] as number] as number) & BUT) !== 0) {
      factor *= AFTER_BUT_FACTOR;
      break;
    }
  }
  for (let k = 0; k < BUT_SCOPE && end + k < length; k++) {
    if (((flags[ids[end + k] as number] as number) & BUT) !== 0) {
      factor *= BEFORE_BUT_FACTOR;
      break;
    }
  }
  return factor;
}
