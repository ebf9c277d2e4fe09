import { describe, expect, it } from 'vitest';
import { normalizeCueText } from '../../../src/captions/cue-text';
import { isNormalCueText } from '../../../src/captions/is-normal-cue-text';

describe('isNormalCueText (the fast check before normalizeCueText)', () => {
  it.each([
    ['hello everybody', true],
    ['', true],
    ['x', true],
    [' hello', false],
    ['hello ', false],
    ['a  b', false],
    ['a\nb', false],
    ['a\u00a0b', false],
    ['a\u3000b', false],
    ['[Music] a b', true],
    ['é ü ♪', true],
  ])('%j → %s', (text, expected) => {
    expect(isNormalCueText(text)).toBe(expected);
  });

  it('agrees with normalizeCueText for every UTF-16 code unit, alone, inside, leading and trailing', () => {
    const disagreements: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const c = String.fromCharCode(code);
      for (const text of [c, `a${c}b`, `${c}ab`, `ab${c}`, `a ${c}b`, `a${c} b`]) {
        if (isNormalCueText(text) !== (normalizeCueText(text) === text)) disagreements.push(`U+${code.toString(16)} in ${JSON.stringify(text)}`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});
