/**
 * The word tables the caption tokeniser applies. Captions have no reliable punctuation or case, ASR spells
 * acronyms out letter by letter and mis-hears domain terms; these tables fold such variants into the one form
 * lexicon patterns are written in (lower-case words, contractions expanded, no apostrophes).
 */

/** Hesitation sounds: not speech content, never counted as words. */
export const FILLERS: ReadonlySet<string> = new Set(['um', 'umm', 'uh', 'uhh', 'uhm', 'er', 'erm', 'hmm', 'hm', 'mm', 'mmm', 'mhm', 'ah', 'ahh']);

/** Contractions, with and without their apostrophe (ASR and hand-typed captions drop it). */
export const CONTRACTIONS: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    "won't": 'will not', wont: 'will not', "can't": 'can not', cant: 'can not', cannot: 'can not', "shan't": 'shall not',
    "ain't": 'is not', aint: 'is not', dont: 'do not', doesnt: 'does not', didnt: 'did not', isnt: 'is not',
    arent: 'are not', wasnt: 'was not', werent: 'were not', shouldnt: 'should not', couldnt: 'could not',
    wouldnt: 'would not', havent: 'have not', hasnt: 'has not', hadnt: 'had not', mustnt: 'must not', neednt: 'need not',
    "it's": 'it is', "that's": 'that is', "what's": 'what is', "there's": 'there is', "here's": 'here is',
    "he's": 'he is', "she's": 'she is', "who's": 'who is', "let's": 'let us', im: 'i am', youre: 'you are',
    theyre: 'they are', ive: 'i have', youve: 'you have', weve: 'we have', theyve: 'they have', youll: 'you will',
    theyll: 'they will', whats: 'what is', thats: 'that is', theres: 'there is',
  }).map(([from, to]) => [from, to.split(' ')]),
);

/** Clitics expanded when no whole-word entry above applies (`shouldn't` → `should not`). */
export const CLITICS: readonly (readonly [suffix: string, expansion: string | null])[] = [
  ["n't", 'not'],
  ["'re", 'are'],
  ["'ve", 'have'],
  ["'ll", 'will'],
  ["'d", 'would'],
  ["'m", 'am'],
  ["'s", null], // possessive (or an `is` no lexicon needs): dropped
];

/** Acronyms that ASR writes letter by letter (`a i`, `a g i`); a run of single letters is joined only into these. */
export const ACRONYMS: ReadonlySet<string> = new Set([
  'ai', 'agi', 'asi', 'ml', 'llm', 'gpt', 'rl', 'rlhf', 'nlp', 'gpu', 'tpu', 'cpu', 'api', 'ceo', 'eu', 'uk', 'usa',
  'un', 'nist', 'ubi', 'ui', 'ibm', 'nsa', 'fda', 'oecd',
]);

/**
 * Common mis-hearings and split spellings → the canonical form lexicons use. Applied to the token stream,
 * so they work across caption boundaries. Keep entries domain-generic (not names from one episode), and
 * never longer than what they replace (the tokeniser rewrites in place).
 */
export const ALIASES: readonly (readonly [from: string, to: string])[] = [
  ['x risk', 'existential risk'],
  ['x risks', 'existential risks'],
  ['ex risk', 'existential risk'],
  ['p doom', 'pdoom'],
  ['pee doom', 'pdoom'],
  ['deep mind', 'deepmind'],
  ['open ai', 'openai'],
  ['chat gpt', 'chatgpt'],
  ['chat gbt', 'chatgpt'],
  ['chad gpt', 'chatgpt'],
  ['and tropic', 'anthropic'],
  ['alpha fold', 'alphafold'],
  ['gen ai', 'generative ai'],
  ['mis alignment', 'misalignment'],
  ['miss alignment', 'misalignment'],
  ['mis aligned', 'misaligned'],
  ['miss aligned', 'misaligned'],
  ['un aligned', 'unaligned'],
  ['super intelligence', 'superintelligence'],
  ['super intelligent', 'superintelligent'],
  ['super intelligences', 'superintelligences'],
  ['bio weapon', 'bioweapon'],
  ['bio weapons', 'bioweapons'],
  ['cyber attack', 'cyberattack'],
  ['cyber attacks', 'cyberattacks'],
  ['cyber weapons', 'cyberweapons'],
  ['deep fake', 'deepfake'],
  ['deep fakes', 'deepfakes'],
  ['jail break', 'jailbreak'],
  ['jail breaks', 'jailbreaks'],
  ['jail breaking', 'jailbreaking'],
  ['red teeming', 'red teaming'],
  ['safe guards', 'safeguards'],
  ['safe guard', 'safeguard'],
  ['guard rails', 'guardrails'],
  ['guard rail', 'guardrail'],
  ['over sight', 'oversight'],
  ['paper clip', 'paperclip'],
  ['paper clips', 'paperclips'],
  ['interpret ability', 'interpretability'],
  ['corrigible ability', 'corrigibility'],
];
