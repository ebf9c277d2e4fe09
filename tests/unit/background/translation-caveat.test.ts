import { describe, expect, it } from 'vitest';
import { TRANSLATION_REASON, withTranslationCaveat } from '../../../src/background/translation-caveat';
import type { Confidence, PerspectiveMap } from '../../../src/scoring/perspective-map';

const mapWith = (confidence: Confidence, confidenceReasons: string[] = []) =>
  ({ slices: [], headline: { confidence, confidenceReasons } }) as unknown as PerspectiveMap;

describe('withTranslationCaveat (until the scorer takes machineTranslated)', () => {
  it.each<[Confidence, Confidence]>([
    ['high', 'medium'],
    ['medium', 'low'],
    ['low', 'low'],
  ])('a machine-translated map at %s confidence is %s, and says why', (before, after) => {
    const map = withTranslationCaveat(mapWith(before, ['only 12 slices']), true);
    expect(map.headline.confidence).toBe(after);
    expect(map.headline.confidenceReasons).toEqual(['only 12 slices', TRANSLATION_REASON]);
  });

  it('captions of the speech itself are left alone; a map that already names the translation is not lowered twice', () => {
    const original = mapWith('high');
    expect(withTranslationCaveat(original, false)).toBe(original);
    const scorerDidIt = mapWith('medium', ['machine-translated captions']);
    expect(withTranslationCaveat(scorerDidIt, true)).toBe(scorerDidIt);
  });
});
