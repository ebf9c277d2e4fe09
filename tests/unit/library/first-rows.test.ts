/**
 * The library page's first rows come from a short read (`recent`) before everything is read (`all`): the first rows
 * it shows must be exactly the full library's first rows in the default order (newest first, ties by video id), on
 * both of `recent`'s pathways (one `getAllRecords` request where the browser has it; a key cursor elsewhere).
 */
import { IDBFactory, IDBIndex } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LibraryEntry } from '../../../src/library/library-schema';
import { openLibrary } from '../../../src/library/open-library';
import { DAY_MS } from '../../../src/library/retention';
import { defaultSettings } from '../../../src/settings/settings';
import { loadFirstRows } from '../../../src/ui/library/first-load';
import type { LibraryPageDeps } from '../../../src/ui/library/library-deps';
import { DEFAULT_SORT, sortEntries } from '../../../src/ui/library/library-rows';
import { entryAt, seededLibraryFactory, vid } from './library-test-data';

const ids = (entries: readonly LibraryEntry[]) => entries.map((e) => e.videoId);
/** What the page shows first: the default order's first `n` rows. */
const firstRows = (entries: readonly LibraryEntry[], n: number) => ids(sortEntries(entries, DEFAULT_SORT).slice(0, n));

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** `count` entries watched at few distinct times (many ties), written in a shuffled order. */
function tiedLibrary(count: number, seed: number): LibraryEntry[] {
  const random = seeded(seed);
  const entries = Array.from({ length: count }, (_, n) => entryAt(vid(n + 1), Math.round(random() * 100) - 50, { lastWatchedAt: 1_000 + Math.floor(random() * 12) * 60_000 }));
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [entries[i], entries[j]] = [entries[j]!, entries[i]!];
  }
  return entries;
}

const pathways = [
  ['one getAllRecords request', false],
  ['a key cursor (no getAllRecords)', true],
] as const;

describe.each(pathways)('recent() by %s', (_name, withoutGetAllRecords) => {
  const proto = IDBIndex.prototype as unknown as { getAllRecords?: unknown };
  const saved = proto.getAllRecords;
  let factory: IDBFactory;
  beforeEach(() => {
    factory = new IDBFactory();
    if (withoutGetAllRecords) delete proto.getAllRecords;
  });
  afterEach(() => {
    proto.getAllRecords = saved;
  });

  it('gives the full load’s first rows in the default order, whatever the ties at the edge', async () => {
    expect(typeof (IDBIndex.prototype as unknown as { getAllRecords?: unknown }).getAllRecords).toBe(withoutGetAllRecords ? 'undefined' : 'function');
    const lib = await openLibrary({ indexedDB: factory });
    for (const [count, seed] of [
      [1, 1],
      [7, 2],
      [40, 3],
      [97, 4],
    ] as const) {
      await lib.clear();
      await lib.put(...tiedLibrary(count, seed));
      const all = await lib.all();
      for (const limit of [1, 2, 5, 13, 40, 60, 120]) {
        const recent = await lib.recent(limit);
        expect(recent.total).toBe(count);
        expect(recent.complete).toBe(recent.entries.length === count);
        // At least `limit` (or all), and the first `limit` of them are the library's first `limit`.
        expect(recent.entries.length).toBeGreaterThanOrEqual(Math.min(limit, count));
        expect(firstRows(recent.entries, limit)).toEqual(firstRows(all, limit));
        // Nothing read twice, nothing foreign.
        expect(new Set(ids(recent.entries)).size).toBe(recent.entries.length);
      }
    }
    lib.close();
  });

  it('reads the whole tie group at the edge (10, 20, …, 90 with 50 three times)', async () => {
    const lib = await openLibrary({ indexedDB: factory });
    const times = [10, 20, 30, 40, 50, 50, 50, 60, 70, 80, 90];
    await lib.put(...times.map((t, n) => entryAt(vid(n + 1), 0, { lastWatchedAt: t })));
    const five = await lib.recent(5);
    expect(five.entries.map((e) => e.lastWatchedAt).sort((a, b) => b - a)).toEqual([90, 80, 70, 60, 50, 50, 50]);
    expect(five.complete).toBe(false);
    expect(firstRows(five.entries, 5)).toEqual([vid(11), vid(10), vid(9), vid(8), vid(5)]);
    const six = await lib.recent(6); // the 6th and 7th share 50 with the 5th: still the three of them
    expect(six.entries).toHaveLength(7);
    expect(await lib.recent(7).then((r) => r.entries.length)).toBe(7); // the 8th (40) is not tied: not read
    lib.close();
  });
});

describe('the page’s first load', () => {
  const settingsWith = (library: Partial<ReturnType<typeof defaultSettings>['library']>) => {
    const settings = { ...defaultSettings(), library: { ...defaultSettings().library, ...library } };
    return { getValue: async () => settings } as unknown as LibraryPageDeps['settings'];
  };

  it('shows the same first rows as the full load, then the full load adds the rest without losing or reordering any', async () => {
    const entries = tiedLibrary(300, 9);
    const factory = await seededLibraryFactory(entries);
    const { library, recent } = await loadFirstRows({ openLibrary: () => openLibrary({ indexedDB: factory }), settings: settingsWith({}), now: () => 10_000_000 }, 60);
    const all = await library.all({ pageSize: 37, pause: async () => {} });
    expect(recent.total).toBe(300);
    expect(firstRows(recent.entries, 60)).toEqual(firstRows(all, 60));
    expect(firstRows(all, 300)).toEqual(firstRows(entries, 300));
    library.close();
  });

  it('applies the retention limit before reading: a row a limit lets go is never shown', async () => {
    const now = 100 * DAY_MS;
    const factory = await seededLibraryFactory([1, 2, 3, 4, 5].map((n) => entryAt(vid(n), 0, { lastWatchedAt: now - n * DAY_MS })));
    const { library, recent } = await loadFirstRows({ openLibrary: () => openLibrary({ indexedDB: factory }), settings: settingsWith({ keepEpisodes: 2 }), now: () => now }, 60);
    expect(ids(recent.entries).sort()).toEqual([vid(1), vid(2)]);
    expect(recent).toMatchObject({ complete: true, total: 2 });
    expect(await library.count()).toBe(2);
    library.close();
  });

  it('closes the library and rejects when the first read fails', async () => {
    let closed = false;
    const failing = {
      applyRetention: async () => 0,
      recent: async () => {
        throw new Error('read failed');
      },
      close: () => void (closed = true),
    };
    await expect(loadFirstRows({ openLibrary: async () => failing as never, settings: settingsWith({}), now: () => 0 })).rejects.toThrow('read failed');
    expect(closed).toBe(true);
  });
});
