import { describe, expect, it, vi } from 'vitest';
import { activeTabSummary, latestMapSummary, toTabSummary } from '../../../src/ui/shared/tab-summary';
import { makeDeps, sampleMap, tabAnswering } from './ui-test-deps';

const VIDEO = '4WNWeUQ7Hfc';
const track = { languageCode: 'en', kind: 'asr', vssId: 'a.en', name: 'English (auto-generated)' };

describe('toTabSummary', () => {
  it.each([
    ['null', null, 'none'],
    ['a string', 'ready', 'none'],
    ['no video id', { videoId: null, state: 'skipped', map: null, track: null }, 'none'],
    ['a video id that is not one', { videoId: 'abc', state: 'loading', map: null, track: null }, 'none'],
    ['loading', { videoId: VIDEO, state: 'loading', map: null, track: null }, 'state'],
    ['ready without a map', { videoId: VIDEO, state: 'ready', map: null, track: null }, 'state'],
    // The transport rejects such an answer as a whole (the protocol's schema); so does the summary.
    ['ready with a malformed map', { videoId: VIDEO, state: 'ready', map: { slices: 3 }, track: null }, 'none'],
    ['ready with a map', { videoId: VIDEO, state: 'ready', map: sampleMap(), track }, 'map'],
  ])('%s → %s', (_name, answer, kind) => {
    expect(toTabSummary(1, answer).kind).toBe(kind);
  });

  it('gives each state a sentence', () => {
    const summary = toTabSummary(1, { videoId: VIDEO, state: 'no-captions', map: null, track: null });
    expect(summary).toMatchObject({ kind: 'state', message: 'This video has no captions to map.' });
  });
});

describe('activeTabSummary', () => {
  it('reads as no video when the tab does not answer', async () => {
    expect(await activeTabSummary(makeDeps())).toEqual({ kind: 'none' });
  });

  it('reads as no video when there is no active tab', async () => {
    const deps = makeDeps({ getActiveTabId: async () => null, sendToTab: tabAnswering({ videoId: 'x', state: 'ready' }) });
    expect(await activeTabSummary(deps)).toEqual({ kind: 'none' });
  });
});

describe('latestMapSummary', () => {
  it('takes the first YouTube tab that has a map', async () => {
    const sendToTab = vi.fn(async (tabId: number) =>
      tabId === 3
        ? { videoId: 'firstVideo1', state: 'loading', map: null, track: null }
        : { videoId: 'secondVideo', state: 'ready', map: sampleMap({ videoId: 'secondVideo' }), track },
    );
    const deps = makeDeps({ getYouTubeTabIds: async () => [3, 4], sendToTab: sendToTab as never });
    expect(await latestMapSummary(deps)).toMatchObject({ kind: 'map', tabId: 4, videoId: 'secondVideo' });
  });

  it('falls back to the first tab that answered', async () => {
    const deps = makeDeps({
      getYouTubeTabIds: async () => [3],
      sendToTab: tabAnswering({ videoId: 'firstVideo1', state: 'loading', map: null, track: null }),
    });
    expect(await latestMapSummary(deps)).toMatchObject({ kind: 'state', state: 'loading' });
  });
});
