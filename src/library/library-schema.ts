/**
 * The episode library's record and file shapes, as valibot schemas with the types inferred from them. One
 * schema per boundary: the same `libraryEntrySchema` checks a record read from IndexedDB, an entry of an
 * imported file, and what the background writes. Pure: no browser, idb or Preact code.
 *
 * Changing an entry's shape: bump LIBRARY_ENTRY_VERSION, add a step to LIBRARY_MIGRATIONS (open-library.ts)
 * that rewrites the stored records to the new shape, and accept the old version in the import (or convert it).
 */
import * as v from 'valibot';
import { VideoIdSchema } from '../schema/video-id';

export const LIBRARY_ENTRY_VERSION = 1;
/** The `format` tag of an export file, and the file version this build writes and reads. */
export const LIBRARY_FILE_FORMAT = 'perspective-map-library';
export const LIBRARY_FILE_VERSION = 1;

/** YouTube's video id: the one rule (src/schema/video-id.ts). */
export const videoIdSchema = VideoIdSchema;
/** A channel id as YouTube gives it (`UC…`); kept loose in length, strict in alphabet (it ends up in URLs). */
export const channelIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a channel id'));

/** Page text (titles, channel names): any characters, bounded. Rendered as text only, never as HTML. */
const pageText = (max: number) => v.pipe(v.string(), v.maxLength(max));
const score = v.pipe(v.number(), v.finite(), v.minValue(-100), v.maxValue(100));
function isSliceScores(value: unknown): boolean {
  if (!Array.isArray(value) || value.length > MAX_LIBRARY_SLICES) return false;
  for (const score of value) if (!Number.isInteger(score) || score < -100 || score > 100) return false;
  return true;
}

function isSliceFlags(value: unknown): boolean {
  if (!Array.isArray(value) || value.length > MAX_LIBRARY_SLICES) return false;
  for (const flag of value) if (typeof flag !== 'boolean') return false;
  return true;
}
const percent = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100));
const timestamp = v.pipe(v.number(), v.integer(), v.minValue(0));
/** The longest videos are ~12 h; a week bounds every real one. */
const MAX_DURATION_SEC = 7 * 24 * 3600;
/** Slices are ~1 per 30 caption segments: 5,000 covers a 12-hour episode several times over. */
export const MAX_LIBRARY_SLICES = 5_000;

export const bandSchema = v.picklist(['risk-forward', 'mixed', 'opportunity-forward']);
export const lensSchema = v.picklist(['Technical', 'Governance', 'Societal', 'Economic']);
export const confidenceSchema = v.picklist(['low', 'medium', 'high']);

/** What the watch page's player response says about the video (`videoDetails`): display text only. */
export const videoDetailsSchema = v.object({
  title: pageText(500),
  channel: pageText(200),
  channelId: v.nullable(channelIdSchema),
  durationSec: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_DURATION_SEC))),
});
export type VideoDetails = v.InferOutput<typeof videoDetailsSchema>;

export const trackRefSchema = v.object({
  languageCode: pageText(64),
  kind: v.picklist(['asr', 'uploaded']),
  vssId: pageText(256),
  name: pageText(1024),
});

export const libraryHeadlineSchema = v.object({
  /** Where the episode leans once talk without stance is set aside (issue 8); null from scorers without it. */
  stance: v.nullable(score),
  median: score,
  mean: score,
  min: score,
  max: score,
  p10: score,
  p90: score,
  leaning: bandSchema,
  lens: lensSchema,
  evidenceMode: v.picklist(['interview', 'lecture', 'panel', 'debate', 'monologue']),
  confidence: confidenceSchema,
  bandShares: v.object({ 'risk-forward': percent, mixed: percent, 'opportunity-forward': percent }),
  /** Is the episode about AI at all (issue 8); null from scorers without it. */
  topic: v.nullable(v.object({ onTopic: v.boolean(), aiMentionsPerHour: v.pipe(v.number(), v.finite(), v.minValue(0)) })),
});
export type LibraryHeadline = v.InferOutput<typeof libraryHeadlineSchema>;

