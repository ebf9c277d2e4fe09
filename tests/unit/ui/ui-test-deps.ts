/** UiDeps for tests: the real settings store (on WXT's fake browser), real lexicons and validator, fake transport. */
import { vi } from 'vitest';
import { BUILTIN_LEXICONS } from '../../../src/lexicons/builtin-lexicons';
import { validateCustomLexicon } from '../../../src/lexicons/validate-lexicon';
import type { Lexicon } from '../../../src/lexicons/lexicon';
import type { PerspectiveMap } from '../../../src/scoring/perspective-map';
import { settingsStore } from '../../../src/settings/settings';
import { browser } from 'wxt/browser';
import { createShowAnywayStore, isShowAnywayKey } from '../../../src/settings/show-anyway';
import type { UiDeps } from '../../../src/ui/shared/ui-deps';

/** The real show-anyway store on WXT's fake browser storage, watched through storage.onChanged like the real deps. */
export function showAnywayDeps(): UiDeps['showAnyway'] {
  const store = createShowAnywayStore(browser.storage.local);
  return {
    count: () => store.count(),
    clear: () => store.clear(),
    watch(callback) {
      const listener = (changes: Record<string, unknown>) => {
        if (Object.keys(changes).some(isShowAnywayKey)) callback();
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}

export function makeDeps(overrides: Partial<UiDeps> = {}): UiDeps {
  return {
    settings: settingsStore,
    showAnyway: showAnywayDeps(),
    builtinLexicons: BUILTIN_LEXICONS,
    validateCustomLexicon,
    sendToBackground: vi.fn(async (type: string) =>
      type === 'ui-bg:clearCache' ? { cleared: 0 } : { episodes: 0, bytes: 0 },
    ) as unknown as UiDeps['sendToBackground'],
    // Default: no content script in the tab (what tabs.sendMessage does on a non-YouTube page).
    sendToTab: vi.fn(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    }) as unknown as UiDeps['sendToTab'],
    getActiveTabId: vi.fn(async () => 7),
    getYouTubeTabIds: vi.fn(async () => [7]),
    openOptionsPage: vi.fn(async () => {}),
    openLibraryPage: vi.fn(async () => {}),
    download: vi.fn(),
    ...overrides,
  };
}

/** A content script's answer to ui-cs:summary (or a rejection), for sendToTab. */
export function tabAnswering(answer: unknown): UiDeps['sendToTab'] {
  return vi.fn(async (_tabId: number, type: string) => {
    if (type === 'ui-cs:summary') return answer;
    return null;
  }) as unknown as UiDeps['sendToTab'];
}

export function customLexicon(overrides: Partial<Lexicon> = {}): Lexicon {
  return {
    id: 'my-climate',
    name: 'Climate framing',
    version: '1.0.0',
    description: 'Risk and opportunity language about climate.',
    kind: 'spectrum',
    entries: [
      { pattern: 'tipping point*', weight: -2, concept: 'climate-risk' },
      { pattern: 'clean energy', weight: 2, concept: 'climate-opportunity' },
    ],
    ...overrides,
  };
}

/** A small, hand-made map (3 slices) with the DESIGN §9 shape. */
export function sampleMap(overrides: Partial<PerspectiveMap> = {}): PerspectiveMap {
  return {
    videoId: '4WNWeUQ7Hfc',
    captionSegments: 92,
    scorerVersion: 'test',
    lexicons: [{ id: 'ai-risk', version: '1.0.0' }],
    lexiconHash: 'abc123',
    slices: [
      {
        index: 0,
        firstCue: 0,
        lastCue: 29,
        startMs: 0,
        endMs: 61_000,
        words: 240,
        score: -22,
        band: 'risk-forward',
        onTopic: true,
        terms: [
          { term: 'existential risk', lexicon: 'ai-risk', contribution: -3, cueIndex: 4, timeMs: 8_000 },
          { term: 'alignment', lexicon: 'governance-safety', contribution: -1.26, cueIndex: 9, timeMs: 19_000 },
        ],
        excerpt: 'so today we are talking about',
      },
      {
        index: 1,
        firstCue: 30,
        lastCue: 60,
        startMs: 61_000,
        endMs: 125_500,
        words: 251,
        score: 0,
        band: 'mixed',
        onTopic: true,
        terms: [],
        excerpt: 'and then',
      },
      {
        index: 2,
        firstCue: 61,
        lastCue: 91,
        startMs: 125_500,
        endMs: 190_000,
        words: 233,
        score: 19,
        band: 'opportunity-forward',
        onTopic: true,
        terms: [{ term: 'cure diseases', lexicon: 'ai-opportunity', contribution: 2.04, cueIndex: 70, timeMs: 140_000 }],
        excerpt: 'imagine',
      },
    ],
    headline: {
      median: 0,
      mean: -1,
      min: -22,
      max: 19,
      p10: -22,
      p90: 19,
      bandShares: { 'risk-forward': 33, mixed: 34, 'opportunity-forward': 33 },
      stance: 0,
      leaning: 'mixed',
      topic: { onTopic: true, aiMentionsPerHour: 60 },
      lens: 'Technical',
      evidenceMode: 'interview',
      confidence: 'medium',
      confidenceReasons: [],
      emphasizes: ['alignment'],
      extremes: { mostRisk: 0, mostOpportunity: 2, median: 1 },
      sentence: 'Across 3 full-transcript segments: median 0 · mean -1. Mixed leaning, primarily in the Technical lens.',
    },
    ...overrides,
  };
}
