import type { Lexicon } from './lexicon';

/**
 * A stable fingerprint of a lexicon set for cache keys: content-based (an edited custom lexicon under the
 * same id changes it), order-independent (the set, not the toggle order, decides the scores), synchronous.
 * FNV-1a (32-bit, two seeds → 16 hex digits) over a canonical serialisation; not cryptographic, and it need
 * not be: it only has to tell lexicon sets apart.
 */
export function lexiconSetHash(lexicons: readonly Lexicon[]): string {
  const canonical = lexicons
    .map(canonicalLexicon)
    .sort()
    .join('\u0001');
  return fnv1a(canonical, 0x811c9dc5) + fnv1a(canonical, 0x01000193 ^ 0x5bd1e995);
}

function canonicalLexicon(lexicon: Lexicon): string {
  const entries = lexicon.entries
    .map((e) => [e.pattern, e.weight, e.concept ?? '', e.lens ?? ''].join('\u0003'))
    .sort()
    .join('\u0002');
  return [lexicon.id, lexicon.version, lexicon.kind, entries].join('\u0004');
}

function fnv1a(text: string, seed: number): string {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
