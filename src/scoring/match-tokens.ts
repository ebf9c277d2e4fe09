import type { CompiledMatcher, MatchedEntry, TrieNode } from './compile-matcher';

/** Tokens [start, end) matched one pattern; `entries` holds one entry per lexicon that has that pattern. */
export interface TermMatch {
  start: number;
  end: number;
  entries: MatchedEntry[];
}

export interface Matches {
  spectrum: TermMatch[];
  lens: TermMatch[];
}

/**
 * Leftmost-longest matching over the token stream: at each position the longest pattern wins and consumes
 * its tokens (`existential risk` is not also `risk`). Spectrum and lens patterns are resolved independently
 * in the same walk, so a lens phrase never hides a stance word or the reverse. When several lexicons hold a
 * pattern of the winning length, each lexicon contributes once (an exact word beats a wildcard).
 */
export function matchTokens(tokens: readonly string[], matcher: CompiledMatcher): Matches {
  const spectrum: TermMatch[] = [];
  const lens: TermMatch[] = [];
  // Root-level wildcard lookups dominate; a per-call memo by word keeps them O(1) after the first sight.
  const rootStems = new Map<string, TrieNode[]>();
  const root = matcher.root;
  let spectrumFree = 0;
  let lensFree = 0;
  let start = 0;
  let bestSpectrum: MatchedEntry[] = [];
  let bestSpectrumLength = 0;
  let bestLens: MatchedEntry[] = [];
  let bestLensLength = 0;

  const consider = (node: TrieNode, depth: number): void => {
    if (node.spectrum.length > 0) {
      if (depth > bestSpectrumLength) {
        bestSpectrumLength = depth;
        bestSpectrum = node.spectrum.slice();
      } else if (depth === bestSpectrumLength) merge(bestSpectrum, node.spectrum);
    }
    if (node.lens.length > 0) {
      if (depth > bestLensLength) {
        bestLensLength = depth;
        bestLens = node.lens.slice();
      } else if (depth === bestLensLength) merge(bestLens, node.lens);
    }
  };

  const walk = (node: TrieNode, depth: number): void => {
    consider(node, depth);
    const word = tokens[start + depth];
    if (word === undefined) return;
    const next = node.exact.get(word);
    if (next) walk(next, depth + 1);
    for (const [stem, stemNode] of node.stems) if (word.startsWith(stem)) walk(stemNode, depth + 1);
  };

  for (start = 0; start < tokens.length; start++) {
    if (start < spectrumFree && start < lensFree) continue;
    const word = tokens[start] as string;
    bestSpectrumLength = 0;
    bestLensLength = 0;
    const next = root.exact.get(word);
    if (next) walk(next, 1);
    let stemNodes = rootStems.get(word);
    if (!stemNodes) {
      stemNodes = (matcher.rootStemsByPrefix.get(word.slice(0, 2)) ?? []).filter(([stem]) => word.startsWith(stem)).map(([, node]) => node);
      rootStems.set(word, stemNodes);
    }
    for (const node of stemNodes) walk(node, 1);
    if (bestSpectrumLength > 0 && start >= spectrumFree) {
      spectrum.push({ start, end: start + bestSpectrumLength, entries: bestSpectrum });
      spectrumFree = start + bestSpectrumLength;
    }
    if (bestLensLength > 0 && start >= lensFree) {
      lens.push({ start, end: start + bestLensLength, entries: bestLens });
      lensFree = start + bestLensLength;
    }
  }
  return { spectrum, lens };
}

function merge(into: MatchedEntry[], more: readonly MatchedEntry[]): void {
  for (const candidate of more) {
    if (!into.some((e) => e.lexicon === candidate.lexicon)) into.push(candidate);
  }
}
