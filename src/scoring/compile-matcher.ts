import type { Lexicon, LexiconEntry } from '../lexicons/lexicon';
import { lexiconSetHash } from '../lexicons/lexicon-hash';
import { EVIDENCE_MARKER_LEXICONS } from './evidence-mode';
import { AI_TOPIC_LEXICON } from './topic-terms';
import { WordList } from './word-ids';

/** One lexicon entry reachable at a trie node, with the lexicon it belongs to. */
export interface MatchedEntry {
  lexicon: Lexicon;
  entry: LexiconEntry;
  /** The lexicon's place in `CompiledMatcher.lexicons` (−1 for the built-in marker and topic lists). */
  lexiconIndex: number;
}

export interface TrieNode {
  /**
   * Children by exact next word, keyed by the word's number in `CompiledMatcher.words` (null until the first one:
   * most nodes are leaves). Numbers, not strings: the walk looks a child up for every token that continues a
   * phrase (`the …`, `you …` start thousands per episode), and an integer key costs no string compare.
   */
  exact: Map<number, TrieNode> | null;
  /** Children by word prefix (`stem*` pattern words), checked with startsWith. */
  stems: [stem: string, node: TrieNode][];
  /** Entries whose whole pattern ends here, split by lexicon kind (spectrum and lens matches never consume each other). */
  spectrum: MatchedEntry[];
  lens: MatchedEntry[];
  /** Evidence-mode markers ("thanks for having me"), a third independent channel. */
  markers: MatchedEntry[];
  /** AI topic terms (topic-terms.ts), a fourth: the topic gate's mentions come from the same walk. */
  topic: MatchedEntry[];
  /** Set once compiled, so the walk skips empty checks: some pattern ends here / no pattern goes on from here. */
  ends: boolean;
  leaf: boolean;
}

/** A word trie over every pattern of every enabled lexicon: built once per lexicon set, then only read. */
export interface CompiledMatcher {
  lexicons: readonly Lexicon[];
  /** Every exact (non-wildcard) pattern word, numbered by its place: the keys of the trie's `exact` children. */
  words: WordList;
  root: TrieNode;
  /**
   * The root's wildcard children (as places in `root.stems`, ascending) by stemKey of their stem, so a word is
   * checked only against stems that share its first three chars; `unkeyed`: the stems with no key (shorter than
   * three chars or not ASCII — none in a valid lexicon), checked against every word by prefixKey, the rule all
   * stems had before.
   */
  rootStems: { byKey: Map<number, number[]>; unkeyed: number[] };
  /**
   * For each pattern word (by number), the root's children it enters: its exact child first (an exact word
   * beats a wildcard), then the stems it starts with, in compile order. Found once here for the words the
   * patterns name; a transcript's other words can only enter stems (rootStemChildren).
   */
  rootChildrenOfWord: (readonly TrieNode[])[];
  /** lexiconSetHash of the set, computed with the trie (same lifetime, same memo). */
  lexiconHash: string;
}

type Channel = 'spectrum' | 'lens' | 'markers' | 'topic';

/**
 * Compiles afresh on every call (no module-level memo: STYLE habit 7). Whoever scores many times with one lexicon
 * set keeps the result — the worker's scoring service holds a small memo keyed by the set's hash
 * (src/background/matcher-memo.ts), since it resolves a new lexicon array on every request. Besides the lexicons,
 * the trie always holds the evidence-mode markers and the AI topic terms, each in its own channel.
 */
export function compileMatcher(lexicons: readonly Lexicon[]): CompiledMatcher {
  const trie = newTrie();
  lexicons.forEach((lexicon, index) => addLexicon(trie, lexicon, lexicon.kind === 'lens' ? 'lens' : 'spectrum', index));
  for (const lexicon of EVIDENCE_MARKER_LEXICONS) addLexicon(trie, lexicon, 'markers', -1);
  addLexicon(trie, AI_TOPIC_LEXICON, 'topic', -1);
  return finish(trie, lexicons, lexiconSetHash(lexicons));
}

/** A trie of the AI topic terms alone (topic.ts's findAiMentions, for callers without a scorer's matcher). */
export function compileTopicMatcher(): CompiledMatcher {
  const trie = newTrie();
  addLexicon(trie, AI_TOPIC_LEXICON, 'topic', -1);
  return finish(trie, [], '');
}

/** The trie while it is built: its root and the numbering of exact words. */
interface Trie {
  root: TrieNode;
  words: Map<string, number>;
}

function newTrie(): Trie {
  return { root: newNode(), words: new Map() };
}

function addLexicon(trie: Trie, lexicon: Lexicon, channel: Channel, lexiconIndex: number): void {
  for (const entry of lexicon.entries) {
    const { pattern } = entry;
    let node: TrieNode;
    if (SINGLE_WORD.test(pattern)) node = child(trie, trie.root, pattern);
    else {
      node = trie.root;
      for (const word of pattern.trim().split(/\s+/)) node = child(trie, node, word);
    }
    const entries = node[channel];
    if (entries === NONE) node[channel] = [{ lexicon, entry, lexiconIndex }];
    else entries.push({ lexicon, entry, lexiconIndex });
  }
}

