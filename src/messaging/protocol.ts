/**
 * The one message protocol between the extension's contexts. Direction is in the name:
 *   cs-bg  content script to background      ui-bg  popup/options to background
 *   bg-cs  background to a tab's content script   ui-cs  popup to the active tab's content script
 * Every payload is validated on arrival (validate-message.ts); a malformed or unknown message gets
 * `{ ok: false, error }`, never a crash.
 *
 * CONTRACT (fixed names and shapes; implementation lives in src/background and src/content):
 */
import type { CaptionSource, TrackRef } from '../captions/caption-track';
import type { PerspectiveMap } from '../scoring/perspective-map';

/**
 * A failed answer may carry a `code` the sender can act on (e.g. re-upload after `unknown-upload`); the `error`
 * sentence is always there for people. Codes are listed in message-error.ts.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string; code?: MessageErrorCode };

/** Machine-readable reasons a message failed (carried by `Result` and by `MessageError` on the sending side). */
export type MessageErrorCode =
  /** The worker does not hold this upload (it was restarted, or the upload expired): upload again. */
  | 'unknown-upload'
  /** A chunk broke the upload's rules (index, count, size, order); the upload is dropped. */
  | 'bad-upload'
  /** The message got no answer: the receiving context closed its channel (e.g. the worker stopped mid-job). */
  | 'no-answer'
  /** The transport failed because the receiving end is gone (worker stopped, nobody listening). */
  | 'receiver-gone'
  /** The worker holds no cues for this episode (not cached, e.g. too large, and not scored by this instance). */
  | 'no-transcript';

/** Where a map came from: the cache as stored, re-scored from cached cues (no caption fetch), or freshly scored. */
export type MapOrigin = 'cache' | 'cues' | 'scored';

export interface MapAnswer {
  map: PerspectiveMap;
  origin: MapOrigin;
  /** The strategy that delivered the captions the map was scored from (kept with the cache; absent if unknown). */
  source?: CaptionSource;
}

export interface ProtocolMap {
  /** Is there a map (or cached cues to re-score) for this video + track under the current settings? null = fetch captions. */
  'cs-bg:lookup': { args: { videoId: string; track: TrackRef }; answer: MapAnswer | null };
  /**
   * Parse and score a raw caption body fetched in the tab; answers the map (and caches map + cues). The body comes
   * inline (`body`, small ones) or was sent before in chunks (`uploadId`, see cs-bg:uploadChunk) — one message of
   * 15 MB would block the page for ~150 ms while it is serialised.
   */
  'cs-bg:score': { args: ScoreArgs; answer: MapAnswer };
  /**
   * One piece of a caption body, sent in order (index 0…count-1) before the cs-bg:score naming `uploadId`.
   * Index 0 opens the upload; a later index for an upload the worker does not hold answers `unknown-upload`.
   */
  'cs-bg:uploadChunk': { args: UploadChunkArgs; answer: { received: number } };
  /**
   * Cues for the transcript drawer, a page at a time (`count` ≤ MAX_TRANSCRIPT_PAGE_CUES): from the cache's cues
   * (or the cues this worker just parsed), each with its slice and the counted terms to highlight — never the
   * whole transcript in one message. Rejects with `no-transcript` when the worker holds no cues for the episode.
   */
  'cs-bg:transcript': { args: TranscriptArgs; answer: TranscriptPage };
  /** Progress of a long cs→bg:score (sent with tabs.sendMessage to the requesting tab). */
  'bg-cs:progress': { args: { requestId: string; phase: 'parse' | 'score' | 'store'; fraction: number }; answer: void };
  /** Drop every cached map and cue set. */
  'ui-bg:clearCache': { args: Record<string, never>; answer: { cleared: number } };
  /** Cache statistics for the popup/options. */
  'ui-bg:cacheStats': { args: Record<string, never>; answer: { episodes: number; bytes: number } };
  /** The active tab's current panel state and headline, for the popup. */
  'ui-cs:summary': {
    args: Record<string, never>;
    /** `message`: the sentence the panel shows for a non-map state (same wording in the popup). */
    answer: { videoId: string | null; state: string; map: PerspectiveMap | null; track: TrackRef | null; message?: string };
  };
  /** Re-run the active tab's session (re-acquire + re-score, bypassing the map cache). */
  'ui-cs:rescore': { args: Record<string, never>; answer: void };
}

export interface TranscriptArgs {
  videoId: string;
  track: TrackRef;
  /** Index of the first cue wanted (0-based). */
  from: number;
  count: number;
}

/** A counted term inside one cue: chars [start, end) of the cue's text, with what it contributed. */
export interface TranscriptMark {
  start: number;
  end: number;
  term: string;
  /** Signed, after modifiers, summed over the lexicons that counted it (2 decimals). */
  contribution: number;
}

/** One caption segment as the drawer shows it. `text` is caption text: render it as text only. */
export interface TranscriptCue {
  text: string;
  startMs: number;
  endMs: number;
  slice: number;
  marks: TranscriptMark[];
}

export interface TranscriptPage {
  /** Cues in the whole transcript. */
  total: number;
  from: number;
  cues: TranscriptCue[];
}

/** What is scored, apart from the body itself. */
export interface ScoreTarget {
  videoId: string;
  track: TrackRef;
  source: CaptionSource;
  requestId: string;
}

export type ScoreArgs = ScoreTarget & ({ body: string; uploadId?: never } | { uploadId: string; body?: never });

export interface UploadChunkArgs {
  uploadId: string;
  /** 0-based; chunks arrive in order. */
  index: number;
  /** Number of chunks in the whole upload (the same on every chunk). */
  count: number;
  /** Consecutive UTF-16 code units of the body (a surrogate pair may be split between chunks: they are rejoined). */
  chunk: string;
}

export type MessageType = keyof ProtocolMap;
export type MessageArgs<K extends MessageType> = ProtocolMap[K]['args'];
export type MessageAnswer<K extends MessageType> = ProtocolMap[K]['answer'];
