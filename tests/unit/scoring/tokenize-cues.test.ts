import { describe, expect, it } from 'vitest';
import { tokenizeCues } from '../../../src/scoring/tokenize-cues';
import { cuesOf } from './passages';

const words = (text: string): string => tokenizeCues(cuesOf(text)).tokens.join(' ');

describe('tokenizeCues', () => {
  it.each([
    ['[Music] hello everybody', 'hello everybody'],
    ['[Applause] ♪ la ♪ (laughter) thanks', 'la thanks'],
    ['so um I uh think erm that', 'so i think that'],
    ['We WILL Build It', 'we will build it'],
    ["don't can't won't isn't", 'do not can not will not is not'],
    ['dont cant wont isnt', 'do not can not will not is not'],
    ["shouldn't they're we've I'll she'd I'm", 'should not they are we have i will she would i am'],
    ['don’t it’s', 'do not it is'],
    ["humanity's future", 'humanity future'],
    ['a i safety and A.I. risk', 'ai safety and ai risk'],
    ['a g i is coming', 'agi is coming'],
    ['r l h f works', 'rlhf works'],
    ['I think a cat is here', 'i think a cat is here'],
    ['x-risk and x risk', 'existential risk and existential risk'],
    ['deep fakes and super intelligence', 'deepfakes and superintelligence'],
    ['well, this: is "quoted"!', 'well this is quoted'],
  ])('%s → %s', (input, expected) => {
    expect(words(input)).toBe(expected);
  });

  it('applies aliases and acronyms across cue boundaries and keeps each token’s cue', () => {
    const stream = tokenizeCues(cuesOf('worried about x | risk from a | i today'));
    expect(stream.tokens).toEqual(['worried', 'about', 'existential', 'risk', 'from', 'ai', 'today']);
    expect(stream.cueOf).toEqual([0, 0, 0, 0, 1, 1, 2]);
  });

  it('keeps cue indexes right through empty cues, noise-only cues and control characters in the text', () => {
    const cues = ['alpha', '', '[Music]', 'beta\u0001gamma', "it's", 'delta'].map((text, i) => ({ startMs: i, endMs: i + 1, text }));
    const stream = tokenizeCues(cues);
    expect(stream.tokens).toEqual(['alpha', 'beta', 'gamma', 'it', 'is', 'delta']);
    expect(stream.cueOf).toEqual([0, 3, 3, 4, 4, 5]);
  });

  it('gives an empty stream for cues that are only noise', () => {
    expect(tokenizeCues(cuesOf('[Music]|um|♪')).tokens).toEqual([]);
  });
});

describe('token rules', () => {
  it('never rewrite to more words than they replace (the tokeniser compacts in place)', async () => {
    const { ALIASES } = await import('../../../src/scoring/token-rules');
    for (const [from, to] of ALIASES) expect(to.split(' ').length, `${from} → ${to}`).toBeLessThanOrEqual(from.split(' ').length);
  });
});
