/**
 * Per-call word interning: each distinct word of a transcript gets a small integer id (in order of first
 * appearance) and exactly one string. The tokeniser looks words up straight from the caption text by char
 * codes, so an episode's ~20k words allocate a string only for its ~2k distinct ones, and everything after
 * the tokeniser (matcher, modifiers, slice counts) works on integers and typed arrays.
 *
 * An open-addressing table of ids keyed by an FNV-1a hash of the lower-cased word; the text is compared
 * char by char on a hash hit, so a collision can never merge two words.
 */
export class WordIds {
  /** `spellings[id]`: the word, lower case. */
  readonly spellings: string[] = [];
  private readonly hashes: number[] = [];
  /** `codes[id]`: exactCode of the word (NaN when it has none). */
  private readonly codes: number[] = [];
  /** id + 1 per slot, 0 = empty. */
  private slots = new Int32Array(4096);
  private mask = 4095;

  get size(): number {
    return this.spellings.length;
  }

  /** The hash word `id` was filed under (wordHash of its spelling): what a WordList is searched by. */
  hashOf(id: number): number {
    return this.hashes[id] as number;
  }

  /** The id of `word` (already lower case), added if new. */
  idOf(word: string): number {
    const hash = wordHash(word);
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = (this.slots[slot] as number) - 1;
      if (entry < 0) return this.add(word, hash, slot);
      if (this.hashes[entry] === hash && this.spellings[entry] === word) return entry;
    }
  }

  /**
   * The id of `text[start, end)` lower-cased, where the range holds only ASCII letters, digits and `'`;
   * `hash` is FNV-1a (FNV_OFFSET, fnvStep) and `code` the exactCode steps (exactStep) over its lower-cased char
   * codes, both computed by the tokeniser while it scans. Allocates the word's string only the first time it is seen.
   *
   * A hash can be shared by two words, so a hit is checked: for a word of at most EXACT_CHARS chars by its code,
   * one compare (codes are equal only for equal words); for a longer one char by char. Checking every token char by
   * char was a quarter of the tokeniser's time.
   */
  idOfRange(text: string, start: number, end: number, fullHash: number, code: number): number {
    const hash = fullHash & HASH_BITS;
    const length = end - start;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = (this.slots[slot] as number) - 1;
      if (entry < 0) return this.add(text.slice(start, end).toLowerCase(), hash, slot, length <= EXACT_CHARS ? code : NaN);
      if (this.hashes[entry] === hash) {
        if (length <= EXACT_CHARS) {
          if (this.codes[entry] === code) return entry;
        } else {
          const spelling = this.spellings[entry] as string;
          if (spelling.length === length && sameFolded(spelling, text, start)) return entry;
        }
      }
    }
  }

  /** `code`: the word's exactCode, when the caller has it. */
  private add(word: string, hash: number, slot: number, code = exactCode(word)): number {
    const id = this.spellings.length;
    this.codes.push(code);
    this.spellings.push(word);
    this.hashes.push(hash);
    this.slots[slot] = id + 1;
    if (this.spellings.length * 2 > this.mask) this.grow();
    return id;
  }

  /** Keeps the table at most half full so probes stay short. */
  private grow(): void {
    const size = this.slots.length * 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (let id = 0; id < this.hashes.length; id++) {
      let slot = (this.hashes[id] as number) & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = id + 1;
    }
  }
}

/**
 * A fixed list of words (a lexicon set's pattern words, the modifiers' words), each found by its place in the list.
 * Searched with the hash WordIds already keeps for a transcript's word, so a lookup hashes nothing: a `Map` keyed
 * by string would hash every distinct word of every transcript again (its strings are new on every call), and
 * most of them are in no list, which here costs one read of an empty slot.
 */
export class WordList {
  /** index + 1 per slot, 0 = empty; at most a quarter full. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly hashes: Int32Array;

  constructor(private readonly words: readonly string[]) {
    let size = 16;
    while (size < words.length * 4) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    this.hashes = Int32Array.from(words, wordHash);
    words.forEach((word, index) => {
      let slot = (this.hashes[index] as number) & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = index + 1;
    });
  }

  get size(): number {
    return this.words.length;
  }

  /** The place of `word` in the list, or −1; `hash` is wordHash(word) (WordIds.hashOf gives it for a transcript's word). */
  indexOf(word: string, hash: number): number {
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const index = (this.slots[slot] as number) - 1;
      if (index < 0) return -1;
      if (this.hashes[index] === hash && this.words[index] === word) return index;
    }
  }
}

/** FNV-1a of a word's char codes, kept to HASH_BITS: the hash WordIds files the word under. */
export function wordHash(word: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) hash = fnvStep(hash, word.charCodeAt(i));
  return hash & HASH_BITS;
}

/**
 * One FNV-1a step (FNV_PRIME), for the tokeniser's scan loop. The prime is a literal here: a bundled module
 * constant is a binding the JIT reads anew on every char, which cost the scan a few percent.
 */
export function fnvStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}

/** Words of up to this many chars have an exactCode: 38^10 − 1 < 2^53, so every step is an exact integer. */
export const EXACT_CHARS = 10;

/** Each char a code can hold — a–z, 0–9 and `'` (a fast-path word's chars) — as 1…37; 0 for any other char. */
const SYMBOLS = ((): Uint8Array => {
  const symbols = new Uint8Array(128);
  for (let code = 97; code <= 122; code++) symbols[code] = code - 96;
  for (let code = 48; code <= 57; code++) symbols[code] = code - 48 + 27;
  symbols[39] = 37;
  return symbols;
})();

/**
 * A word of at most EXACT_CHARS chars of a–z, 0–9 and `'` as one number: its chars as base-38 digits 1…37.
 * With no 0 digit, distinct words (of any lengths) get distinct numbers, so equal codes mean equal words.
 * NaN for any other word (NaN equals nothing).
 */
export function exactCode(word: string): number {
  if (word.length > EXACT_CHARS) return NaN;
  let code = 0;
  for (let i = 0; i < word.length; i++) {
    const char = word.charCodeAt(i);
    const symbol = char < 128 ? (SYMBOLS[char] as number) : 0;
    if (symbol === 0) return NaN;
    code = exactStep(code, char);
  }
  return code;
}

/** One step of exactCode, for the tokeniser's scan loop: `char` must be a lower-case letter, a digit or `'`. */
export function exactStep(code: number, char: number): number {
  return code * 38 + (SYMBOLS[char] as number);
}

export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;
/** Hashes are kept to 30 bits: small integers stay unboxed in V8 (a full int32 would be a heap number). */
const HASH_BITS = 0x3fffffff;

/** `spelling` (lower case) equals `text` from `start` with ASCII upper case folded. */
function sameFolded(spelling: string, text: string, start: number): boolean {
  for (let i = 0; i < spelling.length; i++) {
    let code = text.charCodeAt(start + i);
    if (code >= 65 && code <= 90) code += 32;
    if (code !== spelling.charCodeAt(i)) return false;
  }
  return true;
}
