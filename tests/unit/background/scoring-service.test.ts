import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createScoringService, type ScoringServiceDeps } from '../../../src/background/scoring-service';
import { parseCaptions } from '../../../src/captions/parse-captions';
import { openCache } from '../../../src/cache/open-cache';
import { lexiconSetHash } from '../../../src/lexicons/lexicon-hash';
import { resolveLexicons } from '../../../src/lexicons/resolve-lexicons';
import type { MessageArgs } from '../../../src/messaging/protocol';
import { validateAnswer } from '../../../src/messaging/validate-message';
import { scoreCues, scoreCuesWithHits } from '../../../src/scoring/score-cues';
import { SCORER_VERSION } from '../../../src/scoring/scorer-version';
import { readSettings, settingsItem, defaultSettings } from '../../../src/settings/settings';
import { SEED_TRACK, SEED_VIDEO_ID, seedPrefix } from './seed-episode';

const BODY = seedPrefix(900); // ~ 450 real caption segments
const LOOKUP = { videoId: SEED_VIDEO_ID, track: SEED_TRACK };
const scoreArgs = (over: Partial<Omit<MessageArgs<'cs-bg:score'>, 'uploadId'>> = {}): MessageArgs<'cs-bg:score'> => ({
  ...LOOKUP,
  source: 'player',
  body: BODY,
  requestId: 'r1',
  ...over,
});

