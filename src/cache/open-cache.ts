import { wrap, type IDBPDatabase, type IDBPObjectStore, type IDBPTransaction, type StoreNames } from 'idb';
import type { CaptionSource, TrackRef } from '../captions/caption-track';
import type { CaptionFormat, Cue } from '../captions/cue';
import type { PerspectiveMap } from '../scoring/perspective-map';
import { cacheKey, episodeKey, parseEpisodeKey } from './cache-key';
import {
  CACHE_DB_NAME,
  CACHE_MIGRATIONS,
  CACHE_SCHEMA_VERSION,
  CUES_PART,
  RECORD_VERSION,
  hasExpectedLayout,
  isCuesRecord,
  isEpisodeRecord,
  isMapRecord,
  runCacheMigrations,
  type CacheMigration,
  type CaptionKind,
  type CacheSchema,
  type CuesRecord,
  type EpisodeRecord,
  type MapRecord,
  type UpgradeTransaction,
} from './cache-schema';

export interface CacheLimits {
  /** Episodes (video + track) kept, each with its cues and any number of maps. */
  maxEpisodes: number;
  /** Approximate total size (JSON length of maps, estimated JSON length of cues). */
  maxBytes: number;
}

export const DEFAULT_CACHE_LIMITS: CacheLimits = { maxEpisodes: 200, maxBytes: 50 * 1024 * 1024 };

export interface CacheDeps {
  /** The IndexedDB factory (a fresh fake-indexeddb one in tests); defaults to the global. */
  indexedDB?: IDBFactory;
  now: () => number;
  limits?: CacheLimits;
  log?: Pick<Console, 'warn'>;
  /** Database name and migration chain; only tests change them. */
  dbName?: string;
  schema?: { version: number; migrations: readonly CacheMigration[] };
}

export interface MapLocator {
  videoId: string;
  track: TrackRef;
  lexiconHash: string;
  scorerVersion: string;
}

export interface CachedCues {
  format: CaptionFormat;
  captionKind: CaptionKind;
  cues: Cue[];
  /** The strategy that delivered the captions (absent in records written before it was kept). */
  source?: CaptionSource;
}

export interface CachedMap {
  map: PerspectiveMap;
  source?: CaptionSource;
}

export interface ListedMap {
  videoId: string;
  track: TrackRef;
  lexiconHash: string;
  scorerVersion: string;
  storedAt: number;
  map: PerspectiveMap;
  source?: CaptionSource;
}

export interface EpisodeWrite {
  videoId: string;
  track: TrackRef;
  cues?: CachedCues;
  map?: { lexiconHash: string; scorerVersion: string; map: PerspectiveMap; source?: CaptionSource };
}

export type StoreOutcome =
  | { stored: true; evicted: number }
  | { stored: false; reason: 'quota' | 'too-large' | 'error'; error: string };

export interface PerspectiveCache {
  /** The cached map, or null (miss; a corrupt or outdated record is deleted and also answers null). */
  getMap(locator: MapLocator): Promise<CachedMap | null>;
  /** The episode's cached cues, or null (as getMap). */
  getCues(videoId: string, track: TrackRef): Promise<CachedCues | null>;
  /** Stores cues and/or a map in one transaction, then evicts least-recently-used episodes over the limits. Never rejects. */
  storeEpisode(write: EpisodeWrite): Promise<StoreOutcome>;
  stats(): Promise<{ episodes: number; bytes: number }>;
  /**
   * Every readable map with the track it was scored from (identity only: its name is ''), for filling
   * the episode library once. Reads every map: not for hot paths. Touches nothing (no LRU update).
   */
  listMaps(): Promise<ListedMap[]>;
  /** Drops everything; answers how many episodes were dropped. */
  clear(): Promise<number>;
  close(): void;
}

type Db = IDBPDatabase<CacheSchema>;

/**
 * Opens (creating or migrating) the cache database. A database left at a newer version by a later build, or
 * with a layout this code does not know at the same version, is deleted and recreated: it is only a cache.
 */
export async function openCache(deps: CacheDeps): Promise<PerspectiveCache> {
  const factory = deps.indexedDB ?? globalThis.indexedDB;
  if (!factory) throw new Error('IndexedDB is not available');
  const name = deps.dbName ?? CACHE_DB_NAME;
  const schema = deps.schema ?? { version: CACHE_SCHEMA_VERSION, migrations: CACHE_MIGRATIONS };
  const log = deps.log ?? console;

  let db: Db | undefined;
  try {
    db = await openWith(factory, name, schema);
    if (!hasExpectedLayout(db)) throw new Error('unexpected cache layout');
  } catch (err) {
    log.warn('[perspective-map] cache database unusable; recreating it', err);
    db?.close();
    await deleteWith(factory, name);
    db = await openWith(factory, name, schema);
  }
  return createCache(db, { now: deps.now, limits: deps.limits ?? DEFAULT_CACHE_LIMITS, log });
}

/**
 * idb's openDB/deleteDB always use the global `indexedDB`; the cache takes its factory as a dependency, so it
 * opens through `wrap` (idb's own promise wrapper) on the injected factory instead.
 */
