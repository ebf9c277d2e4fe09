/**
 * The episode library's own IndexedDB database (idb), apart from the caption cache: the cache may be cleared
 * ("Clear cache" in the popup), evicted or rebuilt on an unknown layout; the library is the user's record and
 * goes only when the user says so (delete one, clear all, retention).
 *
 * Database `perspective-map-library`, version LIBRARY_DB_VERSION, built by LIBRARY_MIGRATIONS (step n turns
 * version n into n + 1) inside the upgrade transaction. Unlike the cache, a database this build cannot read
 * (a newer version, a foreign layout) is never deleted: opening fails with a reason and the data waits for a
 * build that can read it.
 */
import { unwrap, wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import * as v from 'valibot';
import { compareScorerVersions } from './library-entry';
import { describeIssues, libraryEntrySchema, type LibraryEntry, type LibrarySettings } from './library-schema';
import { entriesToForget } from './retention';

export const LIBRARY_DB_NAME = 'perspective-map-library';
export const LIBRARY_DB_VERSION = 2;

/**
 * Meta key of the one-time fill from the cache: `pending` from the library's creation until the recorder has
 * done it (or skipped it because recording was paused). Only maps cached before the library existed qualify.
 */
export const BACKFILL_META = 'backfillFromCache';
export const BACKFILL_PENDING = 'pending';

export interface MetaRecord {
  key: string;
  value: unknown;
}

export interface LibrarySchema extends DBSchema {
  entries: { key: string; value: LibraryEntry; indexes: { channelId: string; lastWatchedAt: number; scorerVersion: string } };
  meta: { key: string; value: MetaRecord };
}

export type LibraryUpgradeTransaction = IDBPTransaction<LibrarySchema, StoreNames<LibrarySchema>[], 'versionchange'>;
export type LibraryMigration = (db: IDBPDatabase<LibrarySchema>, tx: LibraryUpgradeTransaction) => void;

export const LIBRARY_MIGRATIONS: readonly LibraryMigration[] = [
  // → v1: entries by video id, indexed for the per-channel baseline and for retention. A new library is to be
  // filled from the maps already in the cache (the viewing before the library existed): the recorder does it.
  (db) => {
    const entries = db.createObjectStore('entries', { keyPath: 'videoId' });
    entries.createIndex('channelId', 'channelId');
    entries.createIndex('lastWatchedAt', 'lastWatchedAt');
    db.createObjectStore('meta', { keyPath: 'key' }).put({ key: BACKFILL_META, value: BACKFILL_PENDING });
  },
  // → v2: entries by scorer version, so re-scoring reads the outdated entries only, not the whole library. The
  // index fills itself from the stored entries inside the upgrade.
  (_db, tx) => {
    tx.objectStore('entries').createIndex('scorerVersion', 'scorerVersion');
  },
];

export interface LibraryDeps {
  indexedDB?: IDBFactory;
  log?: Pick<Console, 'warn'>;
  /** Only tests change these. */
  dbName?: string;
  schema?: { version: number; migrations: readonly LibraryMigration[] };
}

/** The newest entries (see `EpisodeLibrary.recent`). */
export interface RecentEntries {
  entries: LibraryEntry[];
  /** That is every entry. */
  complete: boolean;
  /** How many are stored (readable or not). */
  total: number;
}

/** How `all` reads: in pages of `pageSize` records, awaiting `pause()` between pages (a page stays responsive). */
export interface PagedRead {
  pageSize: number;
  pause(): Promise<void>;
}

export interface EpisodeLibrary {
  /**
   * Every readable entry (a record that fails the schema is skipped and logged, never deleted). In one request,
   * or in pages by video id when `paged` is given (each page is read, then checked, then the page yields).
   */
  all(paged?: PagedRead): Promise<LibraryEntry[]>;
  /**
   * The most recently watched entries, newest first: at least `limit` (when there are that many), plus every entry
   * tied with the last one on its watch time, so sorting them by date gives the library's true first rows. Walks
   * the lastWatchedAt index and reads nothing else. `complete` = that is every entry; `total` = how many are stored
   * (readable or not).
   */
  recent(limit: number): Promise<RecentEntries>;
  /**
   * The entries scored by a scorer older than `scorerVersion` (readable ones). Walks the scorerVersion index's
   * distinct versions (a handful) and reads only the older ones' entries.
   */
  outdated(scorerVersion: string): Promise<LibraryEntry[]>;
  /** Every stored video id (records unread). */
  ids(): Promise<string[]>;
  get(videoId: string): Promise<LibraryEntry | null>;
  byChannel(channelId: string): Promise<LibraryEntry[]>;
  count(): Promise<number>;
  /** Writes entries (checked against the schema first: a bad one rejects and nothing is written). */
  put(...entries: LibraryEntry[]): Promise<void>;
  /** Sets an entry's last-watched time; false when there is no such entry. */
  touch(videoId: string, at: number): Promise<boolean>;
  delete(videoId: string): Promise<boolean>;
  /** Drops every entry; answers how many. Meta (the backfill flag) is kept: a cleared library stays cleared. */
  clear(): Promise<number>;
  /** Forgets what the retention limits let go; answers how many. */
  applyRetention(retention: Pick<LibrarySettings, 'keepEpisodes' | 'keepDays'>, now: number): Promise<number>;
  getMeta(key: string): Promise<unknown>;
  setMeta(key: string, value: unknown): Promise<void>;
  close(): void;
}

type Db = IDBPDatabase<LibrarySchema>;

/** A raw request's result (for a method idb does not type). */
function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.addEventListener('success', () => resolve(request.result));
    request.addEventListener('error', () => reject(request.error));
  });
}

