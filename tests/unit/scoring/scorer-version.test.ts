import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCaptions } from '../../../src/captions/parse-captions';
import { DEFAULT_LEXICONS } from '../../../src/lexicons/builtin-lexicons';
import { scoreCues } from '../../../src/scoring/score-cues';
import { SCORER_VERSION } from '../../../src/scoring/scorer-version';

/**
 * Cached maps are keyed by SCORER_VERSION (with the lexicon set's hash): a change to what the scorer outputs for the
 * same captions and lexicons must come with a new version, or users keep being served maps scored the old way.
 * This pins the seed episode's map (default lexicons) to the version: when the digest changes on purpose, bump
 * SCORER_VERSION and record both here.
 */
describe('SCORER_VERSION moves with the scorer’s output', () => {
  it('the seed episode’s map under the default lexicons is the one recorded for this version', () => {
    const cues = parseCaptions(readFileSync('tests/fixtures/episodes/4WNWeUQ7Hfc/captions.asr.json3', 'utf8')).cues;
    const map = scoreCues(cues, { lexicons: [...DEFAULT_LEXICONS] });
    const digest = createHash('sha256').update(JSON.stringify({ ...map, scorerVersion: undefined })).digest('hex').slice(0, 16);
    expect({ version: SCORER_VERSION, digest }).toEqual({ version: '2.2.0', digest: '7410b93a31d5e9c4' });
  });
});
