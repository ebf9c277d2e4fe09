/**
 * The scorer's version. The cache keys on it (with the lexicon-set hash), so bump it whenever the same cues
 * and lexicons would produce a different PerspectiveMap: tokenisation, matching, modifiers, slicing, maths.
 */
export const SCORER_VERSION = '2.2.0';