export async function openLibrary(deps: LibraryDeps = {}): Promise<EpisodeLibrary> {
  const factory = deps.indexedDB ?? globalThis.indexedDB;
  if (!factory) throw new Error('IndexedDB is not available');
  const schema = deps.schema ?? { version: LIBRARY_DB_VERSION, migrations: LIBRARY_MIGRATIONS };
  const request = factory.open(deps.dbName ?? LIBRARY_DB_NAME, schema.version);
  request.addEventListener('upgradeneeded', (event) => {
    const db = wrap(request.result) as unknown as Db;
    const tx = wrap(request.transaction as IDBTransaction) as unknown as LibraryUpgradeTransaction;
    const to = event.newVersion ?? schema.version;
    for (let version = event.oldVersion; version < to; version++) {
      const step = schema.migrations[version];
      if (!step) throw new Error(`No library migration from version ${version} to ${version + 1}`);
      step(db, tx);
    }
  });
  let db: Db;
  try {
    db = (await wrap(request)) as unknown as Db;
  } catch (err) {
    const name = (err as { name?: unknown } | null)?.name;
    if (name === 'VersionError') throw new Error('The library was written by a newer version of the extension; update it to read the library.');
    throw err;
  }
  if (!db.objectStoreNames.contains('entries') || !db.objectStoreNames.contains('meta')) {
    db.close();
    throw new Error('The library database has an unexpected layout');
  }
  db.addEventListener('versionchange', () => db.close());
  return createLibrary(db, deps.log ?? console, (a, b) => factory.cmp(a, b));
}

