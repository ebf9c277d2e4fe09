import { describe, expect, it } from 'vitest';
import { cacheKey, episodeKey, trackKey } from '../../../src/cache/cache-key';
import { TRACK } from './cache-test-data';

describe('cache keys', () => {
  it('compose video, track, lexicon hash and scorer version', () => {
    expect(cacheKey('4WNWeUQ7Hfc', TRACK, 'abc', '1.0.0')).toBe('4WNWeUQ7Hfc|asr:en:a.en|abc|1.0.0');
    expect(episodeKey('4WNWeUQ7Hfc', TRACK)).toBe('4WNWeUQ7Hfc|asr:en:a.en');
  });

  it.each([
    ['lexicon hash', cacheKey('v', TRACK, 'h2', 's1')],
    ['scorer version', cacheKey('v', TRACK, 'h1', 's2')],
    ['video', cacheKey('w', TRACK, 'h1', 's1')],
    ['track language', cacheKey('v', { ...TRACK, languageCode: 'de' }, 'h1', 's1')],
    ['track kind', cacheKey('v', { ...TRACK, kind: 'uploaded' }, 'h1', 's1')],
    ['track vssId', cacheKey('v', { ...TRACK, vssId: '.en' }, 'h1', 's1')],
  ])('changes with the %s', (_part, other) => {
    expect(other).not.toBe(cacheKey('v', TRACK, 'h1', 's1'));
  });

  it('ignores the display name (not part of a track identity)', () => {
    expect(trackKey({ ...TRACK, name: 'English' } as typeof TRACK)).toBe(trackKey(TRACK));
  });

  it('cannot be forged by separators inside values', () => {
    const a = cacheKey('v', { ...TRACK, vssId: 'x|y' }, 'h', 's');
    const b = cacheKey('v', { ...TRACK, vssId: 'x' }, 'y|h', 's');
    expect(a).not.toBe(b);
  });
});
