import { describe, expect, it } from 'vitest';
import { bandLabel, collapsedLine, conceptText, emphasizesLine, headlineLines, leaningLine, offTopicSentence, segmentsLine, statsLine } from '../../../src/panel/headline-text';
import { hostAttributes } from '../../../src/panel/host-attributes';
import type { PerspectiveMap } from '../../../src/scoring/perspective-map';
import { fixtureMap, readyView } from './fixtures';

/** The seed episode's published numbers (DESIGN §1), on the fixture's 107 slices. */
function seedMap(sentence = ''): PerspectiveMap {
  const map = fixtureMap();
  return {
    ...map,
    headline: { ...map.headline, stance: -3.4, median: 0, mean: -0.6, min: -18, max: 9, p10: -10.2, p90: 4.8, bandShares: { 'risk-forward': 2, mixed: 98, 'opportunity-forward': 0 }, sentence },
  };
}

const SEED_STATS =
  'Across 107 full-transcript segments: median 0 · mean -1 · spread -18–9 (p10–p90 -10–5) · 2% risk-forward, 98% mixed, 0% opportunity-forward slices.';
/** The seed's second line, led by the stance (issue 8): the seed's words stay a substring. */
const SEED_LEANING = 'Stance -3: Mixed leaning, primarily in the Technical lens. Evidence mode: interview. Confidence: medium.';

describe('headline text', () => {
  it("reproduces the seed page's lines", () => {
    const map = seedMap();
    expect(statsLine(map)).toBe(SEED_STATS);
    expect(leaningLine(map.headline)).toBe(SEED_LEANING);
    expect(emphasizesLine(map.headline)).toBe('Emphasizes alignment · Emphasizes safety');
    expect(segmentsLine(map)).toBe('3,261 caption segments');
  });

  it.each([
    ['', [SEED_STATS, SEED_LEANING, 'Emphasizes alignment · Emphasizes safety']],
    [SEED_STATS, [SEED_STATS, SEED_LEANING, 'Emphasizes alignment · Emphasizes safety']],
    [`${SEED_STATS} ${SEED_LEANING}`, [`${SEED_STATS} ${SEED_LEANING}`, 'Emphasizes alignment · Emphasizes safety']],
    [`${SEED_STATS} ${SEED_LEANING} Emphasizes alignment · Emphasizes safety.`, [`${SEED_STATS} ${SEED_LEANING} Emphasizes alignment · Emphasizes safety.`]],
  ])('headlineLines does not repeat what the sentence %#  already says', (sentence, lines) => {
    expect(headlineLines(seedMap(sentence))).toEqual(lines);
  });

  it.each([
    ['job-loss', 'job loss'],
    ['safety', 'safety'],
    ['power_concentration', 'power concentration'],
  ])('conceptText(%s) = %s', (id, text) => {
    expect(conceptText(id)).toBe(text);
  });

  it.each([
    ['risk-forward', 'Risk-forward'],
    ['mixed', 'Mixed'],
    ['opportunity-forward', 'Opportunity-forward'],
  ] as const)('bandLabel(%s) = %s', (band, label) => {
    expect(bandLabel(band)).toBe(label);
  });

  it('no emphasis → no line; collapsed one-liner', () => {
    const map = seedMap();
    expect(emphasizesLine({ ...map.headline, emphasizes: [] })).toBeNull();
    expect(collapsedLine(map)).toBe('Mixed leaning · stance -3 · median 0 · confidence medium');
  });

  it('the stance leads the leaning line, whose band it is; zero prints as 0', () => {
    const map = seedMap();
    expect(leaningLine({ ...map.headline, stance: -23.2, leaning: 'risk-forward' })).toMatch(/^Stance -23: Risk-forward leaning, /);
    expect(leaningLine({ ...map.headline, stance: -0.2 })).toMatch(/^Stance 0: Mixed leaning/);
    expect(leaningLine(map.headline)).toContain('Mixed leaning, primarily in the Technical lens. Evidence mode: interview. Confidence: medium.');
  });

  it.each([
    [0, 'This video says little about AI (0 AI mentions per hour), so its map is not drawn.'],
    [1, 'This video says little about AI (1 AI mention per hour), so its map is not drawn.'],
    [4.74, 'This video says little about AI (4.7 AI mentions per hour), so its map is not drawn.'],
    [12.6, 'This video says little about AI (13 AI mentions per hour), so its map is not drawn.'],
  ])('off-topic sentence with %s AI mentions per hour', (perHour, sentence) => {
    const map = seedMap();
    expect(offTopicSentence({ ...map, headline: { ...map.headline, topic: { onTopic: false, aiMentionsPerHour: perHour } } })).toBe(sentence);
  });
});

describe('host attributes (DESIGN §9)', () => {
  it.each([
    [readyView({ cached: true, source: 'direct' }), { 'data-state': 'ready', 'data-slices': '107', 'data-source': 'direct', 'data-cached': 'true' }],
    [readyView({ cached: undefined }), { 'data-state': 'ready', 'data-slices': '107', 'data-source': 'player', 'data-cached': 'false' }],
    [{ state: 'loading', videoId: '4WNWeUQ7Hfc' }, { 'data-state': 'loading', 'data-slices': null, 'data-source': null, 'data-cached': null }],
    [{ state: 'error', videoId: '4WNWeUQ7Hfc', source: 'player', cached: true }, { 'data-state': 'error', 'data-slices': null, 'data-source': null, 'data-cached': null }],
    [{ state: 'skipped', videoId: '4WNWeUQ7Hfc' }, { 'data-state': 'skipped', 'data-slices': null, 'data-source': null, 'data-cached': null }],
    // Off-topic carries the full map, but data-slices / data-source / data-cached describe a drawn map only (§9).
    [{ ...readyView(), state: 'off-topic' }, { 'data-state': 'off-topic', 'data-slices': null, 'data-source': null, 'data-cached': null }],
  ] as const)('%#: %o', (view, expected) => {
    expect(hostAttributes(view)).toEqual({ 'data-video-id': '4WNWeUQ7Hfc', ...expected });
  });
});

describe('off-topic sentence for captions not in English', () => {
  it('says the lexicons read English, with the figure', () => {
    const map = fixtureMap();
    const offTopic = { ...map, headline: { ...map.headline, topic: { onTopic: false, aiMentionsPerHour: 0 } } };
    expect(offTopicSentence(offTopic, 'de')).toBe('These captions are not in English (de) and the lexicons read English: they find little about AI here (0 AI mentions per hour), so the map is not drawn.');
    expect(offTopicSentence(offTopic, 'en-GB')).toBe('This video says little about AI (0 AI mentions per hour), so its map is not drawn.');
  });
});
