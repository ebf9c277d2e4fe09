import { describe, expect, it } from 'vitest';
import { libraryToCsv, libraryToJson, mergeEntry, mergeLibrary, parseLibraryFile } from '../../../src/library/library-file';
import { entryAt, vid } from './library-test-data';

const file = (entries: unknown[], over: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'perspective-map-library', version: 1, exportedAt: 5, entries, ...over });

describe('library export / import', () => {
  it('round-trips a JSON export', () => {
    const entries = [entryAt(vid(1), -30), entryAt(vid(2), 25, { title: null, channel: null, channelId: null })];
    const parsed = parseLibraryFile(libraryToJson(entries, 123));
    expect(parsed).toEqual({ ok: true, entries });
  });

  it.each([
    ['not JSON', '{"format": ', /not JSON/],
    ['another file', JSON.stringify({ format: 'something-else' }), /not a Perspective Map library export/],
    ['a future version', file([], { version: 2 }), /version 2; this build reads version 1/],
    ['a bad video id', file([{ ...entryAt(vid(1), 0), videoId: '../../etc' }]), /entries\[0\]\.videoId: not a valid video id/],
    ['a score out of range', file([entryAt(vid(1), 0), { ...entryAt(vid(2), 0), slices: [0, 101] }]), /entries\[1\]\.slices: slice scores must be/],
    ['a missing headline', file([{ ...entryAt(vid(1), 0), headline: undefined }]), /entries\[0\]\.headline/],
    ['a title that is not text', file([{ ...entryAt(vid(1), 0), title: { html: '<b>' } }]), /entries\[0\]\.title/],
    ['entries not a list', file([], { entries: {} }), /entries/],
  ])('rejects %s with its reason', (_name, text, reason) => {
    const parsed = parseLibraryFile(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });

  it('merges by video id: the newer scorer wins, then the later map; the loser fills in what the winner lacks', () => {
    const stored = entryAt(vid(1), 10, { scorerVersion: '1.0.0', mappedAt: 50, lastWatchedAt: 900 });
    const newerScorer = entryAt(vid(1), -60, { scorerVersion: '1.1.0', mappedAt: 10, lastWatchedAt: 20, title: null });
    const merged = mergeEntry(stored, newerScorer);
    expect(merged.headline.median).toBe(-60);
    expect(merged.title).toBe(stored.title);
    expect(merged.lastWatchedAt).toBe(900);

    const olderScorer = entryAt(vid(1), -60, { scorerVersion: '0.9.0', mappedAt: 99 });
    expect(mergeEntry(stored, olderScorer).headline.median).toBe(10);
    const laterSame = entryAt(vid(1), -60, { scorerVersion: '1.0.0', mappedAt: 60 });
    expect(mergeEntry(stored, laterSame).headline.median).toBe(-60);
  });

  it('answers only the entries that change, with counts', () => {
    const stored = [entryAt(vid(1), 10), entryAt(vid(2), 20)];
    const result = mergeLibrary(stored, [entryAt(vid(1), 10), entryAt(vid(2), 30, { scorerVersion: '9.0.0' }), entryAt(vid(3), 0)]);
    expect(result.write.map((e) => e.videoId)).toEqual([vid(2), vid(3)]);
    expect(result).toMatchObject({ added: 1, updated: 1, unchanged: 1 });
  });

  it('writes one CSV row per episode, text quoted and formula-safe', () => {
    const csv = libraryToCsv([entryAt(vid(1), -30, { title: '=HYPERLINK("x"), "quoted"' }), entryAt(vid(2), 25)]);
    const lines = csv.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^videoId,title,channel,channelId,durationSec,mappedAt,lastWatchedAt,stance,leaning,/);
    expect(lines[1]).toContain(`"'=HYPERLINK(""x""), ""quoted"""`);
    expect(lines[1]).toContain(',-30,risk-forward,');
  });
});
