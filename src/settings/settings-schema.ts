/**
 * The settings as a schema: the Settings type is inferred from it, and reading is parsing. Storage is user-writable
 * (devtools, a sync from an older build, a half-written value), so each field that is missing or of the wrong type
 * falls back to its default on its own and the rest is kept — a bad `palette` never costs the user their custom
 * lexicons. Inside lists, bad items are dropped and good ones kept. Pure (no storage access), never throws.
 */
import * as v from 'valibot';
import { LanguageCodeSchema } from '../captions/caption-track';
import { BUILTIN_LEXICON_IDS, DEFAULT_ENABLED_LEXICON_IDS } from '../lexicons/builtin-lexicon-ids';
import { CustomLexiconSchema, LexiconIdSchema, type Lexicon } from '../lexicons/lexicon';
import { PaletteIdSchema } from './palette-id';
import { defaultLibrarySettings, librarySettingsSchema } from '../library/library-schema';

export { BUILTIN_LEXICON_IDS };

export { PaletteIdSchema, type PaletteId } from './palette-id';

/** A list whose items are checked one by one: an invalid item is dropped, never the whole list. */
function listOf<T>(item: v.GenericSchema<unknown, T>, unique: (value: T) => string) {
  return v.pipe(
    v.array(v.unknown()),
    v.transform((items) => {
      const seen = new Set<string>();
      const kept: T[] = [];
      for (const raw of items) {
        const parsed = v.safeParse(item, raw);
        if (!parsed.success || seen.has(unique(parsed.output))) continue;
        seen.add(unique(parsed.output));
        kept.push(parsed.output);
      }
      return kept;
    }),
  );
}

/** The fields, each with its fallback (one storage key each: stored-settings.ts). */
export const SettingsFieldsSchema = v.object({
  /** Ids of the enabled lexicons (built-in and custom), each once. */
  enabledLexicons: v.fallback(listOf(LexiconIdSchema, (id) => id), (): string[] => [...DEFAULT_ENABLED_LEXICON_IDS]),
  /**
   * Custom lexicons imported by the user: the same rule as on import (a full lexicon, not a built-in's id);
   * a later duplicate id is dropped.
   */
  customLexicons: v.fallback(listOf(CustomLexiconSchema, (lexicon) => lexicon.id), (): Lexicon[] => []),
  /** Preferred caption language (BCP 47, e.g. `en`), or null for the browser's language. */
  preferredLanguage: v.fallback(v.nullable(LanguageCodeSchema), null),
  palette: v.fallback(PaletteIdSchema, 'default'),
  /** Thin clock-time strip inside the player's progress bar. */
  progressBarStrip: v.fallback(v.boolean(), true),
  /** Panel collapsed to its headline line. */
  collapsed: v.fallback(v.boolean(), false),
  /** The transcript drawer is open (closed by default; the user's last choice is kept). */
  transcriptOpen: v.fallback(v.boolean(), false),
  /**
   * The episode library: recording on/paused and the optional retention limits (src/library), field by field —
   * a bad retention number falls back to "no limit", never the recording switch with it.
   */
  library: v.fallback(
    v.pipe(
      v.fallback(v.looseObject({}), {}),
      v.object({
        recording: v.fallback(librarySettingsSchema.entries.recording, true),
        keepEpisodes: v.fallback(librarySettingsSchema.entries.keepEpisodes, null),
        keepDays: v.fallback(librarySettingsSchema.entries.keepDays, null),
      }),
    ),
    defaultLibrarySettings,
  ),
});

export const SettingsSchema = v.pipe(
  // Not an object at all (null, a string, a list): every field takes its default.
  v.fallback(v.looseObject({}), {}),
  SettingsFieldsSchema,
);
export type Settings = v.InferOutput<typeof SettingsSchema>;

/** Whatever was read from storage → a complete, valid Settings (see the schema). Never throws. */
export function normalizeSettings(raw: unknown): Settings {
  return v.parse(SettingsSchema, raw);
}

export function defaultSettings(): Settings {
  return normalizeSettings(undefined);
}