function finish({ root, words }: Trie, lexicons: readonly Lexicon[], lexiconHash: string): CompiledMatcher {
  markEndsAndLeaves(root);
  const rootStems = { byKey: new Map<number, number[]>(), unkeyed: [] as number[] };
  root.stems.forEach(([stem], place) => {
    const key = stemKey(stem);
    if (key < 0) rootStems.unkeyed.push(place);
    else rootStems.byKey.set(key, [...(rootStems.byKey.get(key) ?? []), place]);
  });
  const rootChildrenOfWord = [...words.keys()].map((word, number) => {
    const exact = root.exact?.get(number);
    const stems = rootStemChildren(root, rootStems, word);
    return exact ? [exact, ...stems] : stems;
  });
  return { lexicons, words: new WordList([...words.keys()]), root, rootStems, rootChildrenOfWord, lexiconHash };
}

/** The root's stems a word starts with, in compile order (NO_CHILDREN, not a new array, when none). */
export function rootStemChildren(root: TrieNode, rootStems: CompiledMatcher['rootStems'], word: string): readonly TrieNode[] {
  const key = stemKey(word);
  let places = key < 0 ? undefined : rootStems.byKey.get(key);
  if (rootStems.unkeyed.length > 0) places = [...(places ?? []), ...rootStems.unkeyed].sort((a, b) => a - b);
  if (places === undefined) return NO_CHILDREN; // most words
  let children: TrieNode[] | null = null;
  for (let k = 0; k < places.length; k++) {
    const [stem, node] = root.stems[places[k] as number] as [string, TrieNode];
    if (word.startsWith(stem) && (stem.length >= 3 || prefixKey(word) === prefixKey(stem))) (children ??= []).push(node);
  }
  return children ?? NO_CHILDREN;
}

/** Most patterns are one plain word (no space, no `*`): they need no split. */
const SINGLE_WORD = /^[a-z0-9]+$/;

/**
 * The empty terminal list every node starts with, shared (never pushed to: `addLexicon` replaces it with a list
 * of the node's own). Nodes are many and most end one pattern of one channel, so four fresh arrays and a Map
 * per node were most of the compile's allocations.
 */
const NONE: MatchedEntry[] = Object.freeze([]) as unknown as MatchedEntry[];
const NO_STEMS: [string, TrieNode][] = Object.freeze([]) as unknown as [string, TrieNode][];
const NO_CHILDREN: readonly TrieNode[] = Object.freeze([]);

/**
 * A word's first two chars as one number (no substring is allocated per lookup): distinct for distinct
 * prefixes, shorter strings included, so a stem shorter than two chars is only found by the words it was
 * always found by (those equal to it in their first two chars).
 */
export function prefixKey(word: string): number {
  if (word.length >= 2) return word.charCodeAt(0) * 65536 + word.charCodeAt(1);
  return word.length === 1 ? -(word.charCodeAt(0) + 2) : -1;
}

/**
 * A word's first three chars as one small integer when they are ASCII, else −1. A stem of three chars or more
 * matches only words with its key, and the key splits the root's stems finer than prefixKey did (`con*`,
 * `cont*` and `corr*` no longer share a bucket), so a word is tested against one or two stems, not ten.
 */
export function stemKey(word: string): number {
  if (word.length < 3) return -1;
  const a = word.charCodeAt(0);
  const b = word.charCodeAt(1);
  const c = word.charCodeAt(2);
  return a < 128 && b < 128 && c < 128 ? (a << 14) | (b << 7) | c : -1;
}

function newNode(): TrieNode {
  return { exact: null, stems: NO_STEMS, spectrum: NONE, lens: NONE, markers: NONE, topic: NONE, ends: false, leaf: true };
}

function markEndsAndLeaves(node: TrieNode): void {
  node.ends = node.spectrum.length + node.lens.length + node.markers.length + node.topic.length > 0;
  node.leaf = node.exact === null && node.stems.length === 0;
  if (node.exact !== null) for (const next of node.exact.values()) markEndsAndLeaves(next);
  for (const [, next] of node.stems) markEndsAndLeaves(next);
}

function child(trie: Trie, node: TrieNode, word: string): TrieNode {
  if (word.endsWith('*')) {
    const stem = word.slice(0, -1);
    const existing = node.stems.find(([s]) => s === stem);
    if (existing) return existing[1];
    const next = newNode();
    if (node.stems === NO_STEMS) node.stems = [];
    node.stems.push([stem, next]);
    return next;
  }
  let number = trie.words.get(word);
  if (number === undefined) {
    number = trie.words.size;
    trie.words.set(word, number);
  }
  if (node.exact === null) node.exact = new Map();
  let next = node.exact.get(number);
  if (!next) {
    next = newNode();
    node.exact.set(number, next);
  }
  return next;
}
