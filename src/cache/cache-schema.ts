import type { IDBPDatabase, IDBPTransaction, DBSchema, StoreNames } from 'idb';
import type { CaptionKind, CaptionSource, TrackRef } from '../captions/caption-track';
import type { CaptionFormat, Cue } from '../captions/cue';
import type { PerspectiveMap } from '../scoring/perspective-map';
import { isPlainRecord } from '../schema/plain-record';

/**
 * The IndexedDB layout of the cache, its record shapes, the checks that reject corrupt records on read,
 * and the migration chain. Changing any record shape means: bump CACHE_SCHEMA_VERSION, append a step to
 * CACHE_MIGRATIONS, and bump RECORD_VERSION if old records can't be read as the new shape (they are then
 * dropped on read as corrupt and recomputed — this is a cache).
 */

export const CACHE_DB_NAME = 'perspective-map';
export const CACHE_SCHEMA_VERSION = 1;
/** Written into every record; a record with another value is treated as corrupt (dropped, recomputed). */
export const RECORD_VERSION = 1;

/** A perspective map for one episode under one lexicon set and scorer version. */
export interface MapRecord {
  v: typeof RECORD_VERSION;
  key: string;
  episode: string;
  videoId: string;
  lexiconHash: string;
  scorerVersion: string;
  storedAt: number;
  bytes: number;
  map: PerspectiveMap;
  /** The strategy that delivered the captions this map was scored from (the panel's data-source). */
  source?: CaptionSource;
}

export type { CaptionKind };

/** The parsed cues of one episode (video + track), so a lexicon change re-scores without refetching captions. */
export interface CuesRecord {
  v: typeof RECORD_VERSION;
  key: string;
  videoId: string;
  track: TrackRef;
  format: CaptionFormat;
  captionKind: CaptionKind;
  /** The strategy that delivered these captions. */
  source?: CaptionSource;
  storedAt: number;
  bytes: number;
  cues: Cue[];
}

/**
 * The LRU ledger: one small record per episode, naming every record stored for it (its cues under
 * CUES_PART, its maps under their keys) with their approximate sizes. Eviction and statistics read only
 * this store, never the large values; it is updated in the same transaction as the records it lists.
 */
export interface EpisodeRecord {
  key: string;
  videoId: string;
  lastUsed: number;
  parts: Record<string, number>;
}

export const CUES_PART = 'cues';

export interface CacheSchema extends DBSchema {
  maps: { key: string; value: MapRecord };
  cues: { key: string; value: CuesRecord };
  episodes: { key: string; value: EpisodeRecord; indexes: { lastUsed: number } };
}

export const CACHE_STORES = ['maps', 'cues', 'episodes'] as const satisfies readonly StoreNames<CacheSchema>[];

export type UpgradeTransaction = IDBPTransaction<CacheSchema, StoreNames<CacheSchema>[], 'versionchange'>;
/** Step n of the chain turns a version n database into version n + 1 (step 0 creates version 1). */
export type CacheMigration = (db: IDBPDatabase<CacheSchema>, tx: UpgradeTransaction) => void;

export const CACHE_MIGRATIONS: readonly CacheMigration[] = [
  // → v1. Anything already present at version 0 → 1 is a pre-release layout: drop it, it is only a cache.
  (db) => {
    for (const name of [...db.objectStoreNames]) db.deleteObjectStore(name);
    db.createObjectStore('maps', { keyPath: 'key' });
    db.createObjectStore('cues', { keyPath: 'key' });
    db.createObjectStore('episodes', { keyPath: 'key' }).createIndex('lastUsed', 'lastUsed');
  },
];

/** Runs the steps from oldVersion up to newVersion inside the versionchange transaction. */
export function runCacheMigrations(
  db: IDBPDatabase<CacheSchema>,
  oldVersion: number,
  newVersion: number,
  tx: UpgradeTransaction,
  migrations: readonly CacheMigration[] = CACHE_MIGRATIONS,
): void {
  for (let version = oldVersion; version < newVersion; version++) {
    const step = migrations[version];
    if (!step) throw new Error(`No cache migration from version ${version} to ${version + 1}`);
    step(db, tx);
  }
}

/** True when the open database has the layout this code reads (a same-version foreign layout is not). */
export function hasExpectedLayout(db: IDBPDatabase<CacheSchema>): boolean {
  if (!CACHE_STORES.every((name) => db.objectStoreNames.contains(name))) return false;
  // A read-only transaction that makes no request just completes; nothing to wait for.
  return db.transaction('episodes', 'readonly').store.indexNames.contains('lastUsed');
}

// --- record checks (run on every read; a failure means: delete the record, treat as a miss) -------------


const isCaptionSource = (value: unknown): value is CaptionSource => value === 'player' || value === 'direct' || value === 'panel';

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

export function isMapRecord(value: unknown, expect: { key: string; lexiconHash: string; scorerVersion: string }): value is MapRecord {
  if (!isPlainRecord(value) || value.v !== RECORD_VERSION || value.key !== expect.key) return false;
  if (value.lexiconHash !== expect.lexiconHash || value.scorerVersion !== expect.scorerVersion) return false;
  const map = value.map;
  if (!isPlainRecord(map) || !isPlainRecord(map.headline) || !Array.isArray(map.slices) || !Array.isArray(map.lexicons)) return false;
  if (!isFiniteNumber(map.captionSegments) || map.scorerVersion !== expect.scorerVersion) return false;
  if (value.source !== undefined && !isCaptionSource(value.source)) return false;
  return map.slices.every((slice) => isPlainRecord(slice) && isFiniteNumber(slice.score) && isFiniteNumber(slice.startMs));
}

export function isCuesRecord(value: unknown, key: string): value is CuesRecord {
  if (!isPlainRecord(value) || value.v !== RECORD_VERSION || value.key !== key) return false;
  if (typeof value.format !== 'string' || !['asr', 'uploaded', 'panel'].includes(value.captionKind as string)) return false;
  if (value.source !== undefined && !isCaptionSource(value.source)) return false;
  if (!Array.isArray(value.cues) || value.cues.length === 0) return false;
  return value.cues.every(
    (cue) => isPlainRecord(cue) && isFiniteNumber(cue.startMs) && isFiniteNumber(cue.endMs) && typeof cue.text === 'string',
  );
}

export function isEpisodeRecord(value: unknown): value is EpisodeRecord {
  return (
    isPlainRecord(value) &&
    typeof value.key === 'string' &&
    isFiniteNumber(value.lastUsed) &&
    isPlainRecord(value.parts) &&
    Object.values(value.parts).every(isFiniteNumber)
  );
}
