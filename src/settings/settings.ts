/**
 * User settings for the extension's own contexts (background, popup, options, library): the full `SettingsSchema`
 * over the one settings store (`stored-settings.ts`: a key per field, migrations, never a lost edit). Read them on
 * every request — the service worker may have been restarted, and the popup may have changed them. Small data only;
 * large data lives in IndexedDB. The watch page reads the same store with a narrower schema (page-settings.ts).
 */
import { browser } from 'wxt/browser';
import { SettingsFieldsSchema, normalizeSettings, type Settings } from './settings-schema';
import { createEditableSettings, SETTINGS_MIGRATIONS, SETTINGS_VERSION, type SettingsLocks, type SettingsStorage } from './stored-settings';

export { BUILTIN_LEXICON_IDS, defaultSettings, normalizeSettings } from './settings-schema';
export type { PaletteId, Settings } from './settings-schema';
export { SETTINGS_KEY, SETTINGS_META_KEY, SETTINGS_MIGRATIONS, SETTINGS_VERSION } from './stored-settings';
export { addStanceToFullBuiltinSet, V1_BUILTIN_LEXICON_IDS } from './settings-migrations';

/** The extension's pages and worker share one origin, so a Web Lock serialises their `edit`s (absent in tests). */
const locks = (): SettingsLocks | null => (globalThis.navigator as { locks?: SettingsLocks } | undefined)?.locks ?? null;

/** The store; parameters exist so a test can exercise the migration hook with a future step. */
export function defineSettingsItem(
  version: number = SETTINGS_VERSION,
  migrations: Record<number, (previous: unknown) => unknown> = SETTINGS_MIGRATIONS,
  storage: SettingsStorage = browser.storage as unknown as SettingsStorage,
) {
  const stored = createEditableSettings(storage, SettingsFieldsSchema, { version, migrations, locks: locks() });
  return {
    getValue: (): Promise<Settings> => stored.read(),
    /** Writes the fields of `settings` that differ from what is stored (normalised first). */
    setValue: async (settings: Settings): Promise<void> => void (await stored.edit(() => normalizeSettings(settings))),
    edit: (change: (current: Settings) => Settings | null): Promise<Settings | null> => stored.edit(change),
    watch: (callback: (settings: Settings) => void): (() => void) => stored.watch(callback),
  };
}

export type SettingsItem = ReturnType<typeof defineSettingsItem>;

export const settingsItem = defineSettingsItem();

/** The current settings, validated: missing / wrong-typed fields fall back to defaults. Never rejects. */
export function readSettings(item: Pick<SettingsItem, 'getValue'> = settingsItem): Promise<Settings> {
  return item.getValue();
}

/** Calls `callback` with the validated settings after every change (from any context). Returns unwatch. */
export function watchSettings(callback: (settings: Settings) => void, item: SettingsItem = settingsItem): () => void {
  return item.watch(callback);
}

/** Writes settings: only the fields that differ from what is stored, so another context's edit is kept. */
export function writeSettings(settings: Settings, item: SettingsItem = settingsItem): Promise<void> {
  return item.setValue(settings);
}

/** The settings as a store object (getValue / setValue / edit / watch), e.g. for the popup's and options page's deps. */
export const settingsStore = settingsItem;
