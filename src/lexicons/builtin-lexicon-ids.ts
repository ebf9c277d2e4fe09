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
  'ai-stance',
] as const;

export type BuiltinLexiconId = (typeof BUILTIN_LEXICON_IDS)[number];

export function isBuiltinLexiconId(id: string): id is BuiltinLexiconId {
  return (BUILTIN_LEXICON_IDS as readonly string[]).includes(id);
}

/**
 * The lexicons a new user has switched on, chosen by the cross-validated figures of the training report
 * (src/lexicons/stance-passages/TRAINING-REPORT.md): episode Spearman 0.71 for the learned `ai-stance` with the
 * hand-made spectrum lexicons, 0.40 for the hand-made ones alone, 0.46 for `ai-stance` alone; held-out passage
 * macro-F1 0.46 with the hand-made ones, 0.38 without — so all nine. The
 * hand-made spectrum lexicons measure how much risk, opportunity, harm or governance *vocabulary* is spoken;
 * `ai-stance` weighs words by the side labelled passages took.
 */
export const DEFAULT_ENABLED_LEXICON_IDS: readonly BuiltinLexiconId[] = [...BUILTIN_LEXICON_IDS];
