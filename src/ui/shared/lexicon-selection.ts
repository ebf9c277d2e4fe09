/**
 * Which lexicons are enabled, as pure settings → settings functions. The one rule: at least one
 * spectrum lexicon stays enabled — without one every slice scores 0 and the map says nothing.
 */
import { DEFAULT_ENABLED_LEXICON_IDS } from '../../lexicons/builtin-lexicon-ids';
import type { Settings } from '../../settings/settings';
import type { Lexicon } from '../../lexicons/lexicon';
import lexiconCatalog, { type CatalogEntry } from './lexicon-catalog';

export const LAST_SPECTRUM_REASON = 'At least one spectrum lexicon must stay on: without one, every part of the video scores 0.';

export type SelectionResult = { ok: true; settings: Settings } | { ok: false; reason: string };

/** Enabled spectrum lexicon ids that actually exist in the catalog (stale ids in storage don't count). */
export function enabledSpectrumIds(settings: Settings, catalog: readonly CatalogEntry[]): string[] {
  const enabled = new Set(settings.enabledLexicons);
  return catalog.filter((e) => e.lexicon.kind === 'spectrum' && enabled.has(e.lexicon.id)).map((e) => e.lexicon.id);
}

/** True when `id` is the only enabled spectrum lexicon, so its toggle must stay on. */
export function isLastSpectrum(settings: Settings, catalog: readonly CatalogEntry[], id: string): boolean {
  const ids = enabledSpectrumIds(settings, catalog);
  return ids.length === 1 && ids[0] === id;
}

export default function setLexiconEnabled(
  settings: Settings,
  catalog: readonly CatalogEntry[],
  id: string,
  enabled: boolean,
): SelectionResult {
  if (!catalog.some((e) => e.lexicon.id === id)) return { ok: false, reason: `Unknown lexicon "${id}".` };
  if (!enabled && isLastSpectrum(settings, catalog, id)) return { ok: false, reason: LAST_SPECTRUM_REASON };
  const others = settings.enabledLexicons.filter((x) => x !== id);
  return { ok: true, settings: { ...settings, enabledLexicons: enabled ? [...others, id] : others } };
}

/**
 * Re-enables the built-in spectrum lexicons when no spectrum lexicon is left enabled (e.g. after the
 * user removed the only enabled custom one). Returns the settings unchanged otherwise.
 */
export function ensureSpectrumEnabled(settings: Settings, catalog: readonly CatalogEntry[]): Settings {
  if (enabledSpectrumIds(settings, catalog).length > 0) return settings;
  // The default spectrum lexicons, not every built-in one: the hand-made vocabulary lexicons are opt-in toggles.
  const builtinSpectrum = catalog
    .filter((e) => e.builtin && e.lexicon.kind === 'spectrum' && (DEFAULT_ENABLED_LEXICON_IDS as readonly string[]).includes(e.lexicon.id))
    .map((e) => e.lexicon.id);
  const enabled = new Set([...settings.enabledLexicons, ...builtinSpectrum]);
  return { ...settings, enabledLexicons: [...enabled] };
}

/**
 * Turns one lexicon on or off through a settings `update` (which starts from the stored value), for the popup
 * and the options page alike. Answers the refusal reason, or '' when the change was written.
 */
export async function toggleLexicon(
  update: (change: (current: Settings) => Settings | null) => Promise<Settings | null>,
  builtins: readonly Lexicon[],
  id: string,
  enabled: boolean,
): Promise<string> {
  let refused = '';
  await update((current) => {
    const result = setLexiconEnabled(current, lexiconCatalog(builtins, current.customLexicons), id, enabled);
    if (result.ok) return result.settings;
    refused = result.reason;
    return null;
  });
  return refused;
}
