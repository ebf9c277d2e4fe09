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

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

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
  /** Parse and score a raw caption body fetched in the tab; answers the map (and caches map + cues). */
  'cs-bg:score': {
    args: { videoId: string; track: TrackRef; source: CaptionSource; body: string; requestId: string };
    answer: MapAnswer;
  };
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

export type MessageType = keyof ProtocolMap;
export type MessageArgs<K extends MessageType> = ProtocolMap[K]['args'];
export type MessageAnswer<K extends MessageType> = ProtocolMap[K]['answer'];
