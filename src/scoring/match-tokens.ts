import { rootStemChildren, type CompiledMatcher, type MatchedEntry, type TrieNode } from './compile-matcher';
import { WordIds } from './word-ids';

/** Tokens [start, end) matched one pattern; `entries` holds one entry per lexicon that has that pattern. */
export interface TermMatch {
  start: number;
  end: number;
  entries: MatchedEntry[];
}

export interface Matches {
  spectrum: TermMatch[];
  lens: TermMatch[];
  /** Evidence-mode markers. */
  markers: TermMatch[];
  /** AI topic terms (the topic gate's mentions; entry weight = what the mention counts). */
  topic: TermMatch[];
}

type Channel = keyof Matches;
const CHANNELS: readonly Channel[] = ['spectrum', 'lens', 'markers', 'topic'];
const CHANNEL_COUNT = 4;

/** The entries a node ends for channel c (explicit properties keep this hot path monomorphic). */
function terminals(node: TrieNode, c: number): MatchedEntry[] {
  return c === 0 ? node.spectrum : c === 1 ? node.lens : c === 2 ? node.markers : node.topic;
}

/**
 * Leftmost-longest matching over the token stream: at each position the longest pattern wins and consumes
 * its tokens (`existential risk` is not also `risk`). Spectrum, lens, marker and topic patterns are resolved
 * independently in the same walk, so a lens phrase never hides a stance word or the reverse. When several
 * lexicons hold a pattern of the winning length, each lexicon contributes once (an exact word beats a
 * wildcard).
 */
export function matchTokens(tokens: readonly string[], matcher: CompiledMatcher): Matches {
  const words = new WordIds();
  const ids = Int32Array.from(tokens, (token) => words.idOf(token));
  return matchTokenIds(ids, ids.length, words, matcher);
}

/** matchTokens over a stream of word ids (tokenizeCueIds): the distinct words are looked up, not every token. */
export function matchTokenIds(ids: Int32Array, length: number, words: WordIds, matcher: CompiledMatcher): Matches {
  const { spellings } = words;
  const found: Matches = { spectrum: [], lens: [], markers: [], topic: [] };
  // Per call: each distinct word's number among the pattern words (−1 for none), looked up once by its hash.
  const patternWord = new Int32Array(words.size);
  for (let id = 0; id < patternWord.length; id++) patternWord[id] = matcher.words.indexOf(spellings[id] as string, words.hashOf(id));
  // Each distinct word's root children (exact + wildcard), found at its first start, then one array read per token.
  const rootChildren = new Array<readonly TrieNode[] | undefined>(words.size);
  const startsPattern = new Uint8Array(words.size);
  const free = [0, 0, 0, 0];
  const best: MatchedEntry[][] = [[], [], [], []];
  const bestLength = [0, 0, 0, 0];
  // best[c] may still be a trie node's own array; it is copied only if another lexicon must be merged in.
  const bestOwned = [false, false, false, false];
  let start = 0;

  const consider = (node: TrieNode, depth: number): void => {
    for (let c = 0; c < CHANNEL_COUNT; c++) {
      const entries = terminals(node, c);
      if (entries.length === 0) continue;
      if (depth > (bestLength[c] as number)) {
        bestLength[c] = depth;
        best[c] = entries;
        bestOwned[c] = false;
      } else if (depth === bestLength[c]) {
        if (!bestOwned[c]) {
          best[c] = (best[c] as MatchedEntry[]).slice();
          bestOwned[c] = true;
        }
        merge(best[c] as MatchedEntry[], entries);
      }
    }
  };

  const walk = (node: TrieNode, depth: number): void => {
    if (node.ends) consider(node, depth);
    if (node.leaf || start + depth >= length) return;
    const id = ids[start + depth] as number;
    const number = patternWord[id] as number;
    if (number >= 0 && node.exact !== null) {
      const next = node.exact.get(number);
      if (next !== undefined) walk(next, depth + 1);
    }
    const stems = node.stems;
    if (stems.length === 0) return;
    const word = spellings[id] as string;
    for (let k = 0; k < stems.length; k++) {
      const [stem, stemNode] = stems[k] as [string, TrieNode];
      if (word.startsWith(stem)) walk(stemNode, depth + 1);
    }
  };

  for (start = 0; start < length; start++) {
    if (start < (free[0] as number) && start < (free[1] as number) && start < (free[2] as number) && start < (free[3] as number)) continue;
    const id = ids[start] as number;
    // Most tokens start no pattern: that answer is one byte per distinct word, read before any object.
    let starts = startsPattern[id] as number;
    if (starts === UNKNOWN) {
      const number = patternWord[id] as number;
      // A pattern word's children were found at compile time; any other word can only enter wildcard stems.
      const entered = number >= 0 ? (matcher.rootChildrenOfWord[number] as readonly TrieNode[]) : rootStemChildren(matcher.root, matcher.rootStems, spellings[id] as string);
      rootChildren[id] = entered;
      starts = entered.length === 0 ? NO : YES;
      startsPattern[id] = starts;
    }
    if (starts === NO) continue;
    const children = rootChildren[id] as readonly TrieNode[];
    bestLength[0] = bestLength[1] = bestLength[2] = bestLength[3] = 0;
    for (let k = 0; k < children.length; k++) walk(children[k] as TrieNode, 1);
    for (let c = 0; c < CHANNEL_COUNT; c++) {
      const length = bestLength[c] as number;
      if (length > 0 && start >= (free[c] as number)) {
        found[CHANNELS[c] as Channel].push({ start, end: start + length, entries: best[c] as MatchedEntry[] });
        free[c] = start + length;
      }
    }
  }
  return found;
}

/** startsPattern values: not looked up yet, no pattern starts with the word, some do. */
const UNKNOWN = 0;
const NO = 1;
const YES = 2;

function merge(into: MatchedEntry[], more: readonly MatchedEntry[]): void {
  for (const candidate of more) {
    if (!into.some((e) => e.lexicon === candidate.lexicon)) into.push(candidate);
  }
}
