import type { Lexicon } from '../lexicons/lexicon';

/**
 * The AI topic word list: scorer data, versioned by SCORER_VERSION (changing it changes maps). A term is a
 * word or a phrase of up to three words in the tokeniser's normal form; a word may end in `*` (a prefix of at
 * least 3 letters). Each occurrence is one AI mention. Terms are chosen to name AI in *any* talk about it —
 * the field, its methods, its systems and labs, robots, and common ASR spellings — and to be rare outside it:
 * `model`, `training`, `network` or `learning` alone are not here (fashion models, strength training, TV
 * networks), nor names that are also ordinary words or people (`bard`, `llama`, `watson`); `language model`,
 * `training data` and `neural network` are.
 */
export const AI_TOPIC_TERMS: readonly string[] = [
  // the field and its names
  'ai', 'ais', 'agi', 'asi', 'artificial intelligence', 'artificial general intelligence', 'machine intelligence',
  'artificial minds', 'intelligent machine*', 'thinking machine*', 'superintelligen*', 'superhuman ai',
  'machine learning', 'deep learning', 'reinforcement learning',
  'self supervised', 'supervised', 'unsupervised', 'computer vision', 'natural language processing', 'nlp', 'ml', 'rlhf', 'llm', 'llms',
  'general ai', 'strong ai', 'narrow ai',
  // methods and parts
  'neural net*', 'deep net*', 'deep neural', 'language model*', 'foundation model*',
  'generative model*', 'frontier model*', 'diffusion model*', 'model weights', 'transformer model*',
  'backprop*', 'gradient descent', 'training data', 'training set', 'training run*', 'finetun*', 'pretrain*',
  'pre trained', 'pre training', 'datasets', 'dataset', 'convolutional', 'recurrent neural', 'lstm*', 'gpu', 'gpus',
  'tpu', 'tpus', 'compute budget', 'scaling laws', 'reward function*', 'objective function*', 'loss function*',
  'activations', 'next token', 'learning rate*', 'weight decay', 'logit*', 'test accuracy', 'training loss', 'test loss',
  'data set', 'data sets', 'catastrophic forgetting', 'local minim*', 'parameter space', 'overfit*', 'hidden layer*',
  'attention head*', 'embeddings', 'tokenizer*', 'softmax', 'transformer', 'transformers', 'linear probe*',
  // safety and risk vocabulary that only AI talk uses
  'alignment', 'misalign*', 'unaligned', 'ai safety', 'ai risk*', 'pdoom', 'doomer*', 'singularity',
  'intelligence explosion', 'corrigib*', 'interpretability', 'jailbreak*', 'red teaming', 'deepfake*',
  // systems, products and labs
  'gpt*', 'chatgpt', 'chatbot*', 'openai', 'deepmind', 'anthropic', 'alphago', 'alphazero', 'alphafold', 'alphastar',
  'alpha go', 'alpha zero', 'alpha fold', 'alpha star', 'siri', 'alexa', 'copilot', 'midjourney', 'dall e',
  'stable diffusion', 'imagenet', 'alexnet', 'deep blue', 'nvidia', 'hugging face', 'self driving', 'autopilot',
  'autonomous vehicle*', 'autonomous car*', 'autonomous weapon*', 'autonomous system*', 'autonomous driving', 'waymo',
  // robots, algorithms and automation
  'robot*', 'humanoid*', 'automation', 'automate*', 'algorithm*', 'computer scien*', 'turing test',
  // common ASR spellings not already folded by the tokeniser's aliases (`a i`, `open ai`, `deep mind`, `chat gpt`)
  'chat gbt', 'chad gpt', 'neuro net*',
];

/**
 * Words that name AI's material in AI talk but also occur elsewhere (climate models, war machines): each
 * counts as WEAK_MENTION of a mention, so they tip a technical talk that says "the model" a hundred times onto
 * the topic but cannot by themselves carry a talk that uses them in passing.
 */
export const AI_TOPIC_WEAK_TERMS: readonly string[] = ['model', 'models', 'computer', 'computers', 'machines', 'software'];
export const WEAK_MENTION = 0.5;

/**
 * The topic terms as a lexicon (weight = what one occurrence counts: 1, or WEAK_MENTION), so the scorer's one
 * compiled trie matches them in their own channel in the same walk as the stance lexicons. Not a user lexicon:
 * it is not toggled and not part of the lexicon hash (it is scorer data, versioned by SCORER_VERSION).
 */
export const AI_TOPIC_LEXICON: Lexicon = {
  id: 'ai-topic',
  name: 'AI topic terms',
  version: 'scorer',
  description: 'AI mentions for the topic gate',
  kind: 'spectrum',
  entries: [...AI_TOPIC_TERMS.map((pattern) => ({ pattern, weight: 1 })), ...AI_TOPIC_WEAK_TERMS.map((pattern) => ({ pattern, weight: WEAK_MENTION }))],
};
