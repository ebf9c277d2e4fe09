import type { TrackRef } from '../../../src/captions/caption-track';
import type { Cue } from '../../../src/captions/cue';
import type { PerspectiveMap } from '../../../src/scoring/perspective-map';

/** Small, shape-valid values for cache tests (the cache stores maps; it never interprets their numbers). */
export const TRACK: TrackRef = { languageCode: 'en', kind: 'asr', vssId: 'a.en', name: 'English (auto-generated)' };

export function sampleCues(count: number, text = 'we talk about alignment and safety'): Cue[] {
  return Array.from({ length: count }, (_, i) => ({ startMs: i * 2000, endMs: i * 2000 + 1900, text }));
}

export function sampleMap(videoId: string, opts: { lexiconHash?: string; scorerVersion?: string; slices?: number } = {}): PerspectiveMap {
  const slices = Array.from({ length: opts.slices ?? 3 }, (_, index) => ({
    index,
    firstCue: index * 30,
    lastCue: index * 30 + 29,
    startMs: index * 60_000,
    endMs: index * 60_000 + 59_000,
    words: 300,
    score: index - 1,
    band: 'mixed' as const,
    onTopic: true,
    terms: [],
    excerpt: 'we talk about alignment',
  }));
  return {
    // A map names a real video id (11 characters; the cache's map schema checks it), whatever short name a test uses.
    videoId: videoId.padEnd(11, '_'),
    captionSegments: slices.length * 30,
    scorerVersion: opts.scorerVersion ?? 's1',
    lexicons: [{ id: 'ai-risk', version: '1' }],
    lexiconHash: opts.lexiconHash ?? 'h1',
    slices,
    headline: {
      median: 0,
      mean: 0,
      min: -1,
      max: 1,
      p10: -1,
      p90: 1,
      bandShares: { 'risk-forward': 0, mixed: 100, 'opportunity-forward': 0 },
      stance: 0,
      leaning: 'mixed',
      topic: { onTopic: true, aiMentionsPerHour: 60 },
      lens: 'Technical',
      evidenceMode: 'interview',
      confidence: 'low',
      confidenceReasons: [],
      emphasizes: [],
      extremes: { mostRisk: 0, mostOpportunity: 2, median: 1 },
      sentence: 'Across 3 full-transcript segments: median 0.',
    },
  };
}
