/**
 * The ids of the built-in lexicons (DESIGN §9 contract), without their data: settings defaults and the content
 * script need the ids, not ~100 kB of patterns. A unit test checks that BUILTIN_LEXICONS has exactly these ids.
 */
export const BUILTIN_LEXICON_IDS = [
  'ai-risk',
  'ai-opportunity',
  'societal-harm',
  'governance-safety',
  'lens-technical',
  'lens-governance',
  'lens-societal',
  'lens-economic',
] as const;

export type BuiltinLexiconId = (typeof BUILTIN_LEXICON_IDS)[number];

export function isBuiltinLexiconId(id: string): id is BuiltinLexiconId {
  return (BUILTIN_LEXICON_IDS as readonly string[]).includes(id);
}
