/**
 * The perspective map: what the scorer produces, the worker caches, the panel draws and the CLI prints.
 * Serialises (JSON.stringify) to the CLI contract of DESIGN §9 — keep field names exactly.
 *
 * Written as a schema (types inferred) because a map crosses boundaries: it is answered to content scripts and
 * the popup, and read back from the cache. The schema checks shape and types; the scorer's own invariants
 * (slices in order, scores in range) are its tests' business.
 */
import * as v from 'valibot';
import { VideoIdSchema } from '../schema/video-id';

const finite = v.pipe(v.number(), v.finite());
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const text = v.pipe(v.string(), v.maxLength(10_000));

export const BandIdSchema = v.picklist(['risk-forward', 'mixed', 'opportunity-forward']);
export type BandId = v.InferOutput<typeof BandIdSchema>;
export const EvidenceModeSchema = v.picklist(['interview', 'lecture', 'panel', 'debate', 'monologue']);
export type EvidenceMode = v.InferOutput<typeof EvidenceModeSchema>;
export const ConfidenceSchema = v.picklist(['low', 'medium', 'high']);
export type Confidence = v.InferOutput<typeof ConfidenceSchema>;
export const LensSchema = v.picklist(['Technical', 'Governance', 'Societal', 'Economic']);
export type Lens = v.InferOutput<typeof LensSchema>;

export const SliceTermSchema = v.object({
  term: text,
  /** Lexicon id the matched entry came from. */
  lexicon: text,
  /** Signed, after modifiers. */
  contribution: finite,
  /** Index of the cue where the match starts, and that cue's start time. */
  cueIndex: count,
  timeMs: finite,
});
export type SliceTerm = v.InferOutput<typeof SliceTermSchema>;

export const SliceScoreSchema = v.object({
  index: count,
  firstCue: count,
  lastCue: count,
  startMs: finite,
  endMs: finite,
  words: count,
  /** Integer in −100…+100. */
  score: v.pipe(v.number(), v.integer(), v.minValue(-100), v.maxValue(100)),
  band: BandIdSchema,
  /** Whether the talk around this slice is about AI (see topic.ts). Off-topic slices keep their score but are drawn muted. */
  onTopic: v.boolean(),
  /** Top contributing terms, largest |contribution| first (at most 5). */
  terms: v.array(SliceTermSchema),
  /** The slice's opening words (≤ 160 chars), for tooltips. Plain text; render as text only. */
  excerpt: text,
});
export type SliceScore = v.InferOutput<typeof SliceScoreSchema>;

export const EpisodeTopicSummarySchema = v.object({
  onTopic: v.boolean(),
  aiMentionsPerHour: v.pipe(finite, v.minValue(0)),
});
export type EpisodeTopicSummary = v.InferOutput<typeof EpisodeTopicSummarySchema>;

export const HeadlineSchema = v.object({
  median: finite,
  mean: finite,
  min: finite,
  max: finite,
  p10: finite,
  p90: finite,
  bandShares: v.object({ 'risk-forward': finite, mixed: finite, 'opportunity-forward': finite }),
  /**
   * Where the whole episode leans once talk without stance is set aside, −100…100 (DESIGN §9.1): only
   * on-topic slices that carry stance signal count.
   */
  stance: v.pipe(finite, v.minValue(-100), v.maxValue(100)),
  /** The band of `stance` (no longer of the median). */
  leaning: BandIdSchema,
  /** Is the episode about AI at all? `aiMentionsPerHour`: AI mentions per hour of captions, for the panel's sentence. */
  topic: EpisodeTopicSummarySchema,
  lens: LensSchema,
  evidenceMode: EvidenceModeSchema,
  confidence: ConfidenceSchema,
  confidenceReasons: v.array(text),
  emphasizes: v.array(text),
  extremes: v.object({ mostRisk: finite, mostOpportunity: finite, median: finite }),
  sentence: text,
});
export type Headline = v.InferOutput<typeof HeadlineSchema>;

export const PerspectiveMapSchema = v.object({
  videoId: v.optional(VideoIdSchema),
  captionSegments: count,
  scorerVersion: text,
  lexicons: v.array(v.object({ id: text, version: text })),
  lexiconHash: text,
  slices: v.array(SliceScoreSchema),
  headline: HeadlineSchema,
});
export type PerspectiveMap = v.InferOutput<typeof PerspectiveMapSchema>;
