/**
 * A hand-built PerspectiveMap shaped like the seed episode's (107 slices, median 0, spread −18…9,
 * 3,261 caption segments). Independent of the scorer, so panel tests do not move when scoring changes.
 */
import type { BandId, PerspectiveMap, SliceScore } from '../../../src/scoring/perspective-map';
import type { PanelView } from '../../../src/panel/panel-view';
import type { TrackRef } from '../../../src/captions/caption-track';
import type { Cue } from '../../../src/captions/cue';
import { vi } from 'vitest';
import type { TranscriptPage } from '../../../src/messaging/protocol';
import { TranscriptDrawerBody } from '../../../src/panel/components/transcript-drawer';
import { DiagnosticsBox } from '../../../src/panel/components/diagnostics-box';

export const HOSTILE = '<img src=x onerror=alert(1)>';

/** A fixed, irregular score pattern in −10…5 with the seed's extremes placed at known slices. */
const PATTERN = [0, -3, 2, -6, 1, 0, -10, 5, -2, 0, 3, -1, -4, 0, 2];
export const MOST_RISK = 41; // score −18
export const MOST_OPPORTUNITY = 88; // score +9

function band(score: number): BandId {
  return score <= -18 ? 'risk-forward' : score >= 18 ? 'opportunity-forward' : 'mixed';
}

export function fixtureSlices(count = 107, sliceMs = 50_000): SliceScore[] {
  return Array.from({ length: count }, (_, i) => {
    const score = i === MOST_RISK ? -18 : i === MOST_OPPORTUNITY ? 9 : (PATTERN[i % PATTERN.length] ?? 0);
    const startMs = 2_000 + i * sliceMs;
    return {
      index: i,
      firstCue: i * 30,
      lastCue: i * 30 + 29,
      startMs,
      endMs: startMs + sliceMs - 500,
      words: 140,
      score,
      band: band(score),
      onTopic: true,
      terms:
        i === 3
          ? [
              { term: HOSTILE, lexicon: 'ai-risk', contribution: -2.5, cueIndex: 91, timeMs: startMs + 1000 },
              { term: 'opportunity', lexicon: 'ai-opportunity', contribution: 1.1, cueIndex: 95, timeMs: startMs + 9000 },
            ]
          : score !== 0
            ? [{ term: score < 0 ? 'existential risk' : 'cure diseases', lexicon: score < 0 ? 'ai-risk' : 'ai-opportunity', contribution: score / 4, cueIndex: i * 30, timeMs: startMs }]
            : [],
      excerpt: i === 3 ? `so ${HOSTILE} said the model` : `slice ${i} opening words`,
    };
  });
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

export function fixtureMap(slices: SliceScore[] = fixtureSlices()): PerspectiveMap {
  const scores = slices.map((s) => s.score);
  const med = median(scores);
  const medianIndex = slices.reduce((best, s, i) => (Math.abs(s.score - med) < Math.abs((slices[best]?.score ?? 0) - med) ? i : best), 0);
  return {
    videoId: '4WNWeUQ7Hfc',
    captionSegments: 3261,
    scorerVersion: 'fixture',
    lexicons: [{ id: 'ai-risk', version: '1' }],
    lexiconHash: 'fixture',
    slices,
    headline: {
      median: med,
      mean: scores.reduce((a, b) => a + b, 0) / scores.length,
      min: Math.min(...scores),
      max: Math.max(...scores),
      p10: -10,
      p90: 5,
      bandShares: { 'risk-forward': 1, mixed: 99, 'opportunity-forward': 0 },
      stance: 0,
      leaning: 'mixed',
      topic: { onTopic: true, aiMentionsPerHour: 60 },
      lens: 'Technical',
      evidenceMode: 'interview',
      confidence: 'medium',
      confidenceReasons: ['ASR captions'],
      emphasizes: ['alignment', 'safety'],
      extremes: { mostRisk: MOST_RISK, mostOpportunity: MOST_OPPORTUNITY, median: medianIndex },
      sentence: 'Across 107 full-transcript segments: median 0 · mean -1 · spread -18–9 (p10–p90 -10–5) · 1% risk-forward, 99% mixed, 0% opportunity-forward slices.',
    },
  };
}

/** Cues for a map: each slice's cue range, evenly spaced over its time range, text `words of cue N`. */
export function fixtureCues(map: PerspectiveMap): Cue[] {
  const cues: Cue[] = [];
  for (const slice of map.slices) {
    const step = (slice.endMs - slice.startMs) / (slice.lastCue - slice.firstCue + 1);
    for (let c = slice.firstCue; c <= slice.lastCue; c++) {
      const startMs = Math.round(slice.startMs + (c - slice.firstCue) * step);
      cues.push({ startMs, endMs: Math.round(startMs + step), text: `words of cue ${c}` });
    }
  }
  return cues;
}

export const TRACKS: TrackRef[] = [
  { languageCode: 'en', kind: 'asr', vssId: 'a.en', name: 'English (auto-generated)' },
  { languageCode: 'de', kind: 'uploaded', vssId: '.de', name: 'German' },
];

export function readyView(overrides: Partial<PanelView> = {}): PanelView {
  return {
    state: 'ready',
    videoId: '4WNWeUQ7Hfc',
    map: fixtureMap(),
    source: 'player',
    cached: false,
    track: TRACKS[0],
    tracks: TRACKS,
    display: { palette: 'default', progressBarStrip: true, collapsed: false },
    ...overrides,
  };
}

/** The panel's actions for drawer tests: every callback a spy, transcript pages from `load`, the drawer's body at once. */
export function drawerActions(load: (from: number, count: number) => Promise<TranscriptPage>) {
  return {
    onRetry: vi.fn(),
    onTrackChange: vi.fn(),
    onCollapsedChange: vi.fn(),
    onShowAnyway: vi.fn(),
    onTranscriptOpenChange: vi.fn(),
    loadTranscript: vi.fn(load),
    copyText: vi.fn(async (_text: string) => undefined),
    loadDrawer: vi.fn(async () => TranscriptDrawerBody),
    loadDiagnostics: vi.fn(async () => DiagnosticsBox),
  };
}
