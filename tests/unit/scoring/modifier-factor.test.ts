import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCaptions } from '../../../src/captions/parse-captions';
import { modifierFactor, modifierFlags, modify, type TokenWords } from '../../../src/scoring/modifiers';
import { tokenizeCueIds } from '../../../src/scoring/tokenize-cues';
import { WordIds } from '../../../src/scoring/word-ids';

/** The reference (string-based `modify`) over the same stream. */
function reference(words: WordIds, ids: Int32Array, length: number): TokenWords {
  return { length, word: (i) => (i >= 0 && i < length ? words.spellings[ids[i] as number] : undefined) };
}

describe('modifierFactor (the scorer’s flag-based modifiers) equals modify', () => {
  it('at every position of the seed episode, for terms of one to three words', () => {
    const cues = parseCaptions(readFileSync('tests/fixtures/episodes/4WNWeUQ7Hfc/captions.asr.json3', 'utf8')).cues;
    const { ids, length, words } = tokenizeCueIds(cues);
    const flags = modifierFlags(words);
    const tokens = reference(words, ids, length);
    let differing = 0;
    let notOne = 0;
    for (let start = 0; start < length; start++) {
      for (let span = 1; span <= 3 && start + span <= length; span++) {
        const expected = modify(tokens, start, start + span).factor;
        if (modifierFactor(ids, length, flags, start, start + span) !== expected) differing++;
        if (expected !== 1) notOne++;
      }
    }
    expect(differing).toBe(0);
    expect(notOne).toBeGreaterThan(10_000); // the rules fire all over a real episode: the comparison is not vacuous
  });

  it('on random sequences of the modifiers’ own words (seeded)', () => {
    const vocabulary = ['not', 'no', 'never', 'only', 'just', 'doubt', 'but', 'however', 'and', 'so', 'very', 'really', 'slightly', 'bit', 'maybe',
      'could', 'if', 'of', 'kind', 'sort', 'risk', 'the', 'a', 'dangerous', 'without', 'matter', 'while', 'extremely', 'little',
      'people', 'they', 'say', 'think', 'idea', 'that', 'according', 'to', 'do', 'is', 'you', 'it', 'there', 'overblown', 'nonsense'];
    let seed = 42;
    const random = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let round = 0; round < 300; round++) {
      const words = new WordIds();
      const length = 1 + random(30);
      const ids = Int32Array.from({ length }, () => words.idOf(vocabulary[random(vocabulary.length)] as string));
      const flags = modifierFlags(words);
      const tokens = reference(words, ids, length);
      for (let start = 0; start < length; start++) {
        const end = Math.min(length, start + 1 + random(3));
        expect(modifierFactor(ids, length, flags, start, end), `${words.spellings.join(' ')} @${start}`).toBe(modify(tokens, start, end).factor);
      }
    }
  });
});
