import type { Lexicon, LexiconEntry } from '../lexicons/lexicon';
import { lexiconSetHash } from '../lexicons/lexicon-hash';
import { EVIDENCE_MARKER_LEXICONS } from './evidence-mode';

/** One lexicon entry reachable at a trie node, with the lexicon it belongs to. */
export interface MatchedEntry {
  lexicon: Lexicon;
  entry: LexiconEntry;
  /** The lexicon's place in `CompiledMatcher.lexicons` (−1 for the built-in marker and topic lists). */
  lexiconIndex: number;
}

export interface TrieNode {
  /** Children by exact next word. */
  exact: Map<string, TrieNode>;
  /** Children by word prefix (`stem*` pattern words), checked with startsWith. */
  stems: [stem: string, node: TrieNode][];
  /** Entries whose whole pattern ends here, split by lexicon kind (spectrum and lens matches never consume each other). */
  spectrum: MatchedEntry[];
  lens: MatchedEntry[];
  /** Evidence-mode markers ("thanks for having me"), a third independent channel. */
  markers: MatchedEntry[];
  /** Set once compiled, so the walk skips empty checks: some pattern ends here / no pattern goes on from here. */
  ends: boolean;
  leaf: boolean;
}

/** A word trie over every pattern of every enabled lexicon: built once per lexicon set, then only read. */
export interface CompiledMatcher {
  lexicons: readonly Lexicon[];
  root: TrieNode;
  /** The root's wildcard children bucketed by prefixKey of their stem, so a word is checked only against stems that can match it. */
  rootStemsByPrefix: Map<number, [stem: string, node: TrieNode][]>;
  /** lexiconSetHash of the set, computed with the trie (same lifetime, same memo). */
  lexiconHash: string;
}

type Channel = 'spectrum' | 'lens' | 'markers';

/**
 * Compiles afresh on every call (no module-level memo: STYLE habit 7). Whoever scores many times with one lexicon
 * set keeps the result — the worker's scoring service holds a small memo keyed by the set's hash
 * (src/background/matcher-memo.ts), since it resolves a new lexicon array on every request.
 */
export function compileMatcher(lexicons: readonly Lexicon[]): CompiledMatcher {
  const root = newNode();
  const add = (lexicon: Lexicon, channel: Channel, lexiconIndex: number): void => {
    for (const entry of lexicon.entries) {
      let node = root;
      for (const word of entry.pattern.trim().split(/\s+/)) node = child(node, word);
      node[channel].push({ lexicon, entry, lexiconIndex });
    }
  };
  lexicons.forEach((lexicon, index) => add(lexicon, lexicon.kind === 'lens' ? 'lens' : 'spectrum', index));
  for (const lexicon of EVIDENCE_MARKER_LEXICONS) add(lexicon, 'markers', -1);
  markEndsAndLeaves(root);
  const rootStemsByPrefix = new Map<number, [string, TrieNode][]>();
  for (const pair of root.stems) {
    const key = prefixKey(pair[0]);
    const bucket = rootStemsByPrefix.get(key) ?? [];
    bucket.push(pair);
    rootStemsByPrefix.set(key, bucket);
  }
  return { lexicons, root, rootStemsByPrefix, lexiconHash: lexiconSetHash(lexicons) };
}

/**
 * A word's first two chars as one number (no substring is allocated per lookup): distinct for distinct
 * prefixes, shorter strings included, so a stem shorter than two chars is only found by the words it was
 * always found by (those equal to it in their first two chars).
 */
export function prefixKey(word: string): number {
  if (word.length >= 2) return word.charCodeAt(0) * 65536 + word.charCodeAt(1);
  return word.length === 1 ? -(word.charCodeAt(0) + 2) : -1;
}

function newNode(): TrieNode {
  return { exact: new Map(), stems: [], spectrum: [], lens: [], markers: [], ends: false, leaf: true };
}

function markEndsAndLeaves(node: TrieNode): void {
  node.ends = node.spectrum.length + node.lens.length + node.markers.length > 0;
  node.leaf = node.exact.size === 0 && node.stems.length === 0;
  for (const next of node.exact.values()) markEndsAndLeaves(next);
  for (const [, next] of node.stems) markEndsAndLeaves(next);
}

function child(node: TrieNode, word: string): TrieNode {
  if (word.endsWith('*')) {
    const stem = word.slice(0, -1);
    const existing = node.stems.find(([s]) => s === stem);
    if (existing) return existing[1];
    const next = newNode();
    node.stems.push([stem, next]);
    return next;
  }
  let next = node.exact.get(word);
  if (!next) {
    next = newNode();
    node.exact.set(word, next);
  }
  return next;
}
