import type { Lexicon } from './lexicon';
import aiOpportunity from './data/ai-opportunity.json';
import aiRisk from './data/ai-risk.json';
import governanceSafety from './data/governance-safety.json';
import lensEconomic from './data/lens-economic.json';
import lensGovernance from './data/lens-governance.json';
import lensSocietal from './data/lens-societal.json';
import lensTechnical from './data/lens-technical.json';
import societalHarm from './data/societal-harm.json';

/**
 * The lexicons that ship, imported statically so they bundle into the extension. Spectrum first, then
 * lens, in the order of DESIGN §9. A unit test validates every one with validateLexicon.
 */
export const BUILTIN_LEXICONS: readonly Lexicon[] = Object.freeze(
  [aiRisk, aiOpportunity, societalHarm, governanceSafety, lensTechnical, lensGovernance, lensSocietal, lensEconomic] as Lexicon[],
);

export { BUILTIN_LEXICON_IDS } from './builtin-lexicon-ids';
