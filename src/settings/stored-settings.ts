/**
 * The one reader and writer of the settings in `browser.storage.local`, for every context: the background, the
 * popup, the options and library pages (full `SettingsSchema`) and the watch page (its narrow schema, to keep the
 * content script small). No `wxt/utils/storage` (~2.9 KB gzip in the content script).
 *
 * Layout: one storage key per field, `settings.<field>` (e.g. `settings.palette`), under the legacy whole object
 * `settings` that earlier builds wrote (and that WXT's item kept, with its version in `settings$`). A field key wins
 * over the object's field. Every write sets only the fields it changes, so two contexts changing different fields
 * at once never overwrite each other: `storage.local.set` of distinct keys does not conflict, and nothing reads,
 * modifies and writes a shared value. `edit` (a change computed from the current value, e.g. adding a custom
 * lexicon) runs under a Web Lock where the context has one (the extension's own pages and worker share an origin);
 * the watch page only sets its own booleans, which needs no read: it opens the store with `createStoredSettings`
 * (read, write, watch), the other contexts with `createEditableSettings` (and `edit`), so `edit` stays out of the
 * content script's bundle.
 *
 * Versions: `settings$` = `{ v }` (WXT's meta key) is the version of what is stored. A reader migrates what it reads
 * from an older version in memory (`SETTINGS_MIGRATIONS[n]` turns a version n−1 value into a version n one), so no
 * context ever sees an unmigrated value; the first write after an upgrade writes every field and the new version.
 */
import * as v from 'valibot';
import { isPlainRecord } from '../schema/plain-record';
import { addStanceToFullBuiltinSet } from './settings-migrations';

/** The legacy whole-object key (WXT's `local:settings`), and WXT's meta key holding its version. */
export const SETTINGS_KEY = 'settings';
export const SETTINGS_META_KEY = 'settings$';
export const SETTINGS_VERSION = 2;

/** Step n turns a version n−1 value into a version n value. None yet: version 1 is the first shape. */
/** 2: `ai-stance` joins a stored set that had every v0.1 built-in on (settings-migrations.ts). */
export const SETTINGS_MIGRATIONS: Readonly<Record<number, (previous: unknown) => unknown>> = { 2: addStanceToFullBuiltinSet };

export const settingsFieldKey = (field: string) => `${SETTINGS_KEY}.${field}`;

