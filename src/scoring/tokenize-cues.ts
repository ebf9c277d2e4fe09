import type { Cue } from '../captions/cue';
import { ACRONYMS, ALIASES, CLITICS, CONTRACTIONS, FILLERS } from './token-rules';
import { exactStep, FNV_OFFSET, fnvStep, WordIds } from './word-ids';

/**
 * The whole transcript as one stream of normalised words, each remembering the cue it came from, so that
 * phrases match across caption boundaries and every match can still be placed in time.
 */
export interface TokenStream {
  tokens: string[];
  /** `cueOf[i]` is the index (into the cues given) of the cue token i came from. */
  cueOf: number[];
}

/** The same stream as word ids (see word-ids.ts): what the scorer works on. */
export interface TokenIdStream {
  /** `ids[i]`: token i's word id in `words`; exactly `length` entries. */
  ids: Int32Array;
  cueOf: Int32Array;
  length: number;
  words: WordIds;
  /** Only when asked for (`{ offsets: true }`): where each token came from in the original cue text. */
  offsets?: TokenOffsets;
}

/**
 * Token i came from `cues[cueOf[i]].text` at char `from[i]` up to `cues[endCue[i]].text` at char `to[i]`
 * (exclusive), in the text as given (not lower-cased or cleaned). A rewrite gives every word it makes the span
 * of all the words it read (`a i` → `ai` covers both letters, even across a cue boundary; `don't` → `do not`
 * both cover `don't`).
 */
export interface TokenOffsets {
  from: Int32Array;
  endCue: Int32Array;
  to: Int32Array;
}

export interface TokenizeOptions {
  /** Also record each token's character span in the original cue text (for highlighting; costs three Int32Arrays). */
  offsets?: boolean;
}

