/**
 * The Settings type and its defaults. Pure (no storage access) so validators, the UI and tests can use it
 * without WXT; settings.ts re-exports everything here.
 */
import { BUILTIN_LEXICON_IDS } from '../lexicons/builtin-lexicon-ids';
import type { Lexicon } from '../lexicons/lexicon';

export type Palette = 'default' | 'colorblind';

export interface Settings {
  /** Ids of the enabled lexicons (built-in and custom). */
  enabledLexicons: string[];
  /** Custom lexicons imported by the user (validated on import and on read). */
  customLexicons: Lexicon[];
  /** Preferred caption language (BCP 47, e.g. `en`), or null for the browser's language. */
  preferredLanguage: string | null;
  palette: Palette;
  /** Thin clock-time strip inside the player's progress bar. */
  progressBarStrip: boolean;
  /** Panel collapsed to its headline line. */
  collapsed: boolean;
  /** The transcript drawer is open (closed by default; the user's last choice is kept). */
  transcriptOpen: boolean;
}

export { BUILTIN_LEXICON_IDS };

export function defaultSettings(): Settings {
  return {
    enabledLexicons: [...BUILTIN_LEXICON_IDS],
    customLexicons: [],
    preferredLanguage: null,
    palette: 'default',
    progressBarStrip: true,
    collapsed: false,
    transcriptOpen: false,
  };
}
