import type { Lexicon, LexiconEntry } from '../lexicons/lexicon';
import { defaultSettings, type Palette, type Settings } from './settings-defaults';

/**
 * Whatever was read from storage → a complete, well-typed Settings. Storage is user-writable (devtools, a
 * sync from an older build, a half-written value): each field that is missing or of the wrong type falls
 * back to its default, the rest is kept. Never throws. Pure (no storage access).
 */
export function normalizeSettings(raw: unknown): Settings {
  const defaults = defaultSettings();
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return defaults;
  const value = raw as Record<string, unknown>;
  return {
    enabledLexicons: Array.isArray(value.enabledLexicons)
      ? [...new Set(value.enabledLexicons.filter((id): id is string => typeof id === 'string' && id.length > 0))]
      : defaults.enabledLexicons,
    customLexicons: Array.isArray(value.customLexicons)
      ? value.customLexicons.filter(isLexiconShaped)
      : defaults.customLexicons,
    preferredLanguage:
      value.preferredLanguage === null || (typeof value.preferredLanguage === 'string' && value.preferredLanguage.length > 0)
        ? (value.preferredLanguage as string | null)
        : defaults.preferredLanguage,
    palette: isPalette(value.palette) ? value.palette : defaults.palette,
    progressBarStrip: typeof value.progressBarStrip === 'boolean' ? value.progressBarStrip : defaults.progressBarStrip,
    collapsed: typeof value.collapsed === 'boolean' ? value.collapsed : defaults.collapsed,
    transcriptOpen: typeof value.transcriptOpen === 'boolean' ? value.transcriptOpen : defaults.transcriptOpen,
  };
}

function isPalette(value: unknown): value is Palette {
  return value === 'default' || value === 'colorblind';
}

/**
 * Structural check only (custom lexicons are fully validated on import by the lexicon validator); a stored
 * lexicon that no longer has the shape the scorer relies on is dropped rather than crashing the scorer.
 */
function isLexiconShaped(value: unknown): value is Lexicon {
  if (typeof value !== 'object' || value === null) return false;
  const lex = value as Record<string, unknown>;
  return (
    typeof lex.id === 'string' &&
    lex.id.length > 0 &&
    typeof lex.name === 'string' &&
    typeof lex.version === 'string' &&
    typeof lex.description === 'string' &&
    (lex.kind === 'spectrum' || lex.kind === 'lens') &&
    Array.isArray(lex.entries) &&
    lex.entries.every(isEntryShaped)
  );
}

function isEntryShaped(value: unknown): value is LexiconEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return typeof entry.pattern === 'string' && typeof entry.weight === 'number' && Number.isFinite(entry.weight);
}