/** The parts of `browser.storage` this needs (the real one and WXT's fake browser both fit). */
export interface SettingsStorage {
  /** `get(null)`: everything stored (read once, on the first write after an upgrade). */
  local: { get(keys: string[] | null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
  onChanged: {
    addListener(listener: (changes: Record<string, unknown>, area: string) => void): void;
    removeListener(listener: (changes: Record<string, unknown>, area: string) => void): void;
  };
}

/** `navigator.locks`, as far as `edit` uses it. */
export interface SettingsLocks {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

export interface StoredSettingsOptions {
  version?: number;
  migrations?: Readonly<Record<number, (previous: unknown) => unknown>>;
  locks?: SettingsLocks | null;
}

/** A settings schema: an object schema, its fields each with a fallback (so reading never fails). */
type ObjectSchema = v.ObjectSchema<v.ObjectEntries, undefined>;

const LOCK_NAME = 'perspective-map:settings';

/** Runs each migration step from `from` up to `to` (a failing step leaves the value as it was: readers normalise). */
export function migrateSettings(value: unknown, from: number, to: number, migrations: StoredSettingsOptions['migrations'] = SETTINGS_MIGRATIONS): unknown {
  let current = value;
  for (let step = from + 1; step <= to; step++) {
    const migrate = migrations?.[step];
    if (!migrate) continue;
    try {
      current = migrate(current);
    } catch (err) {
      console.warn(`[perspective-map] settings migration to version ${step} failed`, err);
    }
  }
  return current;
}

/** The stored settings as one record: the legacy whole object, each field key (`settings.<field>`) in `got` over it. */
function mergeStored(got: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = isPlainRecord(got[SETTINGS_KEY]) ? { ...got[SETTINGS_KEY] } : {};
  const prefix = settingsFieldKey('');
  for (const [key, value] of Object.entries(got)) if (key.startsWith(prefix) && value !== undefined) merged[key.slice(prefix.length)] = value;
  return merged;
}

/** What both stores share: the one reading, writing and watching of the settings keys. */
function openStore<S extends ObjectSchema>(storage: SettingsStorage, schema: S, options: StoredSettingsOptions) {
  type Value = v.InferOutput<S>;
  const version = options.version ?? SETTINGS_VERSION;
  const fields = Object.keys(schema.entries);
  const keys = [SETTINGS_KEY, SETTINGS_META_KEY, ...fields.map(settingsFieldKey)];
  const parse = (raw: unknown): Value => v.parse(schema, isPlainRecord(raw) ? raw : {});

  /** What is stored, merged (field keys over the legacy object) and migrated, with the version it was stored at. */
  const load = async (): Promise<{ value: Value; storedVersion: number; hasVersion: boolean }> => {
    const got = await storage.local.get(keys);
    const meta = got[SETTINGS_META_KEY];
    const hasVersion = isPlainRecord(meta) && typeof meta.v === 'number';
    // No version stored: a v0.1 object (WXT's item at version 1) if there is one, else a fresh install — nothing
    // to migrate, so its first writes set only their own fields, as at the current version (plus the version).
    const storedVersion = hasVersion ? (meta.v as number) : got[SETTINGS_KEY] !== undefined ? 1 : version;
    return { value: parse(migrateSettings(mergeStored(got), storedVersion, version, options.migrations)), storedVersion, hasVersion };
  };

  const read = async (): Promise<Value> => {
    try {
      return (await load()).value;
    } catch (err) {
      console.warn('[perspective-map] settings could not be read; using defaults', err);
      return parse(undefined);
    }
  };

  /**
   * Sets `changed` fields (all of them after an upgrade, with the new version). The version is also set with the
   * first write of a fresh install, so a later build knows which steps its fields still need.
   */
  const store = async (next: Value, changed: readonly string[], loaded: { storedVersion: number; hasVersion: boolean }): Promise<void> => {
    const upgrade = loaded.storedVersion < version;
    const items: Record<string, unknown> = upgrade ? await migratedOthers(loaded.storedVersion) : {};
    for (const field of upgrade ? fields : changed) items[settingsFieldKey(field)] = (next as Record<string, unknown>)[field];
    if (Object.keys(items).length > 0 && (upgrade || !loaded.hasVersion)) items[SETTINGS_META_KEY] = { v: version };
    if (Object.keys(items).length > 0) await storage.local.set(items);
  };

  /**
   * On an upgrade, every stored field this schema does not know (a narrow reader such as the watch page's), migrated:
   * the version written with them must be true of every field, or a full reader would skip steps its fields need.
   * Written as stored (the full schema's readers validate them); this schema's own fields are written by the caller.
   */
  const migratedOthers = async (storedVersion: number): Promise<Record<string, unknown>> => {
    const migrated = migrateSettings(mergeStored(await storage.local.get(null)), storedVersion, version, options.migrations);
    const items: Record<string, unknown> = {};
    if (isPlainRecord(migrated)) for (const [field, value] of Object.entries(migrated)) if (!fields.includes(field)) items[settingsFieldKey(field)] = value;
    return items;
  };

  const api = {
    /** The current settings, migrated and validated; never rejects (defaults when storage cannot be read). */
    read,
    /**
     * Sets these fields to these values, every other field untouched (no read of the others, so nothing to lose).
     * Values are checked by the schema first: a value readers would reject is never stored.
     */
    async write(patch: Partial<Value>): Promise<void> {
      const loaded = await load();
      const next = parse({ ...loaded.value, ...patch });
      await store(next, Object.keys(patch).filter((field) => fields.includes(field)), loaded);
    },
    /** Calls `callback` with the settings after every change to them (from any context). Returns unwatch. */
    watch(callback: (settings: Value) => void): () => void {
      const listener = (changes: Record<string, unknown>, area: string) => {
        if (area !== 'local' || !Object.keys(changes).some((key) => keys.includes(key))) return;
        void read().then(callback);
      };
      storage.onChanged.addListener(listener);
      return () => storage.onChanged.removeListener(listener);
    },
  };
  return { api, load, store, parse, fields };
}

/**
 * The settings as a context that only sets values reads and writes them (the watch page: its own booleans). No
 * `edit`, and no lock, in the content script's bundle.
 */
export function createStoredSettings<S extends ObjectSchema>(storage: SettingsStorage, schema: S, options: StoredSettingsOptions = {}) {
  return openStore(storage, schema, options).api;
}

/** The settings with `edit` too: a change computed from the current value (the background, the extension's pages). */
export function createEditableSettings<S extends ObjectSchema>(storage: SettingsStorage, schema: S, options: StoredSettingsOptions = {}) {
  type Value = v.InferOutput<S>;
  const { api, load, store, parse, fields } = openStore(storage, schema, options);
  const locked = <T>(work: () => Promise<T>): Promise<T> => (options.locks ? options.locks.request(LOCK_NAME, work) : work());
  return {
    ...api,
    /**
     * Applies `change` to the current settings and writes the fields it changed; `change` may return null to write
     * nothing. Under the settings lock where there is one, so two pages changing the same list do not lose an item.
     */
    edit(change: (current: Value) => Value | null): Promise<Value | null> {
      return locked(async () => {
        const loaded = await load();
        const { value } = loaded;
        const proposed = change(value);
        if (proposed === null) return null;
        const next = parse(proposed);
        const changed = fields.filter((field) => JSON.stringify((next as Record<string, unknown>)[field]) !== JSON.stringify((value as Record<string, unknown>)[field]));
        await store(next, changed, loaded);
        return next;
      });
    },
  };
}

export type StoredSettings<S extends ObjectSchema> = ReturnType<typeof createStoredSettings<S>>;
export type EditableSettings<S extends ObjectSchema> = ReturnType<typeof createEditableSettings<S>>;
