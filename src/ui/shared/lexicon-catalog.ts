/**
 * The lexicons the user can choose from: built-in first, then custom ones. A custom lexicon can never
 * shadow a built-in id (import rejects it; a stale stored one is ignored here), so ids are unique.
 */
import type { Lexicon, LexiconKind } from '../../lexicons/lexicon';

export interface CatalogEntry {
  lexicon: Lexicon;
  builtin: boolean;
}

export default function lexiconCatalog(builtins: readonly Lexicon[], custom: readonly Lexicon[]): CatalogEntry[] {
  const builtinIds = new Set(builtins.map((l) => l.id));
  const seen = new Set<string>();
  const entries: CatalogEntry[] = [];
  for (const lexicon of builtins) {
    seen.add(lexicon.id);
    entries.push({ lexicon, builtin: true });
  }
  for (const lexicon of custom) {
    if (builtinIds.has(lexicon.id) || seen.has(lexicon.id)) continue;
    seen.add(lexicon.id);
    entries.push({ lexicon, builtin: false });
  }
  return entries;
}

export function catalogOfKind(catalog: readonly CatalogEntry[], kind: LexiconKind): CatalogEntry[] {
  return catalog.filter((e) => e.lexicon.kind === kind);
}
