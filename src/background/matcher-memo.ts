import type { Lexicon } from '../lexicons/lexicon';
import type { CompiledMatcher } from '../scoring/compile-matcher';

/**
 * The compiled matchers of the last few lexicon sets, keyed by the set's hash (content-based, order-independent:
 * the same key the cache uses, so "same hash" already means "same map"). The worker resolves a new lexicon array
 * on every request (settings are read each time), so a memo keyed by the array would never hit; compiling the
 * trie costs tens of ms per score. Bounded: the least recently used set is dropped past `limit`.
 *
 * Lives in a service instance (never module level): a restarted worker compiles once again.
 */
export interface MatcherMemo {
  get(lexicons: readonly Lexicon[], lexiconHash: string): CompiledMatcher;
  readonly size: number;
}

export const MATCHER_MEMO_LIMIT = 4;

export function createMatcherMemo(compile: (lexicons: readonly Lexicon[]) => CompiledMatcher, limit = MATCHER_MEMO_LIMIT): MatcherMemo {
  const byHash = new Map<string, CompiledMatcher>();
  return {
    get(lexicons, lexiconHash) {
      const known = byHash.get(lexiconHash);
      if (known) {
        byHash.delete(lexiconHash); // most recently used last
        byHash.set(lexiconHash, known);
        return known;
      }
      const made = compile(lexicons);
      byHash.set(lexiconHash, made);
      if (byHash.size > limit) byHash.delete(byHash.keys().next().value as string);
      return made;
    },
    get size() {
      return byHash.size;
    },
  };
}
