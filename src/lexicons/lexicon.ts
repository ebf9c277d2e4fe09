/** A lexicon is data: JSON with this shape, validated on load (see validate-lexicon.ts). */
export type LexiconKind = 'spectrum' | 'lens';
export type LensName = 'Technical' | 'Governance' | 'Societal' | 'Economic';

export interface LexiconEntry {
  /** A word, a `stem*` wildcard, or a multi-word phrase (space-separated tokens, each may end in `*`). */
  pattern: string;
  /** Signed for spectrum entries (risk < 0 < opportunity); 0 for lens entries. */
  weight: number;
  /** Concept id fed to "emphasizes" (e.g. `alignment`, `safety`). */
  concept?: string;
  /** For lens lexicons: which lens this entry votes for. */
  lens?: LensName;
}

export interface Lexicon {
  id: string;
  name: string;
  version: string;
  description: string;
  kind: LexiconKind;
  entries: LexiconEntry[];
}