function createLibrary(db: Db, log: Pick<Console, 'warn'>, cmp: (a: IDBValidKey, b: IDBValidKey) => number): EpisodeLibrary {
  const readable = (records: unknown[]): LibraryEntry[] => {
    const out: LibraryEntry[] = [];
    for (const record of records) {
      const parsed = v.safeParse(libraryEntrySchema, record);
      if (parsed.success) out.push(parsed.output);
      else log.warn('[perspective-map] skipping an unreadable library entry:', describeIssues(parsed.issues));
    }
    return out;
  };

  return {
    async all(paged) {
      if (!paged) return readable(await db.getAll('entries'));
      const out: LibraryEntry[] = [];
      let after: string | null = null;
      for (;;) {
        const range: IDBKeyRange | undefined = after === null ? undefined : IDBKeyRange.lowerBound(after, true);
        const page: unknown[] = await db.getAll('entries', range, paged.pageSize);
        out.push(...readable(page));
        if (page.length < paged.pageSize) return out;
        // keyPath is videoId: every stored record has it, readable or not.
        after = String((page[page.length - 1] as { videoId: unknown }).videoId);
        await paged.pause();
      }
    },

    async recent(limit) {
      const tx = db.transaction('entries');
      const byTime = tx.store.index('lastWatchedAt');
      const index = unwrap(byTime) as IDBIndex & { getAllRecords?: (options: { count: number; direction: IDBCursorDirection }) => IDBRequest<{ key: IDBValidKey; value: unknown }[]> };
      const read = async (): Promise<unknown[]> => {
        if (limit < 1 || typeof index.getAllRecords !== 'function') {
          // Elsewhere three requests whatever the size: the limit-th newest watch time (a key cursor skipping
          // ahead), then every record watched at or after it (ties included).
          let cursor = await byTime.openKeyCursor(null, 'prev');
          if (cursor && limit > 1) cursor = await cursor.advance(limit - 1);
          return byTime.getAll(cursor ? IDBKeyRange.lowerBound(cursor.key) : undefined);
        }
        // One request where the browser has it (Chromium 141+): the newest limit + 1. Newest first, ties in reverse
        // video-id order — so when the one past the limit shares the limit-th's watch time, the tie may go on past
        // what was read: then read that watch time's entries whole (one more request, rare).
        const newest = await requestResult(index.getAllRecords({ count: limit + 1, direction: 'prev' }));
        const edge = newest[limit - 1]?.key;
        const tieCut = newest.length > limit && edge !== undefined && cmp(newest[limit]!.key, edge) === 0;
        const taken = newest.slice(0, limit).filter((record) => !tieCut || cmp(record.key, edge!) !== 0);
        return [...taken.map((record) => record.value), ...(tieCut ? await byTime.getAll(IDBKeyRange.only(edge)) : [])];
      };
      const [records, total] = await Promise.all([read(), tx.store.count()]);
      return { entries: readable(records), complete: records.length >= total, total };
    },
    async outdated(scorerVersion) {
      const tx = db.transaction('entries');
      const byVersion = tx.store.index('scorerVersion');
      // Versions compare as numbers part by part ("10.0.0" is newer than "9.1.0"), not as the index orders strings:
      // list the distinct ones, then read those older than this build's.
      const older: string[] = [];
      for (let cursor = await byVersion.openKeyCursor(null, 'nextunique'); cursor; cursor = await cursor.continue()) {
        const version = cursor.key;
        if (typeof version === 'string' && compareScorerVersions(version, scorerVersion) < 0) older.push(version);
      }
      const records = await Promise.all(older.map((version) => byVersion.getAll(IDBKeyRange.only(version))));
      return readable(records.flat());
    },
    ids: async () => (await db.getAllKeys('entries')).map(String),
    async get(videoId) {
      const [entry] = readable([await db.get('entries', videoId)].filter((r) => r !== undefined));
      return entry ?? null;
    },
    byChannel: async (channelId) => readable(await db.getAllFromIndex('entries', 'channelId', channelId)),
    count: () => db.count('entries'),

    async put(...entries) {
      const checked = entries.map((entry) => {
        const parsed = v.safeParse(libraryEntrySchema, entry);
        if (!parsed.success) throw new Error(`Not a valid library entry (${entry.videoId}): ${describeIssues(parsed.issues)}`);
        return parsed.output;
      });
      const tx = db.transaction('entries', 'readwrite');
      await Promise.all([...checked.map((entry) => tx.store.put(entry)), tx.done]);
    },

    async touch(videoId, at) {
      const tx = db.transaction('entries', 'readwrite');
      const record = await tx.store.get(videoId);
      if (record) await tx.store.put({ ...record, lastWatchedAt: Math.max(record.lastWatchedAt, Math.round(at)) });
      await tx.done;
      return record !== undefined;
    },

    async delete(videoId) {
      const tx = db.transaction('entries', 'readwrite');
      const had = (await tx.store.count(videoId)) > 0;
      await tx.store.delete(videoId);
      await tx.done;
      return had;
    },

    async clear() {
      const tx = db.transaction('entries', 'readwrite');
      const count = await tx.store.count();
      await tx.store.clear();
      await tx.done;
      return count;
    },

    async applyRetention(retention, now) {
      if (retention.keepDays === null && retention.keepEpisodes === null) return 0;
      const tx = db.transaction('entries', 'readwrite');
      // Only the keys and times are needed: walk the lastWatchedAt index (values stay unread).
      const times: { videoId: string; lastWatchedAt: number }[] = [];
      let cursor = await tx.store.index('lastWatchedAt').openKeyCursor();
      while (cursor) {
        times.push({ videoId: String(cursor.primaryKey), lastWatchedAt: Number(cursor.key) });
        cursor = await cursor.continue();
      }
      const forget = entriesToForget(times, retention, now);
      for (const id of forget) await tx.store.delete(id);
      await tx.done;
      return forget.length;
    },

    getMeta: async (key) => (await db.get('meta', key))?.value,
    async setMeta(key, value) {
      await db.put('meta', { key, value });
    },
    close: () => db.close(),
  };
}
