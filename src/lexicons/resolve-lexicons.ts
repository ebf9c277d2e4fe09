import { isBuiltinLexiconId } from './builtin-lexicon-ids';
import { BUILTIN_LEXICONS } from './builtin-lexicons';
import type { Lexicon } from './lexicon';

/**
 * The enabled ids → the lexicons to score with, in the order given. A custom lexicon never takes a built-in's
 * id (the rule of CustomLexiconSchema, the same the options page and the CLI apply on import): such a one is
 * ignored and the built-in is used. Ids found nowhere are reported, not thrown, so a stale setting never breaks
 * scoring.
 */
export function resolveLexicons(enabledIds: string[], custom: Lexicon[]): { lexicons: Lexicon[]; unknown: string[] } {
  const byId = new Map<string, Lexicon>();
  for (const lexicon of BUILTIN_LEXICONS) byId.set(lexicon.id, lexicon);
  for (const lexicon of custom) if (!isBuiltinLexiconId(lexicon.id)) byId.set(lexicon.id, lexicon);
  const lexicons: Lexicon[] = [];
  const unknown: string[] = [];
  const seen = new Set<string>();
  for (const id of enabledIds) {
    if (seen.has(id)) continue;
    seen.add(id);
    const lexicon = byId.get(id);
    if (lexicon) lexicons.push(lexicon);
    else unknown.push(id);
  }
  return { lexicons, unknown };
}
