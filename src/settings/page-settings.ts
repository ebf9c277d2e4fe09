/**
 * The settings as the watch-page content script reads, watches and writes them: the one settings store
 * (`stored-settings.ts`: a key per field, migrations) with a schema of only what the page uses. The full schema
 * checks custom lexicons entry by entry (the background's job) and would weigh on the content script's budget.
 *
 * The display fields and the language are validated exactly as `SettingsSchema` does (the same field schemas and
 * fallbacks); the lexicon lists are read only to notice that they changed (the page never scores). The page writes
 * only its own two fields (`collapsed`, `transcriptOpen`), each to its own key, so another context's edit is kept.
 */
import * as v from 'valibot';
import { LanguageCodeSchema } from '../captions/caption-track';
import { PaletteIdSchema } from './palette-id';
import type { Settings } from './settings-schema';
import { createStoredSettings, type SettingsStorage, type StoredSettingsOptions } from './stored-settings';

const PageSettingsSchema = v.object({
  /** Compared only (a change re-scores through the background, which validates them). */
  enabledLexicons: v.fallback(v.array(v.unknown()), []),
  customLexicons: v.fallback(v.array(v.unknown()), []),
  preferredLanguage: v.fallback(v.nullable(LanguageCodeSchema), null),
  palette: v.fallback(PaletteIdSchema, 'default'),
  progressBarStrip: v.fallback(v.boolean(), true),
  collapsed: v.fallback(v.boolean(), false),
  transcriptOpen: v.fallback(v.boolean(), false),
});
/** What the page knows of the settings; a full `Settings` is one. */
export type PageSettings = v.InferOutput<typeof PageSettingsSchema>;
/** The fields the page writes. */
export type PageSettingsPatch = Partial<Pick<Settings, 'collapsed' | 'transcriptOpen'>>;

export type PageSettingsStorage = SettingsStorage;

/** `options` (version, migrations) are the store's defaults; a test passes a future step to see the page migrate. */
export function createPageSettings(storage: PageSettingsStorage, options: StoredSettingsOptions = {}) {
  const stored = createStoredSettings(storage, PageSettingsSchema, options);
  return {
    /** The current settings, migrated and validated; never rejects (defaults when storage cannot be read). */
    read: stored.read,
    /** Sets the page's own fields, each under its own key; no other field is written. */
    update: (patch: PageSettingsPatch): Promise<void> => stored.write(patch),
    /** Calls `callback` with the validated settings after every change (from any context). Returns unwatch. */
    watch: stored.watch,
  };
}