/** Bracketed sound tags (`[Music]`, `[Applause]`), music notes, and parenthesised stage directions. */
const NOISE = /\[[^\]]*\]|♪|\((?:music|applause|laughter|laughs|laughing|inaudible|crosstalk|silence|cheering)\)/g;
/** Dotted acronyms (`a.i.`, `u.s.`) lose their dots before splitting, so they become one token. */
const DOTTED = /\b(?:[a-z]\.){2,}/g;
const NON_WORD = /[^a-z0-9']+/;
/** What NON_WORD splits out (the words), found with their positions. */
const WORD_RUN = /[a-z0-9']+/g;

/** What to do with one raw word: replace it (fillers → nothing), and/or look ahead because an alias starts with it. */
interface WordRule {
  readonly replace?: readonly string[];
  readonly aliases?: readonly { readonly from: readonly string[]; readonly to: readonly string[] }[];
}

/**
 * Lower-cases, drops noise tags and fillers, expands contractions (with or without apostrophes), joins
 * spelled-out acronyms and applies the alias table for common mis-hearings.
 */
export function tokenizeCues(cues: readonly Cue[]): TokenStream {
  const stream = tokenizeCueIds(cues);
  const tokens = new Array<string>(stream.length);
  for (let i = 0; i < stream.length; i++) tokens[i] = stream.words.spellings[stream.ids[i] as number] as string;
  return { tokens, cueOf: Array.from(stream.cueOf) };
}

/**
 * tokenizeCues as word ids. Most caption text is plain ASCII words and spaces: such a cue is scanned once by
 * char code, hashing each word as it goes, so a word already seen costs no allocation. A cue with non-ASCII
 * text or one of `[ ( \` .` takes the general path instead — lower-case, regex clean-up, split — which
 * defines the result; the fast path only reproduces it (tests/unit/scoring/word-ids.test.ts holds them equal).
 */
export function tokenizeCueIds(cues: readonly Cue[], options: TokenizeOptions = {}): TokenIdStream {
  const rules = WORD_RULES;
  const out = new TokenBuffer(cues.length * 8, options.offsets === true);
  // The current word's span in the cue's original text (read by TokenBuffer.push when offsets are kept).
  let spanFrom = 0;
  let spanTo = 0;
  // Ids fixed up front make the two per-token questions integer compares: the single chars get ids below
  // SINGLE_CHARS.length (every one-char token is one of them: tokens are made of [a-z0-9'] and a lone `'`
  // is dropped), and the words with a rule get the ids below ruleEnd.
  const words = new WordIds();
  for (const char of SINGLE_CHARS) words.idOf(char);
  const ruleOf: (WordRule | null)[] = [];
  for (const [word, rule] of rules) ruleOf[words.idOf(word)] = rule;
  const ruleEnd = words.size;
  for (let id = 0; id < ruleEnd; id++) ruleOf[id] ??= null;
  const ruleFor = (id: number): WordRule | null => (id < ruleEnd ? (ruleOf[id] as WordRule | null) : null);
  // What a replacing rule's word becomes, as ids: looked up at its first occurrence, not at every `dont` or `uh`.
  const replacementOf: (readonly number[] | undefined)[] = [];
  // A quoted word's tokens depend on its spelling alone: worked out at its first occurrence (pushWord's rules), then
  // replayed. Keyed by the id of its raw spelling (`don't`, `'cause`); in a transcript most quoted words recur.
  const quotedPlans = new Map<number, QuotedPlan>();
  const isSingleLetter = (id: number): boolean => id < SINGLE_CHARS.length;
  // Token indexes where an acronym or alias may start; most turn out not to, and then nothing is rewritten.
  const candidates: number[] = [];

  /** Pushes a word as is, noting where a run of single letters may spell an acronym. */
  const pushPlain = (id: number, c: number): void => {
    if (isSingleLetter(id) && out.length > 0 && isSingleLetter(out.lastId())) candidates.push(out.length - 1);
    out.push(id, c, spanFrom, spanTo);
  };

  /** A word without apostrophes: fillers and contractions are replaced, alias starts noted. */
  const pushId = (id: number, c: number): void => {
    const rule = ruleFor(id);
    if (rule !== null) {
      if (rule.aliases) candidates.push(out.length);
      if (rule.replace) {
        let replacement = replacementOf[id];
        if (replacement === undefined) replacementOf[id] = replacement = rule.replace.map((part) => words.idOf(part));
        for (let k = 0; k < replacement.length; k++) out.push(replacement[k] as number, c, spanFrom, spanTo);
        return;
      }
    }
    pushPlain(id, c);
  };

  /** A word string from the general path. */
  const pushWord = (raw: string, c: number): void => {
    if (raw === '') return;
    if (!raw.includes("'")) pushId(words.idOf(raw), c);
    else pushQuoted(words.idOf(raw), c);
  };

  /** A word with an apostrophe, by the id of its raw spelling: its plan (planQuoted) made once, then followed. */
  const pushQuoted = (rawId: number, c: number): void => {
    let plan = quotedPlans.get(rawId);
    if (plan === undefined) {
      plan = planQuoted(words.spellings[rawId] as string);
      quotedPlans.set(rawId, plan);
    }
    if (plan.ruled >= 0) pushId(plan.ruled, c);
    else {
      if (plan.base >= 0) out.push(plan.base, c, spanFrom, spanTo);
      if (plan.rest >= 0) pushPlain(plan.rest, c);
    }
  };

  /**
   * A quoted word loses its outer apostrophes; if what remains has a rule of its own (`it's`, `won't`), that
   * applies; otherwise clitics expand (`shouldn't` → `should` + `not`), and what they give is taken as is.
   */
  const planQuoted = (raw: string): QuotedPlan => {
    const word = raw.replace(/^'+|'+$/g, '');
    if (word === '') return NOTHING_QUOTED;
    const id = words.idOf(word);
    if (ruleFor(id) !== null) return { ruled: id, base: -1, rest: -1 };
    const [base, rest] = expandClitic(word);
    return { ruled: -1, base: base === '' ? -1 : words.idOf(base), rest: rest === '' ? -1 : words.idOf(rest) };
  };

  for (let c = 0; c < cues.length; c++) {
    const text = (cues[c] as Cue).text;
    const tokensBefore = out.length;
    const candidatesBefore = candidates.length;
    if (scanPlainCue(text, c)) continue;
    // Roll back what the fast path pushed for this cue, then take the general path.
    out.length = tokensBefore;
    candidates.length = candidatesBefore;
    if (out.tracksOffsets) {
      generalWithOffsets(text, c);
      continue;
    }
    let lower = text.toLowerCase();
    if (NEEDS_CLEANING.test(lower)) {
      lower = lower.replace(NOISE, ' ').replace(/[’‘`]/g, "'").replace(DOTTED, (m) => m.replace(/\./g, '') + ' ');
    }
    for (const word of lower.split(NON_WORD)) pushWord(word, c);
  }
  if (candidates.length > 0) joinInPlace(out, candidates, rules, words);
  const stream: TokenIdStream = { ids: out.ids.subarray(0, out.length), cueOf: out.cueOf.subarray(0, out.length), length: out.length, words };
  if (out.tracksOffsets) {
    stream.offsets = { from: out.from.subarray(0, out.length), endCue: out.endCue.subarray(0, out.length), to: out.to.subarray(0, out.length) };
  }
  return stream;

  /**
   * The general path, keeping each word's place in the original text: the same clean-up with every
   * replacement padded to the length it replaces (spaces are separators either way, so the words are the
   * same), and a char map when lower-casing changes the length (e.g. `İ`).
   */
  function generalWithOffsets(text: string, c: number): void {
    let lower = text.toLowerCase();
    let origin: Int32Array | null = null;
    if (lower.length !== text.length) {
      origin = new Int32Array(lower.length + 1);
      let built = '';
      for (let i = 0; i < text.length; ) {
        const point = text.codePointAt(i) as number;
        const width = point > 0xffff ? 2 : 1;
        const part = text.slice(i, i + width).toLowerCase();
        for (let k = 0; k < part.length; k++) origin[built.length + k] = i;
        built += part;
        i += width;
      }
      origin[built.length] = text.length;
      lower = built;
    }
    // Dotted acronyms lose their dots: the word made there covers the whole `a.i.` in the original.
    const dotted = new Map<number, number>();
    if (NEEDS_CLEANING.test(lower)) {
      lower = lower
        .replace(NOISE, (m) => ' '.repeat(m.length))
        .replace(/[’‘`]/g, "'")
        .replace(DOTTED, (m, at: number) => {
          const letters = m.replace(/\./g, '');
          dotted.set(at, at + m.length);
          return letters + ' '.repeat(m.length - letters.length);
        });
    }
    const orig = (i: number): number => (origin === null ? i : (origin[i] as number));
    for (const found of lower.matchAll(WORD_RUN)) {
      const at = found.index;
      const end = dotted.get(at) ?? at + found[0].length;
      spanFrom = orig(at);
      spanTo = orig(end);
      pushWord(found[0], c);
    }
  }

  /** Scans a cue of ASCII words; false (having pushed some tokens) as soon as it meets a char that needs the general path. */
  function scanPlainCue(text: string, c: number): boolean {
    const length = text.length;
    let i = 0;
    // Two loops, not one state machine: separators are skipped, then a word's chars are hashed in a tight
    // inner loop that checks nothing but the char's kind (no "inside a word?" test per char).
    while (i < length) {
      let code = text.charCodeAt(i);
      let kind = code < 128 ? (CHAR_KIND[code] as number) : Kind.General;
      if (kind === Kind.Separator) {
        i++;
        continue;
      }
      if (kind === Kind.General) return false;
      const start = i;
      let hash = FNV_OFFSET;
      let exact = 0; // exactCode, while the word is short enough to have one (idOfRange reads it only then)
      let quoted = false;
      do {
        hash = fnvStep(hash, kind);
        exact = exactStep(exact, kind);
        if (kind === Kind.Apostrophe) quoted = true;
        if (++i === length) break;
        code = text.charCodeAt(i);
        kind = code < 128 ? (CHAR_KIND[code] as number) : Kind.General;
      } while (kind > Kind.General);
      // Stopped by a char only the general path handles (at the end of the text, kind is still a word char's).
      if (kind === Kind.General) return false;
      spanFrom = start;
      spanTo = i;
      const id = words.idOfRange(text, start, i, hash, exact);
      if (quoted) pushQuoted(id, c);
      else {
        // Ids from ruleEnd on have no rule and more than one char: pushed as they are (most words).
        if (id >= ruleEnd) out.push(id, c, spanFrom, spanTo);
        else pushId(id, c);
      }
      i++; // the char that ended the word is a separator (or the end)
    }
    return true;
  }
}

/**
 * The kinds of CHAR_KIND below that are not a word char's own code. An enum, not three module constants: esbuild
 * writes enum members into the code as literals, while a bundled module constant is a binding the JIT reads anew
 * in the scan loop (about 4% of the tokeniser's time).
 */
const enum Kind {
  Separator = 0,
  General = 1,
  Apostrophe = 39,
}
/**
 * What the fast path does with each ASCII char: a word char's lower-case code (what the word is hashed
 * and spelled with), Kind.Separator, or Kind.General for `[`, `(`, `` ` `` and `.` (noise tags, stage directions,
 * back-quotes, dotted acronyms), which only the general path's clean-up handles. Non-ASCII is Kind.General too.
 */
const CHAR_KIND = ((): Uint8Array => {
  const kinds = new Uint8Array(128).fill(Kind.Separator);
  for (let code = 97; code <= 122; code++) kinds[code] = code;
  for (let code = 65; code <= 90; code++) kinds[code] = code + 32;
  for (let code = 48; code <= 57; code++) kinds[code] = code;
  kinds[Kind.Apostrophe] = Kind.Apostrophe;
  for (const special of '[(`.') kinds[special.charCodeAt(0)] = Kind.General;
  return kinds;
})();

/** Characters that need a rewrite before splitting (the general path's own test). */
const NEEDS_CLEANING = /[[(♪’‘`.]/;

/** Every one-char token there can be. */
const SINGLE_CHARS: readonly string[] = [...'abcdefghijklmnopqrstuvwxyz0123456789'];

/** Growable typed arrays: token word ids and their cue indexes (and, when kept, their spans in the cue text). */
class TokenBuffer {
  ids: Int32Array;
  cueOf: Int32Array;
  from: Int32Array;
  endCue: Int32Array;
  to: Int32Array;
  length = 0;

  constructor(
    capacity: number,
    readonly tracksOffsets: boolean,
  ) {
    const size = Math.max(capacity, 16);
    this.ids = new Int32Array(size);
    this.cueOf = new Int32Array(size);
    const spanSize = tracksOffsets ? size : 0;
    this.from = new Int32Array(spanSize);
    this.endCue = new Int32Array(spanSize);
    this.to = new Int32Array(spanSize);
  }

  push(id: number, cue: number, from: number, to: number): void {
    if (this.length === this.ids.length) this.grow();
    this.ids[this.length] = id;
    this.cueOf[this.length] = cue;
    if (this.tracksOffsets) {
      this.from[this.length] = from;
      this.endCue[this.length] = cue;
      this.to[this.length] = to;
    }
    this.length++;
  }

  private grow(): void {
    const double = (a: Int32Array): Int32Array => {
      if (a.length === 0) return a;
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.ids = double(this.ids);
    this.cueOf = double(this.cueOf);
    this.from = double(this.from);
    this.endCue = double(this.endCue);
    this.to = double(this.to);
  }

  lastId(): number {
    return this.ids[this.length - 1] as number;
  }
}

/**
 * `shouldn't` → [`should`, `not`], `humanity's` → [`humanity`], `o'neil` → [`oneil`]: the words a quoted
 * word with no rule of its own becomes (empty strings are dropped by the caller).
 */
function expandClitic(word: string): [first: string, second: string] {
  for (const [suffix, replacement] of CLITICS) {
    if (word.endsWith(suffix) && word.length > suffix.length) {
      const base = word.slice(0, -suffix.length).replace(/'/g, '');
      return replacement === null ? ['', base] : [base, replacement];
    }
  }
  return ['', word.replace(/'/g, '')];
}

/**
 * What a quoted word becomes: `ruled` ≥ 0, the id of the word without its outer apostrophes, which has a rule;
 * otherwise the ids of the clitic expansion's words (−1 where there is none).
 */
interface QuotedPlan {
  readonly ruled: number;
  readonly base: number;
  readonly rest: number;
}

const NOTHING_QUOTED: QuotedPlan = Object.freeze({ ruled: -1, base: -1, rest: -1 });

/**
 * The word table, built once at load from the constant tables and only read (a few hundred entries; building
 * it on every call was a tenth of the tokeniser's time). Each call gives its words ids of its own.
 */
const WORD_RULES: ReadonlyMap<string, WordRule> = ((): Map<string, WordRule> => {
  const rules = new Map<string, WordRule>();
  for (const filler of FILLERS) rules.set(filler, { replace: [] });
  for (const [from, to] of CONTRACTIONS) rules.set(from, { replace: to });
  for (const [from, to] of ALIASES) {
    const fromWords = from.split(' ');
    const first = fromWords[0] as string;
    const rule = rules.get(first) ?? {};
    const aliases = [...(rule.aliases ?? []), { from: fromWords, to: to.split(' ') }].sort((a, b) => b.from.length - a.from.length);
    rules.set(first, { ...rule, aliases });
  }
  return rules;
})();

/** What replaces the words at `i`: an acronym joined from single letters, or an alias; null if neither. */
function rewriteAt(words: readonly string[], i: number, rules: ReadonlyMap<string, WordRule>): { to: readonly string[]; length: number } | null {
  const word = words[i] as string;
  if (word.length === 1 && (words[i + 1]?.length ?? 0) === 1) {
    const joined = joinAcronym(words, i);
    if (joined) return { to: [joined.word], length: joined.length };
  }
  for (const alias of rules.get(word)?.aliases ?? []) {
    if (alias.from.every(isWordAt, { words, i })) return { to: alias.to, length: alias.from.length };
  }
  return null;
}

/** `every` callback: the alias word `w` is the token k places after `this.i` (a plain function, no closure per call). */
function isWordAt(this: { words: readonly string[]; i: number }, w: string, k: number): boolean {
  return this.words[this.i + k] === w;
}

/**
 * Second pass over the candidate positions only, compacting in place. Safe because no rewrite is longer
 * than what it replaces (a unit test holds the alias table to that), so writing never overtakes reading.
 */
function joinInPlace(out: TokenBuffer, candidates: readonly number[], rules: ReadonlyMap<string, WordRule>, words: WordIds): void {
  const { ids, cueOf, from, endCue, to, tracksOffsets } = out;
  let write = 0;
  let read = 0;
  const copyUpTo = (end: number): void => {
    if (write !== read) {
      ids.copyWithin(write, read, end);
      cueOf.copyWithin(write, read, end);
      if (tracksOffsets) {
        from.copyWithin(write, read, end);
        endCue.copyWithin(write, read, end);
        to.copyWithin(write, read, end);
      }
    }
    write += end - read;
    read = end;
  };
  for (const at of candidates) {
    if (at < read) continue; // inside an earlier rewrite
    if (!mayRewriteAt(out, words, at, rules)) continue;
    const rewrite = rewriteAt(spellingsFrom(out, words, at), 0, rules);
    if (!rewrite) continue;
    copyUpTo(at);
    const cue = cueOf[at] as number;
    // The words made cover everything read: from the first word's start to the last word's end.
    const spanFrom = tracksOffsets ? (from[at] as number) : 0;
    const last = at + rewrite.length - 1;
    const spanEndCue = tracksOffsets ? (endCue[last] as number) : 0;
    const spanTo = tracksOffsets ? (to[last] as number) : 0;
    for (const word of rewrite.to) {
      ids[write] = words.idOf(word);
      cueOf[write] = cue;
      if (tracksOffsets) {
        from[write] = spanFrom;
        endCue[write] = spanEndCue;
        to[write] = spanTo;
      }
      write++;
    }
    read += rewrite.length;
  }
  copyUpTo(out.length);
  out.length = write;
}

/**
 * False where rewriteAt surely finds nothing, decided without building its word list: at a word of two or more
 * chars (no acronym starts there) whose aliases all need a second word other than the next token's. Most
 * candidates are such: `and` starts an alias (`and tropic`) and is in every other sentence.
 */
function mayRewriteAt(out: TokenBuffer, words: WordIds, at: number, rules: ReadonlyMap<string, WordRule>): boolean {
  const first = words.spellings[out.ids[at] as number] as string;
  if (first.length === 1) return true;
  const next = at + 1 < out.length ? words.spellings[out.ids[at + 1] as number] : undefined;
  const aliases = rules.get(first)?.aliases ?? [];
  for (let k = 0; k < aliases.length; k++) {
    const from = (aliases[k] as { readonly from: readonly string[] }).from;
    if (from.length < 2 || from[1] === next) return true;
  }
  return false;
}

/** No rewrite reads further than this from where it starts: joinAcronym looks at 7 words, an alias at its own length. */
const REWRITE_REACH = Math.max(7, ...ALIASES.map(([from]) => from.split(' ').length));

/** The spellings of the tokens from `at` on, as far as any rewrite can read (rewriteAt works on strings). */
function spellingsFrom(out: TokenBuffer, words: WordIds, at: number): string[] {
  const end = Math.min(out.length, at + REWRITE_REACH);
  const spellings: string[] = [];
  for (let i = at; i < end; i++) spellings.push(words.spellings[out.ids[i] as number] as string);
  return spellings;
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
