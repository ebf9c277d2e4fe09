/**
 * A perspective map (+ what the page said about the video) → one library entry, and the few readings of an
 * entry every view shares (its position, whether it is on topic, whether its scorer is outdated). Pure.
 *
 * `headline.stance`, `headline.topic` and `slices[].onTopic` come from the stance scorer (issue 8). They are read
 * defensively: a map without them records null, and the position falls back to the median (what `leaning`
 * was the band of before stance existed).
 */
import type { CaptionSource, TrackRef } from '../captions/caption-track';
import type { PerspectiveMap } from '../scoring/perspective-map';
import { LIBRARY_ENTRY_VERSION, type LibraryEntry, type VideoDetails } from './library-schema';

export interface EntryInput {
  videoId: string;
  map: PerspectiveMap;
  track: TrackRef;
  source?: CaptionSource | null;
  details?: VideoDetails | null;
  /** When the map was made (now, or the cache's storedAt for a backfilled one). */
  mappedAt: number;
  lastWatchedAt: number;
}

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const clampScore = (value: number) => Math.max(-100, Math.min(100, value));

/** `headline.stance` when the scorer gives one (issue 8), else null. */
export function readStance(headline: PerspectiveMap['headline']): number | null {
  const stance = (headline as { stance?: unknown }).stance;
  return finite(stance) ? clampScore(stance) : null;
}

/** `headline.topic` when the scorer gives it (issue 8), else null. */
export function readTopic(headline: PerspectiveMap['headline']): { onTopic: boolean; aiMentionsPerHour: number } | null {
  const topic = (headline as { topic?: unknown }).topic;
  if (typeof topic !== 'object' || topic === null) return null;
  const { onTopic, aiMentionsPerHour } = topic as { onTopic?: unknown; aiMentionsPerHour?: unknown };
  if (typeof onTopic !== 'boolean' || !finite(aiMentionsPerHour) || aiMentionsPerHour < 0) return null;
  return { onTopic, aiMentionsPerHour };
}

function readSliceOnTopic(slices: PerspectiveMap['slices']): boolean[] | null {
  const flags = slices.map((slice) => (slice as { onTopic?: unknown }).onTopic);
  return flags.length > 0 && flags.every((flag) => typeof flag === 'boolean') ? (flags as boolean[]) : null;
}

export function entryFromMap(input: EntryInput): LibraryEntry {
  const { map, details } = input;
  const h = map.headline;
  return {
    v: LIBRARY_ENTRY_VERSION,
    videoId: input.videoId,
    title: details?.title ?? null,
    channel: details?.channel ?? null,
    channelId: details?.channelId ?? null,
    durationSec: details?.durationSec ?? null,
    mappedAt: Math.round(input.mappedAt),
    lastWatchedAt: Math.round(input.lastWatchedAt),
    track: { languageCode: input.track.languageCode, kind: input.track.kind, vssId: input.track.vssId, name: input.track.name },
    source: input.source ?? null,
    scorerVersion: map.scorerVersion,
    lexiconHash: map.lexiconHash,
    captionSegments: map.captionSegments,
    headline: {
      stance: readStance(h),
      median: h.median,
      mean: h.mean,
      min: h.min,
      max: h.max,
      p10: h.p10,
      p90: h.p90,
      leaning: h.leaning,
      lens: h.lens,
      evidenceMode: h.evidenceMode,
      confidence: h.confidence,
      bandShares: { ...h.bandShares },
      topic: readTopic(h),
    },
    slices: map.slices.map((slice) => slice.score),
    sliceOnTopic: readSliceOnTopic(map.slices),
  };
}

/** A new map for an entry already in the library: new scores, the page's details and watch times kept. */
export function rescoredEntry(entry: LibraryEntry, map: PerspectiveMap, mappedAt: number): LibraryEntry {
  return {
    ...entryFromMap({ videoId: entry.videoId, map, track: entry.track, source: entry.source, mappedAt, lastWatchedAt: entry.lastWatchedAt }),
    title: entry.title,
    channel: entry.channel,
    channelId: entry.channelId,
    durationSec: entry.durationSec,
  };
}

/** The episode's position on the spectrum: its stance when the scorer gives one, else the median. */
export function entryPosition(entry: Pick<LibraryEntry, 'headline'>): number {
  return entry.headline.stance ?? entry.headline.median;
}

/** true / false when the scorer says; null when it predates the topic test (shown and filtered as on topic). */
export function entryOnTopic(entry: Pick<LibraryEntry, 'headline'>): boolean | null {
  return entry.headline.topic?.onTopic ?? null;
}

/** Compares dotted numeric versions (`1.10.0` > `1.9.2`); non-numeric parts compare as text. */
export function compareScorerVersions(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '0';
    const y = pb[i] ?? '0';
    const nx = Number(x);
    const ny = Number(y);
    const diff = Number.isFinite(nx) && Number.isFinite(ny) ? nx - ny : x.localeCompare(y);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}

/** Scored by an older scorer than this build's: shown marked, re-scored from cached cues when there are any. */
export function isOutdated(entry: Pick<LibraryEntry, 'scorerVersion'>, currentScorerVersion: string): boolean {
  return compareScorerVersions(entry.scorerVersion, currentScorerVersion) < 0;
}
