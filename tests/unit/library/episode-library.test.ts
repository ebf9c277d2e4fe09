import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { channelBaseline } from '../../../src/library/channel-baseline';
import { compareScorerVersions, entryFromMap, entryPosition, isOutdated } from '../../../src/library/library-entry';
import { createLibraryRecorder } from '../../../src/library/library-recorder';
import { BACKFILL_META, LIBRARY_DB_VERSION, LIBRARY_MIGRATIONS, openLibrary } from '../../../src/library/open-library';
import { DAY_MS, entriesToForget } from '../../../src/library/retention';
import { SCORER_VERSION } from '../../../src/scoring/scorer-version';
import { seedPrefix } from '../background/seed-episode';
import { entryAt, libraryRig, mapAt, TRACK, vid } from './library-test-data';

/** The database as it is on disk, at whatever version it has. */
function rawOpen(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open('perspective-map-library');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

const DETAILS = { title: 'A talk <img src=x onerror=alert(1)>', channel: 'Some Channel', channelId: 'UCabcdefghijklmnopqrstuv', durationSec: 5173 };

describe('the episode library database', () => {
  let factory: IDBFactory;
  beforeEach(() => {
    factory = new IDBFactory();
  });

  it('creates version 1 and keeps entries across reopen', async () => {
    const lib = await openLibrary({ indexedDB: factory });
    await lib.put(entryAt(vid(1), -30), entryAt(vid(2), 40));
    lib.close();
    const again = await openLibrary({ indexedDB: factory });
    expect((await again.all()).map((e) => e.videoId).sort()).toEqual([vid(1), vid(2)]);
    expect(await again.byChannel('UCchannel000000000000001')).toHaveLength(2);
  });

  it('runs a later migration step over the stored entries and keeps them', async () => {
    const lib = await openLibrary({ indexedDB: factory });
    await lib.put(entryAt(vid(1), 10));
    lib.close();
    const v2 = await openLibrary({
      indexedDB: factory,
      schema: { version: LIBRARY_DB_VERSION + 1, migrations: [...LIBRARY_MIGRATIONS, (_db, tx) => void tx.objectStore('entries').createIndex('mappedAt' as never, 'mappedAt')] },
    });
    expect((await v2.get(vid(1)))?.headline.median).toBe(10);
    v2.close();
  });

  it('migrates a version-1 library to version 2: every entry kept, and indexed by scorer version', async () => {
    const v1 = await openLibrary({ indexedDB: factory, schema: { version: 1, migrations: LIBRARY_MIGRATIONS.slice(0, 1) } });
    await v1.put(entryAt(vid(1), 10, { scorerVersion: '0.9.0' }), entryAt(vid(2), 20), entryAt(vid(3), 30, { scorerVersion: '1.0.0' }), entryAt(vid(4), 40, { scorerVersion: '0.10.0' }));
    await v1.setMeta(BACKFILL_META, { doneAt: 5 });
    v1.close();
    const raw1 = await rawOpen(factory);
    expect(raw1.version).toBe(1);
    expect([...raw1.transaction('entries').objectStore('entries').indexNames]).not.toContain('scorerVersion');
    raw1.close();

    const v2 = await openLibrary({ indexedDB: factory });
    expect(LIBRARY_DB_VERSION).toBe(2);
    expect((await v2.all()).map((e) => [e.videoId, e.headline.median])).toEqual([
      [vid(1), 10],
      [vid(2), 20],
      [vid(3), 30],
      [vid(4), 40],
    ]);
    expect(await v2.getMeta(BACKFILL_META)).toEqual({ doneAt: 5 }); // not pending again
    // Older than this build by number ("0.10.0" > "0.9.0"), whatever the string order.
    expect((await v2.outdated(SCORER_VERSION)).map((e) => e.videoId).sort()).toEqual([vid(1), vid(3), vid(4)]);
    expect((await v2.outdated('0.10.0')).map((e) => e.videoId)).toEqual([vid(1)]);
    expect(await v2.outdated('0.0.1')).toEqual([]);
    v2.close();
    const raw2 = await rawOpen(factory);
    expect(raw2.version).toBe(2);
    expect([...raw2.transaction('entries').objectStore('entries').indexNames].sort()).toEqual(['channelId', 'lastWatchedAt', 'scorerVersion']);
    raw2.close();
  });

  it('lists the stored video ids without reading the entries, unreadable ones included', async () => {
    const lib = await openLibrary({ indexedDB: factory });
    await lib.put(entryAt(vid(2), 0), entryAt(vid(1), 0));
    expect(await lib.ids()).toEqual([vid(1), vid(2)]);
    lib.close();
  });

  it('never deletes a library written by a newer build: opening fails with a reason, the data stays', async () => {
    const newer = { version: LIBRARY_DB_VERSION + 1, migrations: [...LIBRARY_MIGRATIONS, () => {}] };
    const v2 = await openLibrary({ indexedDB: factory, schema: newer });
    await v2.put(entryAt(vid(1), 10));
    v2.close();
    await expect(openLibrary({ indexedDB: factory })).rejects.toThrow(/newer version/);
    const reopened = await openLibrary({ indexedDB: factory, schema: newer });
    expect(await reopened.count()).toBe(1);
  });

  it('rejects an invalid entry on write and writes nothing of the batch', async () => {
    const lib = await openLibrary({ indexedDB: factory });
    const bad = { ...entryAt(vid(2), 0), slices: [1, 2, 300] };
    await expect(lib.put(entryAt(vid(1), 0), bad)).rejects.toThrow(/slices: slice scores must be/);
    expect(await lib.count()).toBe(0);
  });

  it('skips (and keeps) a stored record that no longer reads', async () => {
    const lib = await openLibrary({ indexedDB: factory });
    await lib.put(entryAt(vid(1), 0));
    const raw = await new Promise<IDBDatabase>((resolve) => {
      const req = factory.open('perspective-map-library');
      req.onsuccess = () => resolve(req.result);
    });
    await new Promise<void>((resolve) => {
      const tx = raw.transaction('entries', 'readwrite');
      tx.objectStore('entries').put({ videoId: vid(2), v: 99 });
      tx.oncomplete = () => resolve();
    });
    raw.close();
    expect((await lib.all()).map((e) => e.videoId)).toEqual([vid(1)]);
    expect(await lib.count()).toBe(2);
  });

  it('applies retention by count and by age, least recently watched first', async () => {
    const lib = await openLibrary({ indexedDB: factory });
    const now = 100 * DAY_MS;
    await lib.put(...[1, 2, 3, 4, 5].map((n) => entryAt(vid(n), 0, { lastWatchedAt: now - n * DAY_MS })));
    expect(await lib.applyRetention({ keepEpisodes: 3, keepDays: null }, now)).toBe(2);
    expect((await lib.all()).map((e) => e.videoId).sort()).toEqual([vid(1), vid(2), vid(3)]);
    expect(await lib.applyRetention({ keepEpisodes: null, keepDays: 2 }, now)).toBe(1);
    expect((await lib.all()).map((e) => e.videoId).sort()).toEqual([vid(1), vid(2)]);
  });
  it('reads the newest entries first, with every entry tied with the last one, and says when that is all', async () => {
    const lib = await openLibrary({ indexedDB: factory });
    // Watched at 10, 20, …, 90; 50 three times (a tie across the window's edge).
    const times = [10, 20, 30, 40, 50, 50, 50, 60, 70, 80, 90];
    await lib.put(...times.map((t, n) => entryAt(vid(n + 1), 0, { lastWatchedAt: t })));
    const four = await lib.recent(4);
    expect(four.complete).toBe(false);
    expect(four.total).toBe(11);
    expect(four.entries.map((e) => e.lastWatchedAt).sort((a, b) => b - a)).toEqual([90, 80, 70, 60]);
    const five = await lib.recent(5); // the 5th newest is watched at 50: all three 50s come
    expect(five.entries.map((e) => e.lastWatchedAt).sort((a, b) => b - a)).toEqual([90, 80, 70, 60, 50, 50, 50]);
    expect(five.complete).toBe(false);
    expect(await lib.recent(11)).toMatchObject({ complete: true, total: 11 });
    expect((await lib.recent(50)).entries).toHaveLength(11);
    expect(await lib.recent(3).then((r) => r.entries.length)).toBe(3);
    await lib.clear();
    expect(await lib.recent(5)).toEqual({ entries: [], complete: true, total: 0 });
  });

  it('reads everything in pages, pausing between them, and skips an unreadable record there too', async () => {
    const lib = await openLibrary({ indexedDB: factory, log: { warn: () => {} } });
    await lib.put(...Array.from({ length: 23 }, (_, n) => entryAt(vid(n + 1), n)));
    const raw = await new Promise<IDBDatabase>((resolve) => {
      const req = factory.open('perspective-map-library');
      req.onsuccess = () => resolve(req.result);
    });
    await new Promise<void>((resolve) => {
      const tx = raw.transaction('entries', 'readwrite');
      tx.objectStore('entries').put({ videoId: vid(11) + 'x', v: 99 });
      tx.oncomplete = () => resolve();
    });
    raw.close();
    let pauses = 0;
    const paged = await lib.all({ pageSize: 5, pause: async () => void pauses++ });
    expect(paged.map((e) => e.videoId)).toEqual((await lib.all()).map((e) => e.videoId));
    expect(paged).toHaveLength(23);
    expect(pauses).toBe(4); // 24 records: pages of 5, 5, 5, 5, 4
  });
});

describe('retention (pure)', () => {
  const at = (id: number, days: number) => ({ videoId: vid(id), lastWatchedAt: 1000 * DAY_MS - days * DAY_MS });
  it.each([
    { name: 'no limits', keepEpisodes: null, keepDays: null, expected: [] },
    { name: 'count', keepEpisodes: 2, keepDays: null, expected: [vid(3)] },
    { name: 'age', keepEpisodes: null, keepDays: 5, expected: [vid(3)] },
    { name: 'both, either decides', keepEpisodes: 1, keepDays: 5, expected: [vid(2), vid(3)] },
  ])('$name', ({ keepEpisodes, keepDays, expected }) => {
    const entries = [at(1, 0), at(2, 4), at(3, 6)];
    expect(entriesToForget(entries, { keepEpisodes, keepDays }, 1000 * DAY_MS).sort()).toEqual(expected);
  });
});

describe('entries from maps', () => {
  it('reads stance and topic when the scorer gives them, and falls back to the median when it does not', () => {
    const withStance = entryFromMap({ videoId: vid(1), map: mapAt(vid(1), -40, { stance: true }), track: TRACK, mappedAt: 1, lastWatchedAt: 1 });
    expect(withStance.headline.stance).toBe(-40);
    expect(withStance.headline.topic).toEqual({ onTopic: true, aiMentionsPerHour: 12 });
    const without = entryFromMap({ videoId: vid(2), map: mapAt(vid(2), 7), track: TRACK, mappedAt: 1, lastWatchedAt: 1 });
    expect(without.headline.stance).toBeNull();
    expect(without.headline.topic).toBeNull();
    expect(entryPosition(without)).toBe(7);
  });

  it.each([
    ['1.0.0', '1.0.0', 0],
    ['1.0.0', '1.0.1', -1],
    ['1.10.0', '1.9.9', 1],
    ['2', '1.9', 1],
  ])('compares scorer versions %s vs %s', (a, b, expected) => {
    expect(compareScorerVersions(a, b)).toBe(expected);
  });
});

describe('channel baseline', () => {
  const others = [vid(2), vid(3), vid(4), vid(5), vid(6)].map((id, i) => entryAt(id, i * 10)); // 0, 10, 20, 30, 40
  it('says how many of the others this one is more risk-forward than', () => {
    const baseline = channelBaseline(entryAt(vid(1), 5), [entryAt(vid(1), 5), ...others]);
    expect(baseline).toMatchObject({ others: 5, moreRiskForwardThan: 4, moreOpportunityForwardThan: 1 });
    expect(baseline?.sentence).toBe('More risk-forward than 4 of your 5 other episodes from this channel');
  });
  it('says opportunity-forward when that is the larger side', () => {
    expect(channelBaseline(entryAt(vid(1), 35), others)?.sentence).toBe('More opportunity-forward than 4 of your 5 other episodes from this channel');
  });
  it('needs at least three others', () => {
    expect(channelBaseline(entryAt(vid(1), 5), others.slice(0, 2))).toBeNull();
    expect(channelBaseline(entryAt(vid(1), 5), others.slice(0, 3))).not.toBeNull();
  });
});

describe('the recorder (background)', () => {
  let factory: IDBFactory;
  beforeEach(() => {
    factory = new IDBFactory();
  });

  async function scoreAndRecord(rig: ReturnType<typeof libraryRig>, videoId: string, events: number, details = DETAILS, incognito = false) {
    const answer = await rig.service.score({ videoId, track: TRACK, source: 'player', body: seedPrefix(events), requestId: 'r' });
    return rig.recorder.record({ videoId, track: TRACK, details, answer, incognito });
  }

  it('records every delivered map with the page details, as text', async () => {
    const rig = libraryRig(factory);
    await scoreAndRecord(rig, vid(1), 300);
    const entry = await (await rig.library()).get(vid(1));
    expect(entry).toMatchObject({ title: DETAILS.title, channel: 'Some Channel', durationSec: 5173, scorerVersion: SCORER_VERSION, source: 'player' });
    expect(entry?.slices.length).toBeGreaterThan(0);
  });

  it('keeps its rows when the cache evicts the episodes or is cleared', async () => {
    const rig = libraryRig(factory, { limits: { maxEpisodes: 1, maxBytes: 50 * 1024 * 1024 } });
    await scoreAndRecord(rig, vid(1), 300);
    await scoreAndRecord(rig, vid(2), 400);
    await scoreAndRecord(rig, vid(3), 500);
    expect((await (await rig.cache()).stats()).episodes).toBe(1); // two evicted
    expect(await (await rig.library()).count()).toBe(3);
    await rig.service.clearCache();
    expect(await (await rig.library()).count()).toBe(3);
  });

  it('records nothing while paused, and nothing from a private window', async () => {
    const paused = libraryRig(factory, { library: { recording: false } });
    await scoreAndRecord(paused, vid(1), 300);
    expect(await (await paused.library()).count()).toBe(0);

    const live = libraryRig(factory);
    await scoreAndRecord(live, vid(2), 300, DETAILS, true);
    expect(await (await live.library()).count()).toBe(0);
    await scoreAndRecord(live, vid(3), 300);
    expect((await (await live.library()).all()).map((e) => e.videoId)).toEqual([vid(3)]);
  });

  it('applies the retention limit on every recording', async () => {
    let clock = 1_000_000;
    const rig = libraryRig(factory, { library: { keepEpisodes: 2 }, now: () => (clock += 1000) });
    for (const n of [1, 2, 3]) await scoreAndRecord(rig, vid(n), 300);
    expect((await (await rig.library()).all()).map((e) => e.videoId).sort()).toEqual([vid(2), vid(3)]);
  });

  it('fills a new library once from the maps already in the cache (no page details)', async () => {
    const rig = libraryRig(factory);
    await rig.service.score({ videoId: vid(1), track: TRACK, source: 'direct', body: seedPrefix(300), requestId: 'a' });
    await rig.service.score({ videoId: vid(2), track: TRACK, source: 'player', body: seedPrefix(400), requestId: 'b' });
    expect(await rig.recorder.refresh()).toEqual({ backfilled: 2, rescored: 0, outdated: 0 });
    const lib = await rig.library();
    const first = await lib.get(vid(1));
    expect(first).toMatchObject({ title: null, channelId: null, source: 'direct', scorerVersion: SCORER_VERSION });
    expect(first?.track).toMatchObject({ kind: TRACK.kind, languageCode: TRACK.languageCode, vssId: TRACK.vssId });

    // Once only: a cleared library stays cleared.
    await lib.clear();
    expect(await rig.recorder.refresh()).toEqual({ backfilled: 0, rescored: 0, outdated: 0 });
    expect(await lib.count()).toBe(0);
  });

  it('marks entries of an older scorer and re-scores them from cached cues when there are any', async () => {
    const rig = libraryRig(factory);
    await scoreAndRecord(rig, vid(1), 300);
    const lib = await rig.library();
    const current = (await lib.get(vid(1)))!;
    await lib.put({ ...current, scorerVersion: '0.9.0', slices: [1, 2, 3] }, entryAt(vid(2), 5, { scorerVersion: '0.9.0' }));
    expect(isOutdated((await lib.get(vid(1)))!, SCORER_VERSION)).toBe(true);

    expect(await rig.recorder.refresh()).toEqual({ backfilled: 0, rescored: 1, outdated: 1 });
    const rescored = (await lib.get(vid(1)))!;
    expect(rescored.scorerVersion).toBe(SCORER_VERSION);
    expect(rescored.slices).toEqual(current.slices);
    expect(rescored.title).toBe(DETAILS.title); // page details survive re-scoring
    expect(isOutdated((await lib.get(vid(2)))!, SCORER_VERSION)).toBe(true); // no cues: stays marked
  });

  it('re-scores by the scorerVersion index: the library is not read whole, and only older versions are looked up', async () => {
    const rig = libraryRig(factory);
    await scoreAndRecord(rig, vid(1), 300);
    const lib = await rig.library();
    const current = (await lib.get(vid(1)))!;
    // 40 current entries, two older ones (one with cached cues) and a newer one (left alone).
    await lib.put(...Array.from({ length: 40 }, (_, n) => entryAt(vid(100 + n), n - 20)));
    await lib.put({ ...current, scorerVersion: '0.9.0' }, entryAt(vid(2), 5, { scorerVersion: '0.10.0' }), entryAt(vid(3), 5, { scorerVersion: '99.0.0' }));
    await rig.recorder.refresh(); // the one-time backfill (reads ids only) is behind us
    await lib.put({ ...current, scorerVersion: '0.9.0' });

    const reads = { all: 0, lookups: [] as string[] };
    const recorder = createLibraryRecorder({
      openLibrary: async () => {
        const opened = await rig.library();
        return { ...opened, all: (paged) => (reads.all++, opened.all(paged)) };
      },
      readLibrarySettings: async () => rig.settings.library,
      now: () => 1_700_000_000_000,
      scorerVersion: SCORER_VERSION,
      listCachedMaps: async () => [],
      lookup: (args) => (reads.lookups.push(args.videoId), rig.service.lookup(args)),
      log: { warn: () => {} },
    });
    expect(await recorder.refresh()).toEqual({ backfilled: 0, rescored: 1, outdated: 1 });
    expect(reads.all).toBe(0);
    expect(reads.lookups.sort()).toEqual([vid(1), vid(2)]);
    expect((await lib.get(vid(1)))?.scorerVersion).toBe(SCORER_VERSION);
    expect((await lib.get(vid(3)))?.scorerVersion).toBe('99.0.0');
  });

  it('answers the channel baseline once there are three other episodes of the channel', async () => {
    const rig = libraryRig(factory);
    const lib = await rig.library();
    await lib.put(...[2, 3].map((n) => entryAt(vid(n), 50, { channelId: DETAILS.channelId })));
    expect(await scoreAndRecord(rig, vid(1), 300)).toBeNull();
    await lib.put(entryAt(vid(4), 60, { channelId: DETAILS.channelId }));
    const baseline = await scoreAndRecord(rig, vid(1), 300);
    expect(baseline).toMatchObject({ others: 3, moreRiskForwardThan: 3 });
  });
});