async function openWith(
  factory: IDBFactory,
  name: string,
  schema: { version: number; migrations: readonly CacheMigration[] },
): Promise<Db> {
  const request = factory.open(name, schema.version);
  request.addEventListener('upgradeneeded', (event) => {
    const db = wrap(request.result) as unknown as Db;
    const tx = wrap(request.transaction as IDBTransaction) as unknown as UpgradeTransaction;
    runCacheMigrations(db, event.oldVersion, event.newVersion ?? schema.version, tx, schema.migrations);
  });
  const db = (await wrap(request)) as unknown as Db;
  // Another context wants to upgrade or delete the database: step aside rather than block it.
  db.addEventListener('versionchange', () => db.close());
  return db;
}

async function deleteWith(factory: IDBFactory, name: string): Promise<void> {
  await wrap(factory.deleteDatabase(name));
}

function createCache(db: Db, deps: { now: () => number; limits: CacheLimits; log: Pick<Console, 'warn'> }): PerspectiveCache {
  const { now, limits, log } = deps;

  return {
    async getMap(locator) {
      const key = cacheKey(locator.videoId, locator.track, locator.lexiconHash, locator.scorerVersion);
      const episode = episodeKey(locator.videoId, locator.track);
      const tx = db.transaction(['maps', 'episodes'], 'readwrite');
      const record: unknown = await tx.objectStore('maps').get(key);
      let result: CachedMap | null = null;
      if (record !== undefined) {
        if (isMapRecord(record, { key, lexiconHash: locator.lexiconHash, scorerVersion: locator.scorerVersion })) {
          result = record.source ? { map: record.map, source: record.source } : { map: record.map };
          await touch(tx.objectStore('episodes'), episode, now());
        } else {
          log.warn('[perspective-map] dropping a corrupt cached map', key);
          await tx.objectStore('maps').delete(key);
          await forgetPart(tx.objectStore('episodes'), episode, key);
        }
      }
      await tx.done;
      return result;
    },

    async getCues(videoId, track) {
      const key = episodeKey(videoId, track);
      const tx = db.transaction(['cues', 'episodes'], 'readwrite');
      const record: unknown = await tx.objectStore('cues').get(key);
      let result: CachedCues | null = null;
      if (record !== undefined) {
        if (isCuesRecord(record, key)) {
          result = { format: record.format, captionKind: record.captionKind, cues: record.cues, ...(record.source ? { source: record.source } : {}) };
          await touch(tx.objectStore('episodes'), key, now());
        } else {
          log.warn('[perspective-map] dropping corrupt cached cues', key);
          await tx.objectStore('cues').delete(key);
          await forgetPart(tx.objectStore('episodes'), key, CUES_PART);
        }
      }
      await tx.done;
      return result;
    },

    async storeEpisode(write) {
      const episode = episodeKey(write.videoId, write.track);
      const at = now();
      // Sizes and records are built before the transaction opens: it must not wait on anything but IndexedDB.
      const cuesRecord: CuesRecord | undefined = write.cues && {
        v: RECORD_VERSION,
        key: episode,
        videoId: write.videoId,
        track: write.track,
        format: write.cues.format,
        captionKind: write.cues.captionKind,
        ...(write.cues.source ? { source: write.cues.source } : {}),
        storedAt: at,
        bytes: approxCuesBytes(write.cues.cues),
        cues: write.cues.cues,
      };
      const mapRecord: MapRecord | undefined = write.map && {
        v: RECORD_VERSION,
        key: cacheKey(write.videoId, write.track, write.map.lexiconHash, write.map.scorerVersion),
        episode,
        videoId: write.videoId,
        lexiconHash: write.map.lexiconHash,
        scorerVersion: write.map.scorerVersion,
        storedAt: at,
        bytes: JSON.stringify(write.map.map).length,
        map: write.map.map,
        ...(write.map.source ? { source: write.map.source } : {}),
      };
      const total = (cuesRecord?.bytes ?? 0) + (mapRecord?.bytes ?? 0);
      if (total > limits.maxBytes) {
        return { stored: false, reason: 'too-large', error: `episode is ${total} bytes; the cache holds ${limits.maxBytes}` };
      }

      const tx = db.transaction(['maps', 'cues', 'episodes'], 'readwrite');
      // Attach a handler at once: a failed put aborts the transaction, and `done` must not reject unobserved.
      const done = tx.done.then(
        () => null,
        (err: unknown) => err ?? tx.error,
      );
      let evicted = 0;
      try {
        const episodes = tx.objectStore('episodes');
        const existing: unknown = await episodes.get(episode);
        const ledger: EpisodeRecord = isEpisodeRecord(existing)
          ? existing
          : { key: episode, videoId: write.videoId, lastUsed: at, parts: {} };
        if (cuesRecord) {
          await tx.objectStore('cues').put(cuesRecord);
          ledger.parts[CUES_PART] = cuesRecord.bytes;
        }
        if (mapRecord) {
          await tx.objectStore('maps').put(mapRecord);
          ledger.parts[mapRecord.key] = mapRecord.bytes;
        }
        ledger.lastUsed = at;
        await episodes.put(ledger);
        evicted = await evictOverLimits(tx, episode, limits);
      } catch (err) {
        try {
          tx.abort();
        } catch {
          // Already aborted by the failed request.
        }
        await done;
        return failure(err, log);
      }
      const failed = await done;
      if (failed) return failure(failed, log);
      return { stored: true, evicted };
    },

    async stats() {
      const all = await db.getAll('episodes');
      return { episodes: all.length, bytes: all.reduce((sum, record) => sum + ledgerBytes(record), 0) };
    },

    async listMaps() {
      const records: unknown[] = await db.getAll('maps');
      const out: ListedMap[] = [];
      for (const record of records) {
        const meta = record as Partial<MapRecord> | null;
        if (typeof meta?.key !== 'string' || typeof meta.lexiconHash !== 'string' || typeof meta.scorerVersion !== 'string') continue;
        if (!isMapRecord(record, { key: meta.key, lexiconHash: meta.lexiconHash, scorerVersion: meta.scorerVersion })) continue;
        const parsed = parseEpisodeKey(record.episode);
        if (!parsed) continue;
        out.push({
          videoId: record.videoId,
          // The key holds the track's identity, not its display name (reading the cues for it would cost megabytes).
          track: parsed.track,
          lexiconHash: record.lexiconHash,
          scorerVersion: record.scorerVersion,
          storedAt: record.storedAt,
          map: record.map,
          ...(record.source ? { source: record.source } : {}),
        });
      }
      return out;
    },

    async clear() {
      const tx = db.transaction(['maps', 'cues', 'episodes'], 'readwrite');
      const count = await tx.objectStore('episodes').count();
      await Promise.all([tx.objectStore('maps').clear(), tx.objectStore('cues').clear(), tx.objectStore('episodes').clear()]);
      await tx.done;
      return count;
    },

    close() {
      db.close();
    },
  };
}

