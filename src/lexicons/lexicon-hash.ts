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
  // Both seeds in one pass over the text (the same two hashes as two passes).
  let a = 0x811c9dc5 >>> 0;
  let b = (0x01000193 ^ 0x5bd1e995) >>> 0;
  for (let i = 0; i < canonical.length; i++) {
    const code = canonical.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x01000193);
  }
  return hex8(a) + hex8(b);
}

function canonicalLexicon(lexicon: Lexicon): string {
  const entries = lexicon.entries
    .map((e) => `${e.pattern}\u0003${e.weight}\u0003${e.concept ?? ''}\u0003${e.lens ?? ''}`)
    .sort()
    .join('\u0002');
  return `${lexicon.id}\u0004${lexicon.version}\u0004${lexicon.kind}\u0004${entries}`;
}

/** FNV-1a state as 8 hex digits (unsigned). */
function hex8(hash: number): string {
  return (hash >>> 0).toString(16).padStart(8, '0');
}
