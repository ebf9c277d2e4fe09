import { describe, expect, it } from 'vitest';
import { tokenizeCueIds, tokenizeCues } from '../../../src/scoring/tokenize-cues';
import { FNV_OFFSET, FNV_PRIME, WordIds } from '../../../src/scoring/word-ids';
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
    expect(words.idOfRange(text, 2, 2 + raw.length, hashOf(raw))).toBe(id);
    expect(words.size).toBe(1);
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
