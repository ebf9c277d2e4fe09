import type { IDBPDatabase, IDBPTransaction, DBSchema, StoreNames } from 'idb';
import * as v from 'valibot';
import { CaptionKindSchema, CaptionSourceSchema, TrackRefSchema, type CaptionKind } from '../captions/caption-track';
import { CaptionFormatSchema, CueSchema } from '../captions/cue';
import { PerspectiveMapSchema } from '../scoring/perspective-map';

/**
 * The IndexedDB layout of the cache, its record shapes (valibot schemas; the types are inferred from them), the
 * checks that reject corrupt records on read, and the migration chain. Changing any record shape means: bump
 * CACHE_SCHEMA_VERSION, append a step to CACHE_MIGRATIONS, and bump RECORD_VERSION if old records can't be read
 * as the new shape (they are then dropped on read as corrupt and recomputed — this is a cache).
 */

export const CACHE_DB_NAME = 'perspective-map';
export const CACHE_SCHEMA_VERSION = 1;
/** Written into every record; a record with another value is treated as corrupt (dropped, recomputed). */
export const RECORD_VERSION = 1;

const FiniteSchema = v.pipe(v.number(), v.finite());

/** A perspective map for one episode under one lexicon set and scorer version. */
export const MapRecordSchema = v.object({
  v: v.literal(RECORD_VERSION),
  key: v.string(),
  episode: v.string(),
  videoId: v.string(),
  lexiconHash: v.string(),
  scorerVersion: v.string(),
  storedAt: FiniteSchema,
  bytes: FiniteSchema,
  map: PerspectiveMapSchema,
  /** The strategy that delivered the captions this map was scored from (the panel's data-source). */
  source: v.optional(CaptionSourceSchema),
});
export type MapRecord = v.InferOutput<typeof MapRecordSchema>;

export type { CaptionKind };

/** The parsed cues of one episode (video + track), so a lexicon change re-scores without refetching captions. */
export const CuesRecordSchema = v.object({
  v: v.literal(RECORD_VERSION),
  key: v.string(),
  videoId: v.string(),
  track: TrackRefSchema,
  format: CaptionFormatSchema,
  captionKind: CaptionKindSchema,
  /** The strategy that delivered these captions. */
  source: v.optional(CaptionSourceSchema),
  storedAt: FiniteSchema,
  bytes: FiniteSchema,
  cues: v.pipe(v.array(CueSchema), v.minLength(1)),
});
export type CuesRecord = v.InferOutput<typeof CuesRecordSchema>;

/**
 * The LRU ledger: one small record per episode, naming every record stored for it (its cues under
 * CUES_PART, its maps under their keys) with their approximate sizes. Eviction and statistics read only
 * this store, never the large values; it is updated in the same transaction as the records it lists.
 */
export const EpisodeRecordSchema = v.object({
  key: v.string(),
  videoId: v.string(),
  lastUsed: FiniteSchema,
  parts: v.record(v.string(), FiniteSchema),
});
export type EpisodeRecord = v.InferOutput<typeof EpisodeRecordSchema>;

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

/** A map record under this key, for this lexicon set and scorer version. */
export function isMapRecord(value: unknown, expect: { key: string; lexiconHash: string; scorerVersion: string }): value is MapRecord {
  return (
    v.is(MapRecordSchema, value) &&
    value.key === expect.key &&
    value.lexiconHash === expect.lexiconHash &&
    value.scorerVersion === expect.scorerVersion &&
    value.map.scorerVersion === expect.scorerVersion
  );
}

export function isCuesRecord(value: unknown, key: string): value is CuesRecord {
  return v.is(CuesRecordSchema, value) && value.key === key;
}

export function isEpisodeRecord(value: unknown): value is EpisodeRecord {
  return v.is(EpisodeRecordSchema, value);
}
