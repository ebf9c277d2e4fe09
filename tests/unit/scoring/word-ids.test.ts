import { describe, expect, it } from 'vitest';
import { tokenizeCueIds, tokenizeCues } from '../../../src/scoring/tokenize-cues';
import { EXACT_CHARS, exactCode, FNV_OFFSET, FNV_PRIME, WordIds } from '../../../src/scoring/word-ids';
import { cuesOf } from './passages';

const hashOf = (word: string): number => {
  let hash = FNV_OFFSET;
  for (const char of word.toLowerCase()) hash = Math.imul(hash ^ char.charCodeAt(0), FNV_PRIME);
  return hash;
};

describe('WordIds', () => {
  it('gives each distinct word one id, in order of first appearance, across thousands of words (table growth)', () => {
    const words = new WordIds();
    const list = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}`);
    expect(list.map((w) => words.idOf(w))).toEqual(list.map((_, i) => i));
    expect(list.map((w) => words.idOf(w))).toEqual(list.map((_, i) => i));
    expect(words.spellings).toEqual(list);
  });

  it.each([
    ['Risk', 'risk'],
    ['AI', 'ai'],
    ["DON'T", "don't"],
    ['x9', 'x9'],
  ])('looks %s up from raw text as %s, upper case folded', (raw, lower) => {
    const words = new WordIds();
    const id = words.idOf(lower);
    const text = `..${raw}..`;
    expect(words.idOfRange(text, 2, 2 + raw.length, hashOf(raw), exactCode(lower))).toBe(id);
    expect(words.size).toBe(1);
  });

  it('tells apart words that share a hash, looked up from raw text (by exact code up to EXACT_CHARS chars, then char by char)', () => {
    const words = new WordIds();
    // Every word filed under one hash, so each lookup must be settled by the word check alone. Words that differ
    // only in length or in their last char, and lengths on both sides of EXACT_CHARS.
    const list = ['a', 'aa', 'aaa', "a'", '9', 'ab', 'ba', 'abcdefghij', 'abcdefghik', 'abcdefghijk', 'abcdefghijl', 'zzzzzzzzzz', "zzzzzzzzz'"];
    const text = list.join(' ').toUpperCase();
    const lookUp = (): number[] => {
      let at = 0;
      return list.map((word) => {
        const id = words.idOfRange(text, at, at + word.length, 12345, exactCode(word));
        at += word.length + 1;
        return id;
      });
    };
    const ids = lookUp();
    expect(new Set(ids).size).toBe(list.length);
    expect(ids.map((id) => words.spellings[id])).toEqual(list);
    expect(lookUp()).toEqual(ids); // and found again, not added twice
    expect(words.size).toBe(list.length);
  });

  it('gives every short word its own exact code, and none to others', () => {
    const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789'";
    const seen = new Map<number, string>();
    let seed = 3;
    for (let k = 0; k < 20_000; k++) {
      seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
      const length = 1 + (seed % EXACT_CHARS);
      let word = '';
      for (let i = 0; i < length; i++) {
        seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
        word += alphabet[seed % alphabet.length];
      }
      const code = exactCode(word);
      expect(Number.isSafeInteger(code)).toBe(true);
      const other = seen.get(code);
      if (other !== undefined) expect(other).toBe(word);
      seen.set(code, word);
    }
    expect(exactCode('zzzzzzzzzz')).toBeLessThan(2 ** 53);
    expect([exactCode('abcdefghijk'), exactCode('café'), exactCode('Risk'), exactCode('a-b')].every(Number.isNaN)).toBe(true);
  });

  it('never merges two words whose hashes collide in the table', () => {
    const words = new WordIds();
    // Enough words that many share a slot of the 4,096-slot table; every one must keep its own id.
    const list = Array.from({ length: 3000 }, (_, i) => `k${i}`);
    const ids = new Set(list.map((w) => words.idOf(w)));
    expect(ids.size).toBe(list.length);
    for (const w of list) expect(words.spellings[words.idOf(w)]).toBe(w);
  });
});

describe('tokeniser fast path', () => {
  // A trailing "." sends a cue down the general path (regex clean-up and split) without adding a token,
  // so each text must tokenise the same both ways.
  it.each([
    'We WILL Build It',
    "don't can't won't isn't shouldn't they're I'm it's let's LET'S",
    "humanity's 'quoted' o'neil rock'n'roll ''",
    'a i safety a g i r l h f x risk deep fakes super intelligence',
    'um uh erm hmm so like well',
    'tabs\tand\u0001control, commas; "quotes"! 12 3d x-risk',
    // Word boundaries at the very start and end of the text, and runs of separators.
    'x',
    '  --leading and trailing--  ',
    "ends with a quote' ' ''",
  ])('%s', (text) => {
    const fast = tokenizeCues(cuesOf(text));
    const general = tokenizeCues(cuesOf(`${text} .`));
    expect(fast).toEqual(general);
    expect(fast.tokens.length).toBeGreaterThan(0);
  });

  it('returns typed arrays of exactly the stream length, ids spelled by their WordIds', () => {
    const stream = tokenizeCueIds(cuesOf('the risk | the Risk | RISK'));
    const { words } = stream;
    expect(stream.length).toBe(5);
    expect(stream.ids.length).toBe(5);
    expect(Array.from(stream.ids, (id) => words.spellings[id])).toEqual(['the', 'risk', 'the', 'risk', 'risk']);
    expect(Array.from(stream.cueOf)).toEqual([0, 0, 1, 1, 2]);
    expect(new Set(stream.ids).size).toBe(2);
  });
});
