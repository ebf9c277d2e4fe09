/**
 * The settings' migration steps: `SETTINGS_MIGRATIONS[n]` turns a version n−1 value into a version n value. Each
 * receives whatever was stored (the legacy object with the field keys merged over it), so it treats it as unknown
 * and passes through what it does not change; the schema reads the rest. Pure, and small: the watch page's reader
 * (page-settings.ts) runs the same steps.
 */
import { BUILTIN_LEXICON_IDS } from '../lexicons/builtin-lexicon-ids';

/**
 * The enabled set every v0.1 user started with: the first eight built-in ids (`ai-stance` came ninth; ids are only
 * ever appended, DESIGN §9).
 */
export const V1_BUILTIN_LEXICON_IDS: readonly string[] = BUILTIN_LEXICON_IDS.slice(0, 8);

/**
 * Version 2 added the learned `ai-stance` lexicon to the default set. A stored set that had every v0.1 built-in on
 * (in any order, with or without custom lexicons besides) meant "all built-ins": it gets `ai-stance` too, once. A
 * set with any built-in switched off was a deliberate selection from a menu that had no `ai-stance`: it is kept as
 * it is (the popup offers the new switch with its description).
 */
export function addStanceToFullBuiltinSet(previous: unknown): unknown {
  if (typeof previous !== 'object' || previous === null) return previous;
  const enabled = (previous as { enabledLexicons?: unknown }).enabledLexicons;
  if (!Array.isArray(enabled) || enabled.includes('ai-stance')) return previous;
  if (!V1_BUILTIN_LEXICON_IDS.every((id) => enabled.includes(id))) return previous;
  return { ...previous, enabledLexicons: [...enabled, 'ai-stance'] };
}
