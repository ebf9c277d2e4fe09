import { compileTopicMatcher, type MatchedEntry } from './compile-matcher';
import { matchTokenIds, type TermMatch } from './match-tokens';
import type { WordIds } from './word-ids';

/**
 * Topic: is this talk about AI at all? Counted as AI mentions (AI_TOPIC_TERMS) over the token stream.
 * An episode is about AI when its densest window of EPISODE_WINDOW_WORDS words holds at least
 * EPISODE_MIN_MENTIONS mentions: a history podcast with one passing mention of AI is not, an AI talk that
 * wanders off for half an hour still is. A slice is about AI when the window of SLICE_WINDOW_WORDS words
 * centred on it (its own words if longer) holds SLICE_MIN_MENTIONS: a slice may say "it" for twenty lines
 * while its neighbours say what "it" is.
 */
export const EPISODE_WINDOW_WORDS = 2000;
export const EPISODE_MIN_MENTIONS = 10;
export const SLICE_WINDOW_WORDS = 1000;
export const SLICE_MIN_MENTIONS = 4;
/** A window shorter than its nominal size (a short video) needs proportionally fewer mentions, but never fewer than this. */
export const MIN_MENTIONS_FLOOR = 2;

export interface TopicMentions {
  /** Token index where each AI mention starts, ascending. */
  starts: Int32Array;
  /** Each mention's weight (1, or WEAK_MENTION for a weak term). */
  weights: Float64Array;
  /** `prefix[k]`: the summed weight of mentions 0 … k − 1 (length + 1 entries). */
  prefix: Float64Array;
  /** Summed weight of all mentions. */
  total: number;
}

/** The topic terms alone, compiled once at load (fixed data, not a user setting; only read after). */
const TOPIC_MATCHER = compileTopicMatcher();

/**
 * Every AI mention in a token stream: leftmost-longest, a mention consumes its words. The scorer takes them
 * from its own walk (`mentionsOf(matches.topic)`: the topic terms are a channel of every compiled matcher);
 * this is the same for a stream on its own.
 */
export function findAiMentions(ids: Int32Array, length: number, words: WordIds): TopicMentions {
  return mentionsOf(matchTokenIds(ids, length, words, TOPIC_MATCHER).topic);
}

/** The topic channel's matches as mentions (in token order, as the walk found them). */
export function mentionsOf(topic: readonly TermMatch[]): TopicMentions {
  const starts = new Int32Array(topic.length);
  const weights = new Float64Array(topic.length);
  const prefix = new Float64Array(topic.length + 1);
  for (let k = 0; k < topic.length; k++) {
    const match = topic[k] as TermMatch;
    starts[k] = match.start;
    weights[k] = (match.entries[0] as MatchedEntry).entry.weight;
    prefix[k + 1] = (prefix[k] as number) + (weights[k] as number);
  }
  return { starts, weights, prefix, total: prefix[topic.length] as number };
}

/** Mentions needed in a window of `size` words whose nominal size is `nominal`. */
function needed(min: number, size: number, nominal: number): number {
  return size >= nominal ? min : Math.max(MIN_MENTIONS_FLOOR, Math.ceil((min * size) / nominal));
}

/** Weight of the mentions that start in [from, to). */
function weightIn(mentions: TopicMentions, from: number, to: number): number {
  return (mentions.prefix[lowerBound(mentions.starts, to)] as number) - (mentions.prefix[lowerBound(mentions.starts, from)] as number);
}

function lowerBound(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The most mention weight any window of `size` words holds (sliding over mention starts). */
export function densestWindow(mentions: TopicMentions, size: number): number {
  const { starts, prefix } = mentions;
  let best = 0;
  for (let a = 0, b = 0; b < starts.length; b++) {
    while ((starts[b] as number) - (starts[a] as number) >= size) a++;
    best = Math.max(best, (prefix[b + 1] as number) - (prefix[a] as number));
  }
  return best;
}

export interface EpisodeTopic {
  onTopic: boolean;
  /** Mentions in the densest window, and what the window needed. */
  densest: number;
  needed: number;
}

export function episodeTopic(mentions: TopicMentions, tokenCount: number): EpisodeTopic {
  const size = Math.min(EPISODE_WINDOW_WORDS, Math.max(tokenCount, 1));
  const densest = densestWindow(mentions, size);
  const need = needed(EPISODE_MIN_MENTIONS, size, EPISODE_WINDOW_WORDS);
  return { onTopic: densest >= need, densest, needed: need };
}

/** Per slice (token ranges [from, to)): does the window centred on it say enough about AI? */
export function slicesOnTopic(mentions: TopicMentions, sliceTokens: readonly (readonly [from: number, to: number])[], tokenCount: number): boolean[] {
  return sliceTokens.map(([from, to]) => {
    let a = from;
    let b = to;
    if (b - a < SLICE_WINDOW_WORDS) {
      const mid = Math.floor((from + to) / 2);
      a = Math.max(0, mid - SLICE_WINDOW_WORDS / 2);
      b = Math.min(tokenCount, a + SLICE_WINDOW_WORDS);
      a = Math.max(0, b - SLICE_WINDOW_WORDS);
    }
    const size = b - a;
    if (size <= 0) return false;
    return weightIn(mentions, a, b) >= needed(SLICE_MIN_MENTIONS, size, SLICE_WINDOW_WORDS);
  });
}