/** One mapped episode: enough to list, sort, chart and compare it without the cache. */
export const libraryEntrySchema = v.object({
  v: v.literal(LIBRARY_ENTRY_VERSION),
  videoId: videoIdSchema,
  /** From the page; null when the episode was recorded without them (backfilled from the cache, no page helper). */
  title: v.nullable(pageText(500)),
  channel: v.nullable(pageText(200)),
  channelId: v.nullable(channelIdSchema),
  durationSec: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_DURATION_SEC))),
  /** When this map was made (scored or re-scored), and when the episode was last opened on a watch page. */
  mappedAt: timestamp,
  lastWatchedAt: timestamp,
  track: trackRefSchema,
  source: v.nullable(v.picklist(['player', 'direct', 'panel'])),
  scorerVersion: v.pipe(v.string(), v.minLength(1), v.maxLength(32)),
  lexiconHash: v.pipe(v.string(), v.maxLength(128)),
  captionSegments: v.pipe(v.number(), v.integer(), v.minValue(0)),
  headline: libraryHeadlineSchema,
  /**
   * Every slice's integer score, early → late. One tight loop rather than a schema per item: the library page
   * checks 2,000 entries of ~100 slices each before its first paint (a per-item pipe cost ~5× more).
   */
  slices: v.custom<number[]>(isSliceScores, `slice scores must be at most ${MAX_LIBRARY_SLICES} integers in −100…100`),
  /** Per slice: is it about AI (issue 8); null from scorers without it. */
  sliceOnTopic: v.nullable(v.custom<boolean[]>(isSliceFlags, `slice topic flags must be at most ${MAX_LIBRARY_SLICES} booleans`)),
});
export type LibraryEntry = v.InferOutput<typeof libraryEntrySchema>;

/** The export file (JSON). CSV is export-only: it cannot carry the slices. */
export const libraryFileSchema = v.object({
  format: v.literal(LIBRARY_FILE_FORMAT),
  version: v.literal(LIBRARY_FILE_VERSION),
  exportedAt: timestamp,
  entries: v.pipe(v.array(libraryEntrySchema), v.maxLength(100_000)),
});
export type LibraryFile = v.InferOutput<typeof libraryFileSchema>;

/** The panel's channel line (see channel-baseline.ts), as it travels in the worker's map answer. */
export const ChannelBaselineSchema = v.object({
  others: v.pipe(v.number(), v.integer(), v.minValue(0)),
  moreRiskForwardThan: v.pipe(v.number(), v.integer(), v.minValue(0)),
  moreOpportunityForwardThan: v.pipe(v.number(), v.integer(), v.minValue(0)),
  sentence: v.pipe(v.string(), v.maxLength(300)),
});
export type ChannelBaseline = v.InferOutput<typeof ChannelBaselineSchema>;

/** Retention and recording switches (part of the settings item). */
export const librarySettingsSchema = v.object({
  /** false = recording paused: nothing new is written, last-watched times are not updated. */
  recording: v.boolean(),
  /** Keep at most this many episodes (the least recently watched go first); null = no limit. */
  keepEpisodes: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000_000))),
  /** Forget episodes not watched for this many days; null = no limit. */
  keepDays: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(36_500))),
});
export type LibrarySettings = v.InferOutput<typeof librarySettingsSchema>;

export function defaultLibrarySettings(): LibrarySettings {
  return { recording: true, keepEpisodes: null, keepDays: null };
}

/** The first problem valibot found, as one line a person can act on: `entries.3.headline.median: Invalid value…`. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  const first = issues[0];
  if (!first) return 'invalid';
  const path = v.getDotPath(first);
  return path ? `${path}: ${first.message}` : first.message;
}
