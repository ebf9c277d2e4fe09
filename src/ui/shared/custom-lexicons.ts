/**
 * Importing, replacing and removing custom lexicons — pure settings → settings steps, so the options
 * page only renders. Imports are validated here (the background validates again on read).
 */
import type { Lexicon } from '../../lexicons/lexicon';
import type { Settings } from '../../settings/settings';
import lexiconCatalog from './lexicon-catalog';
import { ensureSpectrumEnabled } from './lexicon-selection';
import type { LexiconValidation } from './ui-deps';

export type ImportPlan =
  /** The file is not a valid lexicon: nothing changes. */
  | { kind: 'invalid'; errors: string[] }
  /** A new custom lexicon: add and enable it. */
  | { kind: 'add'; lexicon: Lexicon }
  /** Same id as an existing custom lexicon: replace it after the user confirms. */
  | { kind: 'replace'; lexicon: Lexicon; existing: Lexicon };

/** Decides what importing `text` (a JSON file's contents) would do, without doing it. */
export function planLexiconImport(text: string, settings: Settings, validate: (data: unknown) => LexiconValidation): ImportPlan {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { kind: 'invalid', errors: [`Not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const result = validate(data);
  if (!result.ok) return { kind: 'invalid', errors: result.errors.length > 0 ? result.errors : ['Not a valid lexicon.'] };
  // `validate` is validateCustomLexicon: the built-in-id rule is the schema's, shared with the worker and CLI.
  const { lexicon } = result;
  const existing = settings.customLexicons.find((c) => c.id === lexicon.id);
  return existing ? { kind: 'replace', lexicon, existing } : { kind: 'add', lexicon };
}

/** Adds (or replaces, keeping its position) a custom lexicon and enables it. */
export function addCustomLexicon(settings: Settings, lexicon: Lexicon): Settings {
  const index = settings.customLexicons.findIndex((c) => c.id === lexicon.id);
  const customLexicons =
    index === -1
      ? [...settings.customLexicons, lexicon]
      : settings.customLexicons.map((c, i) => (i === index ? lexicon : c));
  const enabledLexicons = settings.enabledLexicons.includes(lexicon.id)
    ? settings.enabledLexicons
    : [...settings.enabledLexicons, lexicon.id];
  return { ...settings, customLexicons, enabledLexicons };
}

/** Removes a custom lexicon; if it was the only enabled spectrum lexicon, the built-in ones come back on. */
export function removeCustomLexicon(settings: Settings, id: string, builtins: readonly Lexicon[]): Settings {
  const next: Settings = {
    ...settings,
    customLexicons: settings.customLexicons.filter((c) => c.id !== id),
    enabledLexicons: settings.enabledLexicons.filter((x) => x !== id),
  };
  return ensureSpectrumEnabled(next, lexiconCatalog(builtins, next.customLexicons));
}
