/**
 * The perspective map: what the scorer produces, the worker caches, the panel draws and the CLI prints.
 * Serialises (JSON.stringify) to the CLI contract of DESIGN §9 — keep field names exactly.
 */
export type BandId = 'risk-forward' | 'mixed' | 'opportunity-forward';
export type EvidenceMode = 'interview' | 'lecture' | 'panel' | 'debate' | 'monologue';
export type Confidence = 'low' | 'medium' | 'high';
export type Lens = 'Technical' | 'Governance' | 'Societal' | 'Economic';

export interface SliceTerm {
  term: string;
  /** Lexicon id the matched entry came from. */
  lexicon: string;
  /** Signed, after modifiers. */
  contribution: number;
  /** Index of the cue where the match starts, and that cue's start time. */
  cueIndex: number;
  timeMs: number;
}

export interface SliceScore {
  index: number;
  firstCue: number;
  lastCue: number;
  startMs: number;
  endMs: number;
  words: number;
  /** Integer in −100…+100. */
  score: number;
  band: BandId;
  /** Whether the talk around this slice is about AI (see topic.ts). Off-topic slices keep their score but are drawn muted. */
  onTopic: boolean;
  /** Top contributing terms, largest |contribution| first (at most 5). */
  terms: SliceTerm[];
  /** The slice's opening words (≤ 160 chars), for tooltips. Plain text; render as text only. */
  excerpt: string;
}

export interface EpisodeTopicSummary {
  onTopic: boolean;
  aiMentionsPerHour: number;
}

export interface Headline {
  median: number;
  mean: number;
  min: number;
  max: number;
  p10: number;
  p90: number;
  bandShares: Record<BandId, number>;
  /**
   * Where the whole episode leans once talk without stance is set aside, −100…100 (DESIGN §9.1): only
   * on-topic slices that carry stance signal count.
   */
  stance: number;
  /** The band of `stance` (no longer of the median). */
  leaning: BandId;
  /** Is the episode about AI at all? `aiMentionsPerHour`: AI mentions per hour of captions, for the panel's sentence. */
  topic: EpisodeTopicSummary;
  lens: Lens;
  evidenceMode: EvidenceMode;
  confidence: Confidence;
  confidenceReasons: string[];
  emphasizes: string[];
  extremes: { mostRisk: number; mostOpportunity: number; median: number };
  sentence: string;
}

export interface PerspectiveMap {
  videoId?: string;
  captionSegments: number;
  scorerVersion: string;
  lexicons: { id: string; version: string }[];
  lexiconHash: string;
  slices: SliceScore[];
  headline: Headline;
}
