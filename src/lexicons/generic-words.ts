/**
 * Generic praise and complaint: not a stance on AI, so never a spectrum pattern, hand-made or learned
 * (a unit test holds every built-in spectrum lexicon to this list, and the stance training never offers
 * these words as candidates).
 */
export const GENERIC_SENTIMENT_WORDS: readonly string[] = [
  'great', 'love', 'terrible', 'good', 'bad', 'amazing', 'awesome', 'excellent', 'awful', 'happy', 'sad', 'nice',
  'wonderful', 'horrible', 'hate', 'best', 'worst', 'cool', 'fantastic', 'hope', 'excited',
];