type WriteTx = IDBPTransaction<CacheSchema, ('maps' | 'cues' | 'episodes')[], 'readwrite'>;
type EpisodesStore<T extends StoreNames<CacheSchema>[]> = IDBPObjectStore<CacheSchema, T, 'episodes', 'readwrite'>;

async function touch<T extends StoreNames<CacheSchema>[]>(episodes: EpisodesStore<T>, key: string, at: number): Promise<void> {
  const ledger: unknown = await episodes.get(key);
  if (isEpisodeRecord(ledger)) await episodes.put({ ...ledger, lastUsed: at });
}

async function forgetPart<T extends StoreNames<CacheSchema>[]>(episodes: EpisodesStore<T>, key: string, part: string): Promise<void> {
  const ledger: unknown = await episodes.get(key);
  if (!isEpisodeRecord(ledger)) return;
  delete ledger.parts[part];
  if (Object.keys(ledger.parts).length === 0) await episodes.delete(key);
  else await episodes.put(ledger);
}

/** Least-recently-used first, drops whole episodes (cues + maps) until both limits hold; never the one just written. */
async function evictOverLimits(tx: WriteTx, keep: string, limits: CacheLimits): Promise<number> {
  const episodes = tx.objectStore('episodes');
  const all = (await episodes.getAll()).filter(isEpisodeRecord);
  let count = all.length;
  let bytes = all.reduce((sum, record) => sum + ledgerBytes(record), 0);
  if (count <= limits.maxEpisodes && bytes <= limits.maxBytes) return 0;
  let evicted = 0;
  let cursor = await episodes.index('lastUsed').openCursor();
  while (cursor && (count > limits.maxEpisodes || bytes > limits.maxBytes)) {
    const ledger = cursor.value;
    if (ledger.key !== keep) {
      for (const part of Object.keys(ledger.parts)) {
        if (part === CUES_PART) await tx.objectStore('cues').delete(ledger.key);
        else await tx.objectStore('maps').delete(part);
      }
      await cursor.delete();
      count--;
      bytes -= ledgerBytes(ledger);
      evicted++;
    }
    cursor = await cursor.continue();
  }
  return evicted;
}

function ledgerBytes(record: EpisodeRecord): number {
  let sum = 0;
  for (const bytes of Object.values(record.parts)) sum += bytes;
  return sum;
}

/** ≈ JSON length of the cues without building a multi-megabyte string: text plus the fixed per-cue overhead. */
export function approxCuesBytes(cues: readonly Cue[]): number {
  let sum = 2;
  for (const cue of cues) sum += cue.text.length + 40;
  return sum;
}

export function isQuotaError(err: unknown): boolean {
  const name = (err as { name?: unknown } | null)?.name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

function failure(err: unknown, log: Pick<Console, 'warn'>): StoreOutcome {
  const message = err instanceof Error ? err.message : String(err);
  if (isQuotaError(err)) {
    log.warn('[perspective-map] storage quota reached; the map is shown but not cached', message);
    return { stored: false, reason: 'quota', error: message };
  }
  log.warn('[perspective-map] could not cache the map', err);
  return { stored: false, reason: 'error', error: message };
}
