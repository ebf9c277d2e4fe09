/**
 * User settings: one versioned item in `browser.storage.local` (small data only; large data lives in IndexedDB).
 * Read it on every request — the service worker may have been restarted, and the popup may have changed it.
 * CONTRACT: popup/options write it, the background and content scripts read and watch it.
 *
 * Versioning: the item is at SETTINGS_VERSION (2; step 2 adds `ai-stance` to a set that had every built-in on). WXT stores the version next to the value (`settings$`)
 * and, when an item is defined at a higher version, runs SETTINGS_MIGRATIONS[n] for each step up before
 * any read. To change the shape: bump SETTINGS_VERSION, add `SETTINGS_MIGRATIONS[n] = (previous) => next`
 * (it receives whatever was stored, so treat it as unknown), and extend SettingsSchema. A failed or
 * downgraded migration is logged by WXT, and readSettings() still answers: normalizeSettings merges whatever
 * is readable with the defaults, so a corrupt or partial value never crashes a reader.
 */
import { storage } from 'wxt/utils/storage';
import { defaultSettings, normalizeSettings, type Settings } from './settings-schema';

export { BUILTIN_LEXICON_IDS, defaultSettings, normalizeSettings } from './settings-schema';
export type { PaletteId, Settings } from './settings-schema';

export const SETTINGS_KEY = 'local:settings' as const;
export const SETTINGS_VERSION = 2;

/** The enabled set every v0.1 user started with: each built-in lexicon there was before `ai-stance`. */
export const V1_BUILTIN_LEXICON_IDS: readonly string[] = [
  'ai-risk',
  'ai-opportunity',
  'societal-harm',
  'governance-safety',
  'lens-technical',
  'lens-governance',
  'lens-societal',
  'lens-economic',
];

/**
 * Version 2 added the learned `ai-stance` lexicon to the default set. A stored set that had every v0.1 built-in on
 * (in any order, with or without custom lexicons besides) meant "all built-ins": it gets `ai-stance` too, once. A
 * set with any built-in switched off was a deliberate selection from a menu that had no `ai-stance`: it is kept as
 * it is (the popup offers the new switch with its description). Whatever else was stored is passed through for
 * the schema to read.
 */
export function addStanceToFullBuiltinSet(previous: unknown): unknown {
  if (typeof previous !== 'object' || previous === null) return previous;
  const enabled = (previous as { enabledLexicons?: unknown }).enabledLexicons;
  if (!Array.isArray(enabled) || enabled.includes('ai-stance')) return previous;
  if (!V1_BUILTIN_LEXICON_IDS.every((id) => enabled.includes(id))) return previous;
  return { ...previous, enabledLexicons: [...enabled, 'ai-stance'] };
}

/** Step n turns a version n−1 value into a version n value. */
export const SETTINGS_MIGRATIONS: Record<number, (previous: unknown) => unknown> = { 2: addStanceToFullBuiltinSet };

export type SettingsItem = ReturnType<typeof defineSettingsItem>;

/** The storage item definition; parameters exist so a test can exercise the migration hook with a future step. */
export function defineSettingsItem(
  version: number = SETTINGS_VERSION,
  migrations: Record<number, (previous: unknown) => unknown> = SETTINGS_MIGRATIONS,
) {
  return storage.defineItem<Settings>(SETTINGS_KEY, {
    fallback: defaultSettings(),
    version,
    migrations,
  });
}

export const settingsItem = defineSettingsItem();

/** The current settings, validated: missing / wrong-typed fields fall back to defaults. Never rejects. */
export async function readSettings(item: SettingsItem = settingsItem): Promise<Settings> {
  try {
    return normalizeSettings(await item.getValue());
  } catch (err) {
    console.warn('[perspective-map] settings could not be read; using defaults', err);
    return defaultSettings();
  }
}

/** Calls `callback` with the validated settings after every change (from any context). Returns unwatch. */
export function watchSettings(callback: (settings: Settings) => void, item: SettingsItem = settingsItem): () => void {
  return item.watch((value) => callback(normalizeSettings(value)));
}

/** Writes settings (normalised first, so a caller can't store a shape readers would reject). */
export async function writeSettings(settings: Settings, item: SettingsItem = settingsItem): Promise<void> {
  await item.setValue(normalizeSettings(settings));
}

/** The settings as a store object (getValue / setValue / watch), e.g. for the popup's and options page's deps. */
export const settingsStore = {
  getValue: (): Promise<Settings> => readSettings(),
  setValue: (value: Settings): Promise<void> => writeSettings(value),
  watch: (callback: (value: Settings) => void): (() => void) => watchSettings(callback),
};
