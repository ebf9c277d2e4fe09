import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { wrap, type IDBPDatabase } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { episodeKey, cacheKey } from '../../../src/cache/cache-key';
import { CACHE_DB_NAME, CACHE_MIGRATIONS, runCacheMigrations, type CacheSchema } from '../../../src/cache/cache-schema';
import { openCache, type CacheLimits, type PerspectiveCache } from '../../../src/cache/open-cache';
import { TRACK, sampleCues, sampleMap } from './cache-test-data';

const LOC = { track: TRACK, lexiconHash: 'h1', scorerVersion: 's1' };

describe('openCache', () => {
  let factory: IDBFactory;
  let clock: number;
  let log: { warn: ReturnType<typeof vi.fn<(...args: unknown[]) => void>> };
  const open = (limits?: CacheLimits) => openCache({ indexedDB: factory, now: () => clock, limits, log });
  const store = (cache: PerspectiveCache, videoId: string, cueCount = 10) =>
    cache.storeEpisode({
      videoId,
      track: TRACK,
      cues: { format: 'json3', captionKind: 'asr', cues: sampleCues(cueCount) },
      map: { lexiconHash: 'h1', scorerVersion: 's1', map: sampleMap(videoId) },
    });

  beforeEach(() => {
    factory = new IDBFactory();
    clock = 1_000;
    log = { warn: vi.fn<(...args: unknown[]) => void>() };
  });
  afterEach(() => vi.restoreAllMocks());

  it('keeps the strategy that delivered the captions with the map and the cues', async () => {
    const cache = await open();
    await cache.storeEpisode({
      videoId: 'vid1',
      track: TRACK,
      cues: { format: 'json3', captionKind: 'panel', cues: sampleCues(3), source: 'panel' },
      map: { lexiconHash: 'h1', scorerVersion: 's1', map: sampleMap('vid1'), source: 'panel' },
    });
    expect(await cache.getMap({ videoId: 'vid1', ...LOC })).toEqual({ map: sampleMap('vid1'), source: 'panel' });
    expect((await cache.getCues('vid1', TRACK))?.source).toBe('panel');
  });

  it('misses, then hits the stored map and cues', async () => {
    const cache = await open();
    expect(await cache.getMap({ videoId: 'vid1', ...LOC })).toBeNull();
    expect(await cache.getCues('vid1', TRACK)).toBeNull();
    expect(await store(cache, 'vid1')).toEqual({ stored: true, evicted: 0 });
    expect(await cache.getMap({ videoId: 'vid1', ...LOC })).toEqual({ map: sampleMap('vid1') });
    expect(await cache.getCues('vid1', TRACK)).toEqual({ format: 'json3', captionKind: 'asr', cues: sampleCues(10) });
    expect(await cache.stats()).toEqual({ episodes: 1, bytes: expect.any(Number) });
  });

  it('keys maps by lexicon set and scorer version, cues by episode only', async () => {
    const cache = await open();
    await store(cache, 'vid1');
    expect(await cache.getMap({ videoId: 'vid1', ...LOC, lexiconHash: 'h2' })).toBeNull();
    expect(await cache.getMap({ videoId: 'vid1', ...LOC, scorerVersion: 's2' })).toBeNull();
    expect(await cache.getCues('vid1', TRACK)).not.toBeNull();
    expect(await cache.getCues('vid1', { ...TRACK, languageCode: 'de' })).toBeNull();
  });

  it('answers from the same database after a restart (a new instance)', async () => {
    const first = await open();
    await store(first, 'vid1');
    first.close();
    const second = await open();
    expect(await second.getMap({ videoId: 'vid1', ...LOC })).toEqual({ map: sampleMap('vid1') });
  });

  it('evicts least-recently-used episodes beyond the episode limit', async () => {
    const cache = await open({ maxEpisodes: 3, maxBytes: 1e9 });
    for (const id of ['v0', 'v1', 'v2']) {
      clock += 10;
      await store(cache, id);
    }
    clock += 10;
    await cache.getMap({ videoId: 'v0', ...LOC }); // v0 is now the most recently used
    clock += 10;
    expect(await store(cache, 'v3')).toEqual({ stored: true, evicted: 1 });
    clock += 10;
    expect(await store(cache, 'v4')).toEqual({ stored: true, evicted: 1 });
    const present = [];
    for (const id of ['v0', 'v1', 'v2', 'v3', 'v4']) {
      if (await cache.getMap({ videoId: id, ...LOC })) present.push(id);
    }
    expect(present).toEqual(['v0', 'v3', 'v4']);
    expect(await cache.getCues('v1', TRACK)).toBeNull(); // the episode's cues go with it
    expect((await cache.stats()).episodes).toBe(3);
  });

  it('evicts by total bytes, keeping the total within the limit', async () => {
    const probe = await openCache({ indexedDB: new IDBFactory(), now: () => 0 });
    await store(probe, 'probe', 200);
    const one = (await probe.stats()).bytes;
    const cache = await open({ maxEpisodes: 200, maxBytes: Math.floor(one * 2.5) });
    for (const id of ['v0', 'v1', 'v2', 'v3']) {
      clock += 10;
      await store(cache, id, 200);
    }
    const stats = await cache.stats();
    expect(stats.episodes).toBe(2);
    expect(stats.bytes).toBeLessThanOrEqual(Math.floor(one * 2.5));
    expect(await cache.getMap({ videoId: 'v1', ...LOC })).toBeNull();
    expect(await cache.getMap({ videoId: 'v3', ...LOC })).not.toBeNull();
  });

  it('refuses an episode larger than the whole cache, without evicting others', async () => {
    const cache = await open({ maxEpisodes: 200, maxBytes: 5_000 });
    await store(cache, 'small', 1);
    const outcome = await store(cache, 'huge', 1_000);
    expect(outcome).toMatchObject({ stored: false, reason: 'too-large' });
    expect(await cache.getMap({ videoId: 'small', ...LOC })).not.toBeNull();
    expect(await cache.getCues('huge', TRACK)).toBeNull();
  });

  const mapKey = cacheKey('vid1', TRACK, 'h1', 's1');
  it.each<[string, (record: Record<string, unknown>) => unknown]>([
    ['an older record version', (r) => ({ ...r, v: 0 })],
    ['no map', (r) => ({ ...r, map: undefined })],
    ['a map without slices', (r) => ({ ...r, map: { ...(r.map as object), slices: 'x' } })],
    ['another scorer version inside', (r) => ({ ...r, map: { ...(r.map as object), scorerVersion: 's0' } })],
    ['a non-numeric slice score', (r) => ({ ...r, map: { ...(r.map as object), slices: [{ score: 'NaN', startMs: 0 }] } })],
    ['not an object', () => 'garbage'],
  ])('drops a corrupt map record (%s) and answers a miss', async (_name, corrupt) => {
    const cache = await open();
    await store(cache, 'vid1');
    const db = await rawDb(factory);
    const record = (await db.get('maps', mapKey)) as unknown as Record<string, unknown>;
    await db.put('maps', { ...(corrupt(record) as object), key: mapKey } as never);
    expect(await cache.getMap({ videoId: 'vid1', ...LOC })).toBeNull();
    expect(await db.get('maps', mapKey)).toBeUndefined();
    expect(log.warn).toHaveBeenCalled();
    // The episode's cues are still there, so the map can be recomputed without refetching.
    expect(await cache.getCues('vid1', TRACK)).not.toBeNull();
    db.close();
  });

  it.each<[string, (record: Record<string, unknown>) => unknown]>([
    ['no cues', (r) => ({ ...r, cues: [] })],
    ['a cue without text', (r) => ({ ...r, cues: [{ startMs: 0, endMs: 1 }] })],
    ['an unknown caption kind', (r) => ({ ...r, captionKind: 'robot' })],
  ])('drops a corrupt cues record (%s)', async (_name, corrupt) => {
    const cache = await open();
    await store(cache, 'vid1');
    const db = await rawDb(factory);
    const key = episodeKey('vid1', TRACK);
    await db.put('cues', corrupt((await db.get('cues', key)) as unknown as Record<string, unknown>) as never);
    expect(await cache.getCues('vid1', TRACK)).toBeNull();
    expect(await db.get('cues', key)).toBeUndefined();
    db.close();
  });

  it('degrades to "not cached" on a quota error, writing nothing half-way', async () => {
    const cache = await open();
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'maps') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const outcome = await store(cache, 'vid1');
    expect(outcome).toMatchObject({ stored: false, reason: 'quota' });
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('quota'), expect.anything());
    vi.restoreAllMocks();
    expect(await cache.getCues('vid1', TRACK)).toBeNull(); // the cues put in the same transaction was rolled back
    expect(await cache.stats()).toEqual({ episodes: 0, bytes: 0 });
  });

  it('degrades to "not cached" when the transaction aborts with a quota error', async () => {
    const cache = await open();
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      const request = put.apply(this, args);
      if (this.name === 'episodes') {
        // What a browser does when the commit exceeds the quota: the transaction aborts with QuotaExceededError.
        const tx = this.transaction;
        queueMicrotask(() => {
          Object.defineProperty(tx, 'error', { value: new DOMException('quota', 'QuotaExceededError') });
          tx.abort();
        });
      }
      return request;
    });
    const outcome = await store(cache, 'vid1');
    vi.restoreAllMocks();
    expect(outcome).toMatchObject({ stored: false });
    expect(await cache.stats()).toEqual({ episodes: 0, bytes: 0 });
  });

  it('clears everything and reports how many episodes it dropped', async () => {
    const cache = await open();
    await store(cache, 'a');
    await store(cache, 'b');
    expect(await cache.clear()).toBe(2);
    expect(await cache.stats()).toEqual({ episodes: 0, bytes: 0 });
    expect(await cache.getMap({ videoId: 'a', ...LOC })).toBeNull();
  });

  describe('schema migrations', () => {
    it('replaces a foreign layout left at the current version (a pre-release cache)', async () => {
      await new Promise<void>((resolve, reject) => {
        const request = factory.open(CACHE_DB_NAME, 1);
        request.onupgradeneeded = () => request.result.createObjectStore('perspective-maps').put({ old: true }, 'x');
        request.onsuccess = () => (request.result.close(), resolve());
        request.onerror = () => reject(request.error);
      });
      const cache = await open();
      await store(cache, 'vid1');
      expect(await cache.getMap({ videoId: 'vid1', ...LOC })).not.toBeNull();
      const db = await rawDb(factory);
      expect([...db.objectStoreNames].sort()).toEqual(['cues', 'episodes', 'maps']);
      db.close();
    });

    it('recreates a database left at a newer version by a later build', async () => {
      await new Promise<void>((resolve, reject) => {
        const request = factory.open(CACHE_DB_NAME, 7);
        request.onupgradeneeded = () => request.result.createObjectStore('future');
        request.onsuccess = () => (request.result.close(), resolve());
        request.onerror = () => reject(request.error);
      });
      const cache = await open();
      expect(await store(cache, 'vid1')).toEqual({ stored: true, evicted: 0 });
      expect(await cache.getMap({ videoId: 'vid1', ...LOC })).not.toBeNull();
    });

    it('runs the chain from an older version, keeping the data it can keep', async () => {
      const v1 = await open();
      await store(v1, 'vid1');
      v1.close();
      const v2 = await openCache({
        indexedDB: factory,
        now: () => clock,
        log,
        schema: {
          version: 2,
          migrations: [...CACHE_MIGRATIONS, (_db, tx) => void tx.objectStore('maps').createIndex('videoId' as never, 'videoId')],
        },
      });
      expect(await v2.getMap({ videoId: 'vid1', ...LOC })).toEqual({ map: sampleMap('vid1') });
      v2.close();
      const db = await rawDb(factory, 2);
      expect(db.transaction('maps').store.indexNames.contains('videoId' as never)).toBe(true);
      db.close();
    });

    it('refuses to skip a missing step', () => {
      expect(() => runCacheMigrations({} as never, 1, 3, {} as never, CACHE_MIGRATIONS)).toThrow(/from version 1 to 2/);
    });
  });
});

/** Direct access to the cache's database through the test's factory, to plant corrupt records. */
function rawDb(factory: IDBFactory, version = 1) {
  return new Promise<IDBPDatabase<CacheSchema>>((resolve, reject) => {
    const request = factory.open(CACHE_DB_NAME, version);
    request.onsuccess = () => resolve(wrap(request.result) as unknown as IDBPDatabase<CacheSchema>);
    request.onerror = () => reject(request.error);
  });
}
