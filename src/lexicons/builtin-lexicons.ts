import { DEFAULT_ENABLED_LEXICON_IDS } from './builtin-lexicon-ids';
import type { Lexicon } from './lexicon';
import aiOpportunity from './data/ai-opportunity.json';
import aiRisk from './data/ai-risk.json';
import aiStance from './data/ai-stance.json';
import governanceSafety from './data/governance-safety.json';
import lensEconomic from './data/lens-economic.json';
import lensGovernance from './data/lens-governance.json';
import lensSocietal from './data/lens-societal.json';
import lensTechnical from './data/lens-technical.json';
import societalHarm from './data/societal-harm.json';

/**
 * The lexicons that ship, imported statically so they bundle into the extension: the eight of DESIGN §9
 * (spectrum, then lens), then the learned `ai-stance` (§9.1). A unit test validates every one with validateLexicon.
 */
export const BUILTIN_LEXICONS: readonly Lexicon[] = Object.freeze(
  [aiRisk, aiOpportunity, societalHarm, governanceSafety, lensTechnical, lensGovernance, lensSocietal, lensEconomic, aiStance] as Lexicon[],
);

/** The lexicons a new user scores with (DEFAULT_ENABLED_LEXICON_IDS), in that order: what the CLI uses without --lexicons. */
export const DEFAULT_LEXICONS: readonly Lexicon[] = Object.freeze(
  DEFAULT_ENABLED_LEXICON_IDS.map((id) => BUILTIN_LEXICONS.find((l) => l.id === id) as Lexicon),
);

export { BUILTIN_LEXICON_IDS, DEFAULT_ENABLED_LEXICON_IDS } from './builtin-lexicon-ids';
