/**
 * The settings as the watch-page content script reads, watches and writes them: straight from
 * `browser.storage.local`, without `wxt/utils/storage` (its item machinery — versions, migrations, meta,
 * deep equality — costs ~2.9 KB gzip in a content script whose budget is 45 KB; DESIGN §5), and with a schema of
 * only what the page uses (the full one checks custom lexicons entry by entry: the background's job).
 *
 * Same stored item as `settings.ts`'s WXT item (`local:settings` is the key `settings` in `storage.local`; a missing
 * value reads as the defaults). The page reads the display fields and the language validated exactly as
 * `SettingsSchema` does, and the lexicon lists only to notice that they changed (it never scores). A write changes
 * its own field in the stored object and leaves every other field as it was (readers normalise on read).
 * Migrations stay with the WXT item, which the background, popup and options page define.
 */
import * as v from 'valibot';
import { LanguageCodeSchema } from '../captions/caption-track';
import { PaletteIdSchema } from './palette-id';
import type { Settings } from './settings-schema';

/** The storage key behind WXT's `local:settings` item (settings.ts SETTINGS_KEY). */
export const PAGE_SETTINGS_KEY = 'settings';

const PageSettingsSchema = v.pipe(
  v.fallback(v.looseObject({}), {}),
  v.object({
    /** Compared only (a change re-scores through the background, which validates them). */
    enabledLexicons: v.fallback(v.array(v.unknown()), []),
    customLexicons: v.fallback(v.array(v.unknown()), []),
    preferredLanguage: v.fallback(v.nullable(LanguageCodeSchema), null),
    palette: v.fallback(PaletteIdSchema, 'default'),
    progressBarStrip: v.fallback(v.boolean(), true),
    collapsed: v.fallback(v.boolean(), false),
    transcriptOpen: v.fallback(v.boolean(), false),
  }),
);
/** What the page knows of the settings; a full `Settings` is one. */
export type PageSettings = v.InferOutput<typeof PageSettingsSchema>;
/** The fields the page writes. */
export type PageSettingsPatch = Partial<Pick<Settings, 'collapsed' | 'transcriptOpen'>>;

export function normalizePageSettings(raw: unknown): PageSettings {
  return v.parse(PageSettingsSchema, raw);
}

/** The parts of `browser.storage` this needs (the real one and WXT's fake browser both fit). */
export interface PageSettingsStorage {
  local: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
  onChanged: {
    addListener(listener: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
    removeListener(listener: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
  };
}

export function createPageSettings(storage: PageSettingsStorage) {
  const stored = async (): Promise<unknown> => (await storage.local.get(PAGE_SETTINGS_KEY))[PAGE_SETTINGS_KEY];
  return {
    /** The current settings, validated; never rejects (defaults when storage cannot be read). */
    async read(): Promise<PageSettings> {
      try {
        return normalizePageSettings(await stored());
      } catch (err) {
        console.warn('[perspective-map] settings could not be read; using defaults', err);
        return normalizePageSettings(undefined);
      }
    },
    /** Sets the page's own fields in the stored settings, every other field kept as stored. */
    async update(patch: PageSettingsPatch): Promise<void> {
      const current = await stored();
      const base = current && typeof current === 'object' && !Array.isArray(current) ? current : {};
      await storage.local.set({ [PAGE_SETTINGS_KEY]: { ...base, ...patch } });
    },
    /** Calls `callback` with the validated settings after every change (from any context). Returns unwatch. */
    watch(callback: (settings: PageSettings) => void): () => void {
      const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        const change = changes[PAGE_SETTINGS_KEY];
        if (area === 'local' && change) callback(normalizePageSettings(change.newValue));
      };
      storage.onChanged.addListener(listener);
      return () => storage.onChanged.removeListener(listener);
    },
  };
}