describe('scoring service', () => {
  let factory: IDBFactory;
  let clock: number;
  let parse: ReturnType<typeof vi.fn<typeof parseCaptions>>;
  let warn: ReturnType<typeof vi.fn<(...args: unknown[]) => void>>;

  function service(over: Partial<ScoringServiceDeps> = {}) {
    return createScoringService({
      openCache: () => openCache({ indexedDB: factory, now: () => clock, log: { warn } }),
      readSettings: () => readSettings(),
      parseCaptions: parse,
      scoreCues,
      scoreCuesWithHits,
      resolveLexicons,
      lexiconSetHash,
      scorerVersion: SCORER_VERSION,
      log: { warn },
      ...over,
    });
  }

  beforeEach(() => {
    fakeBrowser.reset();
    factory = new IDBFactory();
    clock = 1_000;
    parse = vi.fn(parseCaptions);
    warn = vi.fn();
  });
  afterEach(() => vi.restoreAllMocks());

  it('scores a body, then answers the same map from the cache', async () => {
    const svc = service();
    expect(await svc.lookup(LOOKUP)).toBeNull();
    const scored = await svc.score(scoreArgs());
    expect(scored.origin).toBe('scored');
    expect(scored.map.videoId).toBe(SEED_VIDEO_ID);
    expect(scored.map.captionSegments).toBe(parseCaptions(BODY).cues.length);
    expect(scored.map.scorerVersion).toBe(SCORER_VERSION);
    const cached = await svc.lookup(LOOKUP);
    expect(cached).toEqual({ map: scored.map, origin: 'cache', source: 'player' });
    expect(parse).toHaveBeenCalledTimes(1);
    expect(await svc.cacheStats()).toEqual({ episodes: 1, bytes: expect.any(Number) });
  });

  it('a machine-translated track (vssId …~tlang.en): scored with the flag, one confidence step lower, cached apart from its source', async () => {
    const seen: (boolean | undefined)[] = [];
    const svc = service({ scoreCues: (cues, options) => (seen.push(options.machineTranslated), scoreCues(cues, options)) });
    const original = await svc.score(scoreArgs());
    const track = { ...SEED_TRACK, languageCode: 'en', vssId: `${SEED_TRACK.vssId}~tlang.en`, name: 'Translated' };
    const translated = await svc.score(scoreArgs({ track, requestId: 'r2' }));
    expect(seen).toEqual([false, true]);
    const steps = { high: 0, medium: 1, low: 2 } as const;
    expect(steps[translated.map.headline.confidence]).toBe(Math.min(2, steps[original.map.headline.confidence] + 1));
    expect(translated.map.headline.confidenceReasons.some((r) => /machine-translated/.test(r))).toBe(true);
    // Re-scored from cached cues (a lexicon change), the caveat holds.
    await settingsItem.setValue({ ...defaultSettings(), enabledLexicons: ['ai-risk', 'lens-technical'] });
    const rescored = await svc.lookup({ videoId: SEED_VIDEO_ID, track });
    expect(rescored?.origin).toBe('cues');
    expect(rescored?.map.headline.confidenceReasons.some((r) => /machine-translated/.test(r))).toBe(true);
    expect((await svc.lookup(LOOKUP))?.map.headline.confidenceReasons.some((r) => /machine-translated/.test(r))).toBe(false);
  });

  it('answers a new service instance (a restarted worker) from IndexedDB without parsing again', async () => {
    const before = await service().score(scoreArgs());
    const after = await service().lookup(LOOKUP);
    expect(after).toEqual({ map: before.map, origin: 'cache', source: 'player' });
    expect(parse).toHaveBeenCalledTimes(1);
  });

  it('re-scores from cached cues when the enabled lexicons change (read from storage on every request)', async () => {
    const svc = service();
    const all = await svc.score(scoreArgs());
    await settingsItem.setValue({ ...defaultSettings(), enabledLexicons: ['ai-risk', 'lens-technical'] });
    const narrowed = await svc.lookup(LOOKUP);
    expect(narrowed?.origin).toBe('cues');
    expect(narrowed?.map.lexicons.map((l) => l.id)).toEqual(['ai-risk', 'lens-technical']);
    expect(narrowed?.map.lexiconHash).not.toBe(all.map.lexiconHash);
    expect(parse).toHaveBeenCalledTimes(1); // no caption body needed
    // …and that map is now cached under the new set, while the old set's map is still there.
    expect((await svc.lookup(LOOKUP))?.origin).toBe('cache');
    await settingsItem.setValue(defaultSettings());
    expect(await svc.lookup(LOOKUP)).toEqual({ map: all.map, origin: 'cache', source: 'player' });
  });

  it('de-duplicates concurrent requests for the same key: one parse, one answer', async () => {
    const svc = service();
    const [a, b] = await Promise.all([svc.score(scoreArgs({ requestId: 'a' })), svc.score(scoreArgs({ requestId: 'b' }))]);
    expect(parse).toHaveBeenCalledTimes(1);
    expect(a).toBe(b);
  });

  it('lets a lookup join a score in flight for the same key', async () => {
    const svc = service();
    const scoring = svc.score(scoreArgs());
    const looked = await svc.lookup(LOOKUP);
    expect(looked).toEqual(await scoring);
    expect(parse).toHaveBeenCalledTimes(1);
  });

  it('does not join requests for different lexicon sets', async () => {
    const svc = service();
    const first = svc.score(scoreArgs());
    await settingsItem.setValue({ ...defaultSettings(), enabledLexicons: ['ai-risk'] });
    const second = svc.score(scoreArgs());
    const [a, b] = await Promise.all([first, second]);
    expect(a.map.lexiconHash).not.toBe(b.map.lexiconHash);
    expect(parse).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['truncated json3', BODY.slice(0, 5_000)],
    ['json without events', '{"wireMagic":"pb3"}'],
    ['broken XML', '<timedtext format="3"><body><p t="0" d="10">hi'],
  ])('rejects a malformed body (%s) with a message the panel can show, caching nothing', async (_name, body) => {
    const svc = service();
    await expect(svc.score(scoreArgs({ body }))).rejects.toThrow(/^The caption file could not be read: /);
    expect(await svc.lookup(LOOKUP)).toBeNull();
    expect(await svc.cacheStats()).toEqual({ episodes: 0, bytes: 0 });
  });

  it('reports progress to the requesting tab for long transcripts: monotonic, ending at 1', async () => {
    const sendProgress = vi.fn<NonNullable<ScoringServiceDeps['sendProgress']>>(async () => undefined);
    await service({ sendProgress, progressMinChars: 1 }).score(scoreArgs({ requestId: 'long' }), { tabId: 7 });
    const calls = sendProgress.mock.calls;
    expect(calls.every(([tabId, args]) => tabId === 7 && args.requestId === 'long')).toBe(true);
    expect(new Set(calls.map(([, args]) => args.phase))).toEqual(new Set(['parse', 'score', 'store']));
    const fractions = calls.map(([, args]) => args.fraction);
    expect(fractions).toEqual([...fractions].sort((x, y) => x - y));
    expect(fractions.at(-1)).toBe(1);
  });

  it.each([
    ['a short body', { progressMinChars: BODY.length + 1 }, { tabId: 7 }],
    ['no sender tab (e.g. the popup)', { progressMinChars: 1 }, {}],
  ])('sends no progress for %s', async (_name, deps, sender) => {
    const sendProgress = vi.fn(async () => undefined);
    await service({ sendProgress, ...deps }).score(scoreArgs(), sender);
    expect(sendProgress).not.toHaveBeenCalled();
  });

  it('still answers when progress cannot be delivered (the tab went away)', async () => {
    const sendProgress = vi.fn(async () => Promise.reject(new Error('Could not establish connection')));
    const answer = await service({ sendProgress, progressMinChars: 1 }).score(scoreArgs(), { tabId: 3 });
    expect(answer.origin).toBe('scored');
  });

  it('answers the map but caches nothing when storage is over quota', async () => {
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'cues') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const svc = service();
    const answer = await svc.score(scoreArgs());
    expect(answer.origin).toBe('scored');
    expect(answer.map.slices.length).toBeGreaterThan(0);
    vi.restoreAllMocks();
    expect(await svc.lookup(LOOKUP)).toBeNull();
  });

  it('answers without a cache when IndexedDB cannot be opened, and retries it next time', async () => {
    const open = vi.fn<ScoringServiceDeps['openCache']>().mockRejectedValueOnce(new Error('IndexedDB is not available'));
    open.mockImplementation(() => openCache({ indexedDB: factory, now: () => clock, log: { warn } }));
    const svc = service({ openCache: open });
    expect((await svc.score(scoreArgs())).origin).toBe('scored'); // the first open failed: not cached
    expect(await svc.lookup(LOOKUP)).toBeNull(); // reopened; nothing stored yet
    expect((await svc.score(scoreArgs())).origin).toBe('scored');
    expect((await svc.lookup(LOOKUP))?.origin).toBe('cache');
    expect(open).toHaveBeenCalledTimes(2);
  });

  it('recomputes a map whose cached record is corrupt, from the cached cues', async () => {
    const svc = service();
    const scored = await svc.score(scoreArgs());
    // Corrupt every stored map in place (as a bad write or an old build might leave it).
    const db = await new Promise<IDBDatabase>((resolve) => {
      const request = factory.open('perspective-map');
      request.onsuccess = () => resolve(request.result);
    });
    await new Promise<void>((resolve) => {
      const tx = db.transaction('maps', 'readwrite');
      tx.objectStore('maps').openCursor().onsuccess = (event) => {
        const cursor = (event.target as IDBRequest<IDBCursorWithValue | null>).result;
        if (cursor) {
          cursor.update({ ...cursor.value, map: { slices: 'oops' } });
          cursor.continue();
        }
      };
      tx.oncomplete = () => resolve();
    });
    db.close();
    const again = await svc.lookup(LOOKUP);
    expect(again).toEqual({ map: scored.map, origin: 'cues', source: 'player' });
    expect(warn).toHaveBeenCalled();
  });

  it('reads corrupt settings as defaults rather than failing', async () => {
    await fakeBrowser.storage.local.set({ settings: { enabledLexicons: 'all', palette: 42 } });
    const answer = await service().score(scoreArgs());
    expect(answer.map.lexicons.map((l) => l.id)).toEqual(defaultSettings().enabledLexicons);
  });

  describe('transcript pages (the drawer)', () => {
    it('pages the cached cues with their slices and counted terms', async () => {
      const svc = service();
      const { map } = await svc.score(scoreArgs());
      const cues = parseCaptions(BODY).cues;
      const first = await svc.transcript({ ...LOOKUP, from: 0, count: 100 });
      expect(first.total).toBe(cues.length);
      expect(first.from).toBe(0);
      expect(first.cues).toHaveLength(100);
      expect(first.cues[0]).toMatchObject({ text: cues[0]!.text, startMs: cues[0]!.startMs, endMs: cues[0]!.endMs, slice: 0 });
      const rest = await service().transcript({ ...LOOKUP, from: 100, count: 2000 }); // a new instance: from IndexedDB
      expect(rest.cues).toHaveLength(cues.length - 100);
      const all = [...first.cues, ...rest.cues];
      for (const slice of map.slices) {
        expect(all[slice.firstCue]!.slice).toBe(slice.index);
        expect(all[slice.lastCue]!.slice).toBe(slice.index);
      }
      const marks = all.flatMap((c) => c.marks.map((m) => ({ ...m, text: c.text.slice(m.start, m.end) })));
      expect(marks.length).toBeGreaterThan(0);
      for (const term of map.slices.flatMap((s) => s.terms)) expect(marks.some((m) => m.term === term.term)).toBe(true);
      expect(parse).toHaveBeenCalledTimes(1);
      // What the tab checks on arrival: the real pages pass the answer schema; a broken mark does not.
      expect(validateAnswer('cs-bg:transcript', { ok: true, value: rest })).toEqual({ ok: true, value: rest });
      const broken = { ...first, cues: [{ ...first.cues[0]!, marks: [{ start: -1, end: 2, term: 'x', contribution: 1 }] }] };
      expect(validateAnswer('cs-bg:transcript', { ok: true, value: broken }).ok).toBe(false);
    });

    it('serves the cues it just parsed when the cache could not store them', async () => {
      const svc = service({ openCache: () => Promise.reject(new Error('no IndexedDB here')) });
      await svc.score(scoreArgs());
      const page = await svc.transcript({ ...LOOKUP, from: 0, count: 10 });
      expect(page.cues).toHaveLength(10);
    });

    it('builds the transcript ahead (after the answer) only when the user keeps the drawer open', async () => {
      const withHits = vi.fn(scoreCuesWithHits);
      await service({ scoreCuesWithHits: withHits }).score(scoreArgs());
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(withHits).not.toHaveBeenCalled();
      await settingsItem.setValue({ ...defaultSettings(), transcriptOpen: true });
      const svc = service({ scoreCuesWithHits: withHits });
      expect((await svc.lookup(LOOKUP))?.origin).toBe('cache');
      await vi.waitFor(() => expect(withHits).toHaveBeenCalledTimes(1));
      await svc.transcript({ ...LOOKUP, from: 0, count: 10 });
      expect(withHits).toHaveBeenCalledTimes(1);
    });

    it('answers no-transcript when nothing holds the cues', async () => {
      await expect(service().transcript({ ...LOOKUP, from: 0, count: 10 })).rejects.toMatchObject({ code: 'no-transcript' });
    });
  });
});
