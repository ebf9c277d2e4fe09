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
/**
 * Stance the speaker does not take as their own (DESIGN §4): a term in a view put in others' mouths ("people say
 * it is dangerous", "the idea that it will destroy us", "according to…") counts this much, within REPORT_SCOPE
 * words after the cue, in its clause. Chosen by the leave-episodes-out cross-validation (TRAINING-REPORT.md); rules
 * for questions and for dismissing words were measured the same way and moved nothing but noise, so there are none.
 */
export const ATTRIBUTION_FACTOR = 0.5;
export const REPORT_SCOPE = 8;

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
/** Who a reported view belongs to when it is not the speaker's ("people say", "critics argue", "they think"). */
const THIRD_PARTIES = new Set(['people', 'they', 'some', 'others', 'critics', 'folks', 'everybody', 'everyone', 'skeptics', 'sceptics', 'doomers', 'pessimists', 'optimists', 'alarmists', 'he', 'she', 'somebody', 'someone', 'media']);
const REPORTING_VERBS = new Set(['say', 'says', 'said', 'saying', 'think', 'thinks', 'thought', 'believe', 'believes', 'believed', 'claim', 'claims', 'claimed', 'argue', 'argues', 'argued', 'imagine', 'imagines', 'predict', 'predicts', 'predicted', 'warn', 'warns', 'warned', 'insist', 'insists', 'tell', 'tells', 'told']);
/** "the idea that…": a view framed as a proposition under discussion. */
const FRAMING_NOUNS = new Set(['idea', 'argument', 'narrative', 'claim', 'notion', 'belief', 'myth', 'story', 'premise', 'assumption', 'hypothesis', 'thesis']);
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
  let attributed = false;
  // Look back word by word until a clause break; each rule has its own reach. Attribution (whose view: a reporting
  // cue in the clause before the term) counts once, after the others.
  for (let k = 1; k <= REPORT_SCOPE; k++) {
    const word = words.word(start - k);
    if (word === undefined || CLAUSE_BREAKS.has(word)) break;
    if (k <= HEDGE_SCOPE) {
      if (k <= NEGATION_SCOPE && !negated && NEGATORS.has(word) && !NEGATION_RELEASES.has(words.word(start - k + 1) ?? '')) {
        negated = true;
        factor *= NEGATION_FACTOR;
      } else if (k <= INTENSITY_SCOPE && BOOSTERS.has(word)) factor *= BOOSTER_FACTOR;
      else if (k <= INTENSITY_SCOPE && DAMPENERS.has(word)) factor *= DAMPENER_FACTOR;
      else if (HEDGES.has(word) || (word === 'of' && (words.word(start - k - 1) === 'kind' || words.word(start - k - 1) === 'sort'))) factor *= HEDGE_FACTOR;
    }
    if (!attributed) {
      const before = words.word(start - k - 1) ?? '';
      attributed = (REPORTING_VERBS.has(word) && THIRD_PARTIES.has(before)) || (word === 'that' && FRAMING_NOUNS.has(before)) || (word === 'to' && before === 'according');
    }
  }
  if (attributed) factor *= ATTRIBUTION_FACTOR;
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
const THIRD_PARTY = 1 << 9;
const REPORTING = 1 << 10;
const FRAMING = 1 << 11;
const THAT = 1 << 12;
const ACCORDING = 1 << 13;
const TO = 1 << 14;
const ATTRIBUTION_CUE = REPORTING | THAT | TO;

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
  mark(THIRD_PARTIES, THIRD_PARTY);
  mark(REPORTING_VERBS, REPORTING);
  mark(FRAMING_NOUNS, FRAMING);
  mark(['that'], THAT);
  mark(['according'], ACCORDING);
  mark(['to'], TO);
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
  let attributed = false;
  for (let k = 1; k <= REPORT_SCOPE; k++) {
    const at = start - k;
    if (at < 0 || at >= length) break;
    const f = flags[ids[at] as number] as number;
    if (f === 0) continue; // most words are in no list
    if ((f & CLAUSE) !== 0) break;
    if (k <= HEDGE_SCOPE) {
      if (k <= NEGATION_SCOPE && !negated && (f & NEGATOR) !== 0 && ((flags[ids[at + 1] as number] as number) & RELEASE) === 0) {
        negated = true;
        factor *= NEGATION_FACTOR;
      } else if (k <= INTENSITY_SCOPE && (f & BOOSTER) !== 0) factor *= BOOSTER_FACTOR;
      else if (k <= INTENSITY_SCOPE && (f & DAMPENER) !== 0) factor *= DAMPENER_FACTOR;
      else if ((f & HEDGE) !== 0 || ((f & OF) !== 0 && at >= 1 && ((flags[ids[at - 1] as number] as number) & KIND_OR_SORT) !== 0)) factor *= HEDGE_FACTOR;
    }
    if (!attributed && (f & ATTRIBUTION_CUE) !== 0) {
      const g = at >= 1 ? (flags[ids[at - 1] as number] as number) : 0;
      attributed = ((f & REPORTING) !== 0 && (g & THIRD_PARTY) !== 0) || ((f & THAT) !== 0 && (g & FRAMING) !== 0) || ((f & TO) !== 0 && (g & ACCORDING) !== 0);
    }
  }
  if (attributed) factor *= ATTRIBUTION_FACTOR;
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

